import type { Playbook } from '../playbooks/playbook.js';
import { describeCombo } from './concept-score.js';
import { AMBIGUITY_MARGIN, pickHowto } from './howto.js';
import { extract, type Extracted } from './extract.js';
import type { AnswerSummary } from './heldout.js';
import { indexPlaybooks, type PlaybookIndex } from './index.js';
import { readMessage } from './message.js';
import { committedNgram } from './ngram.js';
import type { NgramModel } from './ngram-model.js';
import { ngramGate } from './ngram-gate.js';
import {
  NGRAM_OFFER_P,
  NGRAM_REASON,
  NGRAM_SECOND_READING,
  offerNgram,
  passiveAllowed,
  questionMatch,
} from './ngram-offer.js';
import { readAsUnrelated } from './ngram-overrule.js';
import { explainAway } from './explain-away.js';
import { scorePlaybook, type PlaybookScore } from './score.js';
import { aboutTheWhole } from './whole.js';
import { offerTheWhole } from './parts-in-trouble.js';
import type { Message } from './message.js';

export interface MatchCandidate {
  id: string;
  title: string;
  confidence: number;
}

/** A playbook offered as a choice, with a one-line reason ("登录 / login + 失败 / fails"). */
export interface MatchChoice extends MatchCandidate {
  reason: string;
}

/**
 * What a message comes to:
 * - `match`: one confident playbook (run it, or suggest it when listening passively);
 * - `choices`: a middle score: offer the two or three best (`choices`), run nothing;
 * - `howto`: a how-to question: answer with `howto.section` of `playbook`;
 * - `none`: nothing matched (addressed: answer with the list of playbooks; passive: stay silent).
 */
export type MatchOutcome = 'match' | 'choices' | 'howto' | 'none';

/** `match --json`: the chosen playbook (or null), how sure, the runners-up, what was extracted. */
export interface MatchResult {
  /** The best playbook when something is offered (match, choices, how-to); null for `none`. */
  playbook: { id: string; title: string } | null;
  confidence: number;
  alternatives: MatchCandidate[];
  extracted: Extracted;
  outcome: MatchOutcome;
  /** `choices`: the playbooks offered, best first, each with its reason. */
  choices?: MatchChoice[];
  /** `howto`: the section that answers the question. */
  howto?: { section: string; title: string };
  /**
   * `none`: the playbooks that came nearest (at least NEAREST_FLOOR, at most two, none for a message about
   * another system, an announcement or a textbook question), with a reason each. Too weak to be offered as
   * choices; an addressed message's list of playbooks puts them first.
   */
  nearest?: MatchChoice[];
  /** What made the best candidate match ("signature: status=217/USER", "phrase: 超管登不上"). */
  evidence?: string;
  /** Passive listening in a channel may suggest the playbook: confident, unambiguous, about nothing else. */
  passive: boolean;
}

/** At or above this a playbook is confident: it runs when addressed. */
export const MATCH_THRESHOLD = 0.5;
/**
 * Passive listening (nobody asked) is stricter: at or above this, and only when the message names no other
 * system or host (even beside OMS) — a wrong unasked reply costs more than a missed one.
 */
export const PASSIVE_THRESHOLD = 0.6;
/** At or above this (and below a confident match) an addressed message gets choices. */
export const OFFER_THRESHOLD = 0.38;
export { AMBIGUITY_MARGIN, HOWTO_THRESHOLD } from './howto.js';
/**
 * A message about another system (MySQL, Jenkins, the VPN …) and nothing of OMS, or an announcement, keeps this
 * share of its score: below OFFER_THRESHOLD even for a perfect match, so it is never offered nor suggested.
 */
export const FOREIGN_FACTOR = 0.35;
/** A runner-up offered beside the best among choices needs at least this. */
const CHOICE_FLOOR = 0.2;
/** A playbook scoring at least this on a message that matched nothing is named first in the list (`nearest`). */
export const NEAREST_FLOOR = 0.2;

/** The n-gram classifier consulted where the rules are weak (src/intent/ngram-offer.ts); injected by evaluations. */
export interface MatchOptions {
  /** The classifier, asked for only when a message needs it; returning null: rules alone. Default: the committed. */
  ngram?: () => NgramModel | null;
  /** Least probability for the classifier's playbook to be offered (default NGRAM_OFFER_P). */
  ngramP?: number;
}

/**
 * Map free text or a pasted log (one line or many) to a playbook using its
 * concept combinations, aliases, phrases and log signatures (all from the
 * playbooks' front matter); where they give no answer or only choices, the
 * n-gram classifier may add one choice. Pure, no I/O; well under a millisecond per message.
 */
