import { classifyNgram, NULL_CLASS, type NgramModel } from './model.js';
import type { MatchChoice, MatchResult } from '../../src/intent/match.js';

/** Default least probability for the classifier's playbook to be offered (the experiment tries several). */
export const NGRAM_OFFER_P = 0.9;
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
}

/**
 * The gate read off the rules' own answer: choices, or no answer that still names the nearest playbooks (the rules
 * found at least NEAREST_FLOOR for one and the message is not about another system, an announcement or a textbook
 * question; src/intent/match.ts). Stricter than `ngramGate` (scripts/intent-ngram/gate.ts), and it needs nothing
 * but the answer, so older matchers' answers can be gated alike.
 */
export function nearGate(r: MatchResult): NgramGate {
  const near = r.outcome === 'choices' || (r.outcome === 'none' && (r.nearest?.length ?? 0) > 0);
  return { ours: near, evidence: near };
}

/**
 * The experiment's combination (not wired into src/intent/match.ts; docs/intent.md says why). Where the rules are weak (no answer, or choices), add the classifier's best playbook to the choices. A confident
 * match and a how-to answer stay as they are, and the result stays `passive: false`: the classifier only ever adds a
 * button to a message somebody addressed to the bot. Pure.
 */
export function offerNgram(
  result: MatchResult,
  text: string,
  model: NgramModel | null,
  gate: NgramGate,
  titleOf: (id: string) => string | undefined,
  scoreOf: (id: string) => number,
  threshold = NGRAM_OFFER_P,
): MatchResult {
  if (!model || !gate.ours || !gate.evidence) return result;
  if (result.outcome !== 'none' && result.outcome !== 'choices') return result;
  const [best] = classifyNgram(model, text);
  if (!best || best.label === NULL_CLASS || best.p < threshold) return result;
  const title = titleOf(best.label);
  if (title === undefined) return result;
  const added: MatchChoice = { id: best.label, title, confidence: scoreOf(best.label), reason: NGRAM_REASON };
  if (result.outcome === 'choices') {
    const choices = result.choices ?? [];
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
