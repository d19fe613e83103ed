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
 * confident match of another playbook with a second reading (NGRAM_SECOND_READING) becomes choices of the two.
 * Chosen by leave-one-round-out checks (docs/intent.md, round 8): at 0.99 no right first choice was moved, and
 * every match so questioned in the rounds the rules had never seen was wrong.
 */
export const NGRAM_SURE_P = 0.99;
/** A confident match is questioned only when another playbook scored at least this by the rules. */
export const NGRAM_SECOND_READING = 0.5;
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
): R {
  if (!model || !gate.ours || !gate.evidence) return result;
  if (result.outcome !== 'none' && result.outcome !== 'choices') return result;
  const [best] = classifyNgram(model, text);
  if (!best || best.label === NULL_CLASS || best.p < threshold) return result;
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
 * A confident match that has a second reading (another playbook scored NGRAM_SECOND_READING by the rules) and that
 * the classifier reads, at NGRAM_SURE_P or more, as another playbook: offered as choices of the two, the rules'
 * first (`reason`: why the rules chose it). Nothing runs until a click. `passive` stays as the rules set it:
 * passive listening suggests the rules' playbook exactly as before. Pure.
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
): R {
  if (!model || !gate.ours || !gate.evidence || result.outcome !== 'match' || !result.playbook) return result;
  const [best] = classifyNgram(model, text);
  if (!best || best.label === NULL_CLASS || best.p < sure || best.label === result.playbook.id) return result;
  const title = titleOf(best.label);
  if (title === undefined) return result;
  const first: OfferedChoice = { ...result.playbook, confidence: result.confidence, reason };
  const added: OfferedChoice = { id: best.label, title, confidence: scoreOf(best.label), reason: NGRAM_REASON };
  const alternatives = [added, ...result.alternatives.filter((c) => c.id !== added.id)].slice(0, 2);
  return { ...result, outcome: 'choices', alternatives, choices: [first, added].map((c) => ({ ...c })) };
}