export function matchIntent(text: string, playbooks: readonly Playbook[], opts: MatchOptions = {}): MatchResult {
  const index = indexPlaybooks(playbooks);
  const msg = readMessage(typeof text === 'string' ? text : '', index);
  const extracted = extract(msg.lines.map((l) => l.raw).join('\n'), msg.host);
  if (msg.lines.length === 0) return none(extracted, []);

  const scores = index.playbooks.map((p) => scorePlaybook(p, msg)).filter((s) => s.score > 0);
  // A textbook question that pastes a line OMS's playbooks know ("开头那三个数字啥意思" over `od -c` of a unit) is ours.
  const known = scores.some((s) => s.evidence.startsWith('signature'));
  const factor = msg.context.foreign || msg.context.notice || (msg.general && !known) ? FOREIGN_FACTOR : 1;
  for (const s of scores) s.score *= factor;
  scores.sort((a, b) => b.score - a.score);
  explainAway(scores);
  const gate = ngramGate(msg, scores, factor);
  const anyModel = () => (opts.ngram ?? committedNgram)();
  const model = () => (gate.ours ? anyModel() : null);
  const titleOf = (id: string) => index.playbooks.find((p) => p.id === id)?.title;
  const scoreOf = (id: string) => round(scores.find((s) => s.id === id)?.score ?? 0);
  const second = (r: MatchResult) => offerNgram(r, text, model(), gate, titleOf, scoreOf, opts.ngramP ?? NGRAM_OFFER_P);
  const whole = aboutTheWhole(index, msg, scores, MATCH_THRESHOLD + AMBIGUITY_MARGIN);
  scores.sort((a, b) => b.score - a.score);

  const ranked = scores
    .map((s) => ({ id: s.id, title: s.title, confidence: round(s.score) }))
    .filter((c) => c.confidence > 0);
  const best = ranked[0];
  // The classifier may overrule the rules' answer as unrelated (src/intent/ngram-overrule.ts): the list of playbooks
  // instead, the rules' reading (their two best choices) named first in it (not offered).
  const settle = (r: MatchResult): MatchResult => {
    if (!r.playbook || !readAsUnrelated(r, text, anyModel(), known)) return r;
    const listed = none(extracted, ranked.slice(0, 3));
    const own = scores.find((s) => s.id === r.playbook!.id);
    const why = r.howto ? `怎么做 / how to: ${r.howto.title}` : own ? reasonOf(index, own) : NGRAM_REASON;
    // The rules' choices, when they had some, as many as `nearest` names (two).
    listed.nearest = r.choices?.length
      ? r.choices.slice(0, 2)
      : [{ ...r.playbook, confidence: r.confidence, reason: why }];
    return listed;
  };
  // About the whole: a how-to section of one part is not the answer (the umbrella's own sections still are); none
  // when a part a pasted line points at stays beside the whole (choices).
  const howto = whole?.beside ? undefined : pickHowto(index, msg, factor, scores, whole?.id);
  const question = (r: MatchResult, reason: string): MatchResult =>
    questionMatch(
      r,
      text,
      gate.ours && gate.evidence ? model() : null,
      gate,
      titleOf,
      scoreOf,
      reason,
      undefined,
      // A second reading: another playbook the rules also scored high (they ranked the answer's own first).
      ranked.filter((c) => c.id !== r.playbook?.id).some((c) => c.confidence >= NGRAM_SECOND_READING),
    );
  if (howto) {
    const p = index.playbooks.find((q) => q.id === howto.playbook)!;
    const confidence = round(Math.max(howto.score, scores.find((s) => s.id === p.id)?.score ?? 0));
    // The classifier, sure of another playbook, may question the rules' reading of a how-to question.
    const answer = question(
      {
        playbook: { id: p.id, title: p.title },
        confidence,
        alternatives: ranked.filter((c) => c.id !== p.id).slice(0, 2),
        extracted,
        outcome: 'howto',
        howto: { section: howto.section, title: howto.title },
        evidence: `concepts: ${howto.combo.join(' + ')}`,
        passive: false,
      },
      `怎么做 / how to: ${howto.title}`,
    );
    return settle(answer);
  }
  if (!best || best.confidence < OFFER_THRESHOLD) {
    const result = none(extracted, ranked.slice(0, 3));
    const near = factor === 1 ? ranked.filter((c) => c.confidence >= NEAREST_FLOOR).slice(0, 2) : [];
    if (near.length > 0) result.nearest = withReasons(index, near, scores);
    // No veto here: what the classifier adds to no answer is never its null class.
    return offerTheWhole(second(result), index, msg);
  }
  const close = ranked.slice(1).filter((c) => isClose(best.confidence, c));
  const decisive = best.confidence >= MATCH_THRESHOLD && close.length === 0;
  const result: MatchResult = {
    playbook: { id: best.id, title: best.title },
    confidence: best.confidence,
    alternatives: close.length > 0 ? close : ranked.slice(1, 3),
    extracted,
    outcome: decisive ? 'match' : 'choices',
    evidence: scores[0]!.evidence,
    // Reading a message as about the whole is for someone who asked: passive listening does not act on it, nor on
    // many problems read as the checklist's ("从昨晚开始 oms 就各种报错").
    passive:
      decisive &&
      best.confidence >= PASSIVE_THRESHOLD &&
      whole === undefined &&
      !scores[0]!.combo?.includes('many-problems') &&
      unaskedWorthy(msg, scores[0]!),
  };
  if (!decisive) {
    result.choices = withReasons(
      index,
      [best, ...ranked.slice(1, 3).filter((c) => c.confidence >= CHOICE_FLOOR)],
      scores,
    );
  }
  if (!decisive) return settle(offerTheWhole(second(result), index, msg));
  // Passive: not what the classifier reads as unrelated (ngram-offer.ts), but a pasted line a signature knows.
  if (result.passive && !result.evidence?.startsWith('signature') && !passiveAllowed(text, model())) {
    result.passive = false;
  }
  // The classifier may question a confident match (src/intent/ngram-offer.ts: questionMatch).
  return settle(question(result, reasonOf(index, scores[0]!)));
}

