import type { PlaybookIndex } from '../../src/intent/index.js';
import { readMessage } from '../../src/intent/message.js';
import { scorePlaybook } from '../../src/intent/score.js';
import type { NgramGate } from './offer.js';

/**
 * What the rules know of a message, for the classifier's gate (src/intent/match.ts reads a message the same way):
 * `ours` unless it is about another system, an announcement or a textbook question (the rules' FOREIGN_FACTOR
 * cases); `evidence` when some playbook scored or a lexicon concept was named. Also each playbook's rule score.
 */
export function ngramGate(text: string, index: PlaybookIndex): NgramGate & { scores: Map<string, number> } {
  const msg = readMessage(text, index);
  const scored = index.playbooks.map((p) => scorePlaybook(p, msg)).filter((s) => s.score > 0);
  const known = scored.some((s) => s.evidence.startsWith('signature'));
  const c = msg.context;
  return {
    ours: msg.lines.length > 0 && !(c.foreign || c.notice || (msg.general && !known)),
    evidence: scored.length > 0 || msg.concepts.size > 0,
    scores: new Map(scored.map((s) => [s.id, Math.round(s.score * 100) / 100])),
  };
}
