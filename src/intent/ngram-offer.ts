import { classifyNgram, NULL_CLASS, type NgramModel } from './ngram-model.js';

/**
 * A choice as src/intent/match.ts offers it (its MatchChoice; declared here so that this file and
 * src/intent/parts-in-trouble.ts need not import match.ts, which imports them).
 */
export interface OfferedChoice {
  id: string;
  title: string;
  confidence: number;
  reason: string;
}

/** The part of src/intent/match.ts's MatchResult this file reads and writes. */
export interface Offerable {
  playbook: { id: string; title: string } | null;
  confidence: number;
  alternatives: Array<{ id: string; title: string; confidence: number }>;
  outcome: 'match' | 'choices' | 'howto' | 'none';
  choices?: OfferedChoice[];
  nearest?: OfferedChoice[];
  /** A how-to answer's section (src/intent/match.ts); dropped when the answer becomes choices. */
  howto?: { section: string; title: string };
  passive: boolean;
}

/**
 * The classifier's playbook is offered (never run, never suggested unasked) when it is at least this probable.
 * Chosen by cross-validation (scripts/cv-intent-model.ts, docs/intent.md): the lowest value that added no false
 * alarm, both over the sets left out and on the sets older matchers had not seen (0.5 added five and one); 0.95 and
 * 0.99 gained fewer right answers. Vague trouble with no part named ("生产环境有问题", 0.84 for the checklist) stays
 * below it.
 */
export const NGRAM_OFFER_P = 0.9;
/**
 * Surer than this, the classifier may overrule the rules' order: its playbook leads choices it is among, and a
 * confident match or a how-to answer of another playbook becomes choices of the two, the classifier's first.
 * Chosen on messages the rules had not been tuned on (docs/intent.md, "The classifier's second opinion"): round 20's
 * test half and round 21's tuning half, and the older rounds left out of the classifier one at a time.
 */
export const NGRAM_SURE_P = 0.99;
/**
 * A message with no trouble or question word the rules know ("lianxi zhichi yao tigong sha xinxi") that they
 * cannot place gets the classifier's playbook as a choice only at this probability (with the rules' evidence:
 * NGRAM_OFFER_P); "gongsi diannao kaiji denglu bu jinqu" (a PC's boot login) asks nothing and gets nothing.
 */
export const NGRAM_BARE_P = 0.95;
/**
 * A match the rules are unsure of (confidence below this) that the classifier reads at NGRAM_ADD_P or more as
 * another playbook offers that one beside it (the rules' first).
 */
export const NGRAM_UNSURE_MATCH = 0.7;
/** How sure the classifier must be of another playbook to be offered beside an unsure match. */
export const NGRAM_ADD_P = 0.8;
/**
 * The rules are firm at this confidence or more (a log line a playbook knows, a phrase of its own): the classifier
 * overrules a firm answer only when another playbook also scored NGRAM_SECOND_READING with the rules. The
 * classifier is sure and wrong on some readings the rules hold on purpose (Django's 404 page of the admin, a
 * superuser never made, "oms-backend inactive" as the unit's trouble, test/unit/intent/).
 */
export const NGRAM_FIRM = 0.9;
/** A firm answer is questioned only when another playbook scored at least this with the rules. */
export const NGRAM_SECOND_READING = 0.5;
/**
 * Passive listening (nobody asked) suggests nothing the classifier reads as unrelated (the null class) at this
 * probability or more: an unasked wrong reply costs more than a missed one. Not asked about a match on a pasted line
 * a playbook's signature knows (src/intent/match.ts): the rules' surest reading, and a long paste costs the
 * classifier most (no fixture message's answer differs).
 */
export const NGRAM_PASSIVE_NULL = 0.5;
/** At most this many choices (the rules' and the classifier's together). */
const MAX_CHOICES = 3;
/** The reason shown beside a choice the classifier added. */
export const NGRAM_REASON = '说法像以前的同类问题 / worded like earlier reports of this';

/** What the rules knew of the message: may the classifier add to their answer at all? */
export interface NgramGate {
  /** The message is about OMS as far as the rules can tell: no other system, announcement or textbook question. */
  ours: boolean;
  /** The rules found some evidence of OMS's playbooks (a concept, a word, a line): not chatter. */
  evidence: boolean;
  /** The message asks something (a question word or mark): a message without evidence must, to be offered. */
  asks?: boolean;
  /** When set, only these playbooks may be added (those the rules themselves scored). */
  allow?: ReadonlySet<string>;
}

/**
 * Where the rules are weak (no answer, or choices), add the classifier's best playbook to the choices. A confident
 * match and a how-to answer stay as they are, and the result stays `passive: false`: the classifier only ever adds a
 * button to a message somebody addressed to the bot. Pure.
 */
