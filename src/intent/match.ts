import type { Playbook } from '../playbooks/playbook.js';
import { extract, type Extracted } from './extract.js';
import { indexPlaybooks } from './index.js';
import { readMessage } from './message.js';
import { scorePlaybook, type PlaybookScore } from './score.js';

export interface MatchCandidate {
  id: string;
  title: string;
  confidence: number;
}

/** `match --json`: the chosen playbook (or null), how sure, the runners-up, what was extracted. */
export interface MatchResult {
  playbook: { id: string; title: string } | null;
  confidence: number;
  alternatives: MatchCandidate[];
  extracted: Extracted;
  /** `match`: one confident playbook; `ambiguous`: offer playbook + alternatives, run nothing; `none`: stay silent. */
  outcome?: 'match' | 'ambiguous' | 'none';
  /** What made the best candidate match ("signature: status=217/USER", "phrase: 超管登不上"). */
  evidence?: string;
}

/** Below this nothing is chosen (passive listening stays silent). */
export const MATCH_THRESHOLD = 0.5;
/** Candidates this close to the best are offered as alternatives instead of being picked silently. */
export const AMBIGUITY_MARGIN = 0.1;
/** A message about another system (MySQL, Jenkins, the VPN …) and nothing of OMS keeps this share of its score. */
export const FOREIGN_FACTOR = 0.45;
/** A runner-up that explains only a part of what the best candidate explains is discounted by this factor. */
const EXPLAINED_AWAY = 0.85;

/**
 * Map free text or a pasted log (one line or many) to a playbook using its
 * aliases, phrases and log signatures (all from the playbooks' front matter).
 * Pure, no I/O; well under a millisecond per message.
 */
export function matchIntent(text: string, playbooks: readonly Playbook[]): MatchResult {
  const index = indexPlaybooks(playbooks);
  const msg = readMessage(typeof text === 'string' ? text : '', index);
  const extracted = extract(msg.lines.map((l) => l.raw).join('\n'), msg.host);
  if (msg.lines.length === 0) return { playbook: null, confidence: 0, alternatives: [], extracted, outcome: 'none' };

  const scores = index.playbooks.map((p) => scorePlaybook(p, msg)).filter((s) => s.score > 0);
  if (msg.context.foreign) for (const s of scores) s.score *= FOREIGN_FACTOR;
  scores.sort((a, b) => b.score - a.score);
  explainAway(scores);
  scores.sort((a, b) => b.score - a.score);

  const ranked = scores
    .map((s) => ({ id: s.id, title: s.title, confidence: round(s.score) }))
    .filter((c) => c.confidence > 0);
  const best = ranked[0];
  if (!best || best.confidence < MATCH_THRESHOLD) {
    return {
      playbook: null,
      confidence: best?.confidence ?? 0,
      alternatives: ranked.slice(0, 3),
      extracted,
      outcome: 'none',
    };
  }
  const close = ranked.slice(1).filter((c) => isClose(best.confidence, c));
  return {
    playbook: { id: best.id, title: best.title },
    confidence: best.confidence,
    alternatives: close.length > 0 ? close : ranked.slice(1, 3),
    extracted,
    outcome: close.length > 0 ? 'ambiguous' : 'match',
    evidence: scores[0]!.evidence,
  };
}

/** True when the result is confident and unambiguous enough to act on. */
export function isDecisive(result: MatchResult): boolean {
  if (!result.playbook || result.confidence < MATCH_THRESHOLD) return false;
  return !result.alternatives.some((a) => isClose(result.confidence, a));
}

function isClose(best: number, c: MatchCandidate): boolean {
  return c.confidence >= MATCH_THRESHOLD && best - c.confidence < AMBIGUITY_MARGIN;
}

/**
 * "登录接口404" matches login (登录 + 接口 + 404) and api-not-found (接口 + 404):
 * the second explains nothing the first does not, so it should not make the
 * answer ambiguous.
 */
function explainAway(sorted: PlaybookScore[]): void {
  const best = sorted[0];
  if (!best || best.explains.size === 0) return;
  for (const s of sorted.slice(1)) {
    if (s.explains.size === 0 || s.score >= best.score) continue;
    const covered = [...s.explains].every((k) => covers(best.explains, k));
    const strictlyLess = [...best.explains].some((k) => !covers(s.explains, k));
    if (covered && strictlyLess) s.score *= EXPLAINED_AWAY;
  }
}

/** Does a set of explained parts include `key`? A signature span is included by a span around it on the same line. */
function covers(keys: ReadonlySet<string>, key: string): boolean {
  if (keys.has(key)) return true;
  const m = /^l:(\d+):(\d+)-(\d+)$/.exec(key);
  if (!m) return false;
  const [line, start, end] = [m[1], Number(m[2]), Number(m[3])];
  for (const k of keys) {
    const n = /^l:(\d+):(\d+)-(\d+)$/.exec(k);
    if (n && n[1] === line && Number(n[2]) <= start && Number(n[3]) >= end) return true;
  }
  return false;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
