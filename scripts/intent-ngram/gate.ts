import type { PlaybookIndex } from '../../src/intent/index.js';
import { readMessage } from '../../src/intent/message.js';
import { scorePlaybook } from '../../src/intent/score.js';
import { FOREIGN_FACTOR, type MatchResult } from '../../src/intent/match.js';
import { ngramGate as matchGate } from '../../src/intent/ngram-gate.js';
import type { NgramGate } from '../../src/intent/ngram-offer.js';

/**
 * The gate src/intent/match.ts applies, for a message read apart from a match (src/intent/ngram-gate.ts), and each
 * playbook's rule score.
 */
export function ngramGate(text: string, index: PlaybookIndex): NgramGate & { scores: Map<string, number> } {
  const msg = readMessage(text, index);
  const scored = index.playbooks.map((p) => scorePlaybook(p, msg)).filter((s) => s.score > 0);
  const known = scored.some((s) => s.evidence.startsWith('signature'));
  const c = msg.context;
  const factor = c.foreign || c.notice || (msg.general && !known) ? FOREIGN_FACTOR : 1;
  return {
    ...matchGate(msg, scored, msg.lines.length > 0 ? factor : 0),
    scores: new Map(scored.map((s) => [s.id, Math.round(s.score * 100) / 100])),
  };
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
 * The gate of the rules' candidates: the classifier may add only a playbook the rules' answer ranks with at least
 * `floor` (after their own discount for another system or an announcement), read off the answer alone.
 */
export function candidateGate(r: MatchResult, floor: number): NgramGate {
  const ranked = [...r.alternatives, ...(r.choices ?? []), ...(r.nearest ?? [])];
  if (r.playbook) ranked.push({ ...r.playbook, confidence: r.confidence });
  const allow = new Set(ranked.filter((c) => c.confidence >= floor).map((c) => c.id));
  return { ours: allow.size > 0, evidence: allow.size > 0, allow };
}