export function offerNgram<R extends Offerable>(
  result: R,
  text: string,
  model: NgramModel | null,
  gate: NgramGate,
  titleOf: (id: string) => string | undefined,
  scoreOf: (id: string) => number,
  threshold = NGRAM_OFFER_P,
  sure = NGRAM_SURE_P,
  bare = NGRAM_BARE_P,
): R {
  if (!model || !gate.ours) return result;
  // Without the rules' evidence only a question they could not place at all, and only at `bare`.
  if (result.outcome !== 'none' && (result.outcome !== 'choices' || !gate.evidence)) return result;
  if (!gate.evidence && !gate.asks) return result;
  const [best] = classifyNgram(model, text);
  if (!best || best.label === NULL_CLASS) return result;
  if (best.p < (gate.evidence ? threshold : Math.max(threshold, bare))) return result;
  if (gate.allow && !gate.allow.has(best.label)) return result;
  const title = titleOf(best.label);
  if (title === undefined) return result;
  const added: OfferedChoice = { id: best.label, title, confidence: scoreOf(best.label), reason: NGRAM_REASON };
  if (result.outcome === 'choices') {
    const choices = result.choices ?? [];
    const at = choices.findIndex((c) => c.id === added.id);
    if (at > 0 && best.p >= sure) {
      // The classifier is sure of one of the rules' own choices: it leads (its reason stays the rules').
      const lead = choices[at]!;
      const rest = choices.filter((_, i) => i !== at);
      return {
        ...result,
        playbook: { id: lead.id, title: lead.title },
        confidence: lead.confidence,
        choices: [lead, ...rest],
      };
    }
    // Three choices already: the rules' third stays (replacing it lost right answers in the experiment).
    if (choices.length >= MAX_CHOICES || choices.some((c) => c.id === added.id)) return result;
    return { ...result, choices: [...choices, added] };
  }
  const nearest = (result.nearest ?? []).filter((c) => c.id !== added.id);
  return {
    ...result,
    playbook: { id: added.id, title },
    confidence: added.confidence,
    alternatives: result.alternatives.filter((c) => c.id !== added.id).slice(0, 2),
    outcome: 'choices',
    choices: [added, ...nearest].slice(0, MAX_CHOICES),
    nearest: undefined,
    passive: false,
  };
}

/**
 * A confident match or a how-to answer that the classifier reads, at `sure` or more, as another playbook: choices
 * of the two, the classifier's first (the rules' `reason` beside theirs). A match the rules are unsure of (below
 * NGRAM_UNSURE_MATCH) that it reads at NGRAM_ADD_P as another: choices of the two, the rules' first. Nothing runs
 * until a click. Passive listening still suggests the rules' playbook where the rules lead, and nothing where the
 * classifier does. Pure.
 */
export function questionMatch<R extends Offerable>(
  result: R,
  text: string,
  model: NgramModel | null,
  gate: NgramGate,
  titleOf: (id: string) => string | undefined,
  scoreOf: (id: string) => number,
  reason: string,
  sure = NGRAM_SURE_P,
  secondReading = false,
): R {
  if (!model || !gate.ours || !gate.evidence || !result.playbook) return result;
  if (result.outcome !== 'match' && result.outcome !== 'howto') return result;
  // A firm answer with no second reading is not questioned: not even read (most confident answers; speed).
  if (result.confidence >= NGRAM_FIRM && !secondReading) return result;
  const [best] = classifyNgram(model, text);
  if (!best || best.label === NULL_CLASS || best.label === result.playbook.id) return result;
  const leads = best.p >= sure && (result.confidence < NGRAM_FIRM || secondReading);
  if (!leads && (result.outcome !== 'match' || result.confidence >= NGRAM_UNSURE_MATCH || best.p < NGRAM_ADD_P)) {
    return result;
  }
  const title = titleOf(best.label);
  if (title === undefined) return result;
  const rules: OfferedChoice = { ...result.playbook, confidence: result.confidence, reason };
  const added: OfferedChoice = { id: best.label, title, confidence: scoreOf(best.label), reason: NGRAM_REASON };
  const choices = leads ? [added, rules] : [rules, added];
  const alternatives = [choices[1]!, ...result.alternatives.filter((c) => c.id !== added.id && c.id !== rules.id)];
  return {
    ...result,
    playbook: { id: choices[0]!.id, title: choices[0]!.title },
    confidence: choices[0]!.confidence,
    outcome: 'choices',
    alternatives: alternatives.slice(0, 2),
    choices: choices.map((c) => ({ ...c })),
    howto: undefined,
    // Passive listening never suggests the classifier's reading: when it leads, nothing is suggested unasked.
    passive: result.outcome === 'match' && result.passive && !leads,
  };
}

/**
 * May passive listening suggest the rules' confident match? Not when the classifier reads the message as unrelated
 * at NGRAM_PASSIVE_NULL or more. Without a classifier the rules decide alone. Pure.
 */
export function passiveAllowed(text: string, model: NgramModel | null): boolean {
  if (!model) return true;
  const unrelated = classifyNgram(model, text).find((c) => c.label === NULL_CLASS);
  return (unrelated?.p ?? 0) < NGRAM_PASSIVE_NULL;
}