/**
 * May passive listening (nobody asked) answer this message? Only a report of trouble on OMS: a pasted log line
 * OMS's playbooks know, or a sign of trouble in the words; never beside another system or host, an announcement,
 * a problem told as solved or a textbook question.
 */
function unaskedWorthy(msg: Message, best: PlaybookScore): boolean {
  const c = msg.context;
  if (c.other || c.notice || c.foreign || c.review || msg.general) return false;
  return best.evidence.startsWith('signature') || msg.trouble || REPORTED.some((k) => msg.concepts.has(k));
}

/** Concepts that report something seen on OMS though they name no failure ("请求跑到 localhost", "全是 SIGTERM"). */
const REPORTED = ['wrong-address', 'sigterm', 'oom', 'killed'];

/** True when the result is a confident, unambiguous diagnosis (what an addressed message runs). */
export function isDecisive(result: MatchResult): boolean {
  if (!result.playbook || result.outcome !== 'match' || result.confidence < MATCH_THRESHOLD) return false;
  return !result.alternatives.some((a) => isClose(result.confidence, a));
}

/** What an answer to an addressed message comes to, for the evaluation (src/intent/heldout.ts). */
export function answerSummary(r: MatchResult): AnswerSummary {
  const top = r.playbook?.id ?? null;
  switch (r.outcome) {
    case 'match':
      return { outcome: 'match', top, offered: [top!], section: null, passive: r.passive };
    case 'howto':
      return { outcome: 'howto', top, offered: [top!], section: `${top}#${r.howto!.section}`, passive: false };
    case 'choices':
      return { outcome: 'choices', top, offered: r.choices!.map((c) => c.id), section: null, passive: false };
    default:
      return { outcome: 'none', top: null, offered: [], section: null, passive: false };
  }
}

function none(extracted: Extracted, alternatives: MatchCandidate[]): MatchResult {
  const confidence = alternatives[0]?.confidence ?? 0;
  return { playbook: null, confidence, alternatives, extracted, outcome: 'none', passive: false };
}

function withReasons(index: PlaybookIndex, cands: MatchCandidate[], scores: PlaybookScore[]): MatchChoice[] {
  return cands.map((c) => ({
    ...c,
    reason: reasonOf(
      index,
      scores.find((s) => s.id === c.id)!,
    ),
  }));
}

/** A choice's one-line reason, from what matched it. */
function reasonOf(index: PlaybookIndex, s: PlaybookScore): string {
  const [kind, ...rest] = s.evidence.split(': ');
  const what = rest.join(': ');
  if (kind === 'concepts' && s.combo) return `提到 / mentions ${describeCombo(index.lexicon, s.combo)}`;
  if (kind === 'signature') return `日志特征 / log line: ${what}`;
  if (kind === 'phrase') return `说法相近 / close to "${what}"`;
  if (kind === 'alias') return `名称 / named: ${what}`;
  if (s.combo) return `提到 / mentions ${describeCombo(index.lexicon, s.combo)}`;
  return '部分相符 / partly matches';
}

function isClose(best: number, c: MatchCandidate): boolean {
  return c.confidence >= MATCH_THRESHOLD && best - c.confidence < AMBIGUITY_MARGIN;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
