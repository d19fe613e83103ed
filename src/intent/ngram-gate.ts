import { APP_COMPONENTS } from './lexicon-components.js';
import { FAULTS } from './lexicon-faults.js';
import { PROBLEMS } from './lexicon-problems.js';
import { SERVER_COMPONENTS } from './lexicon-server.js';
import type { Message } from './message.js';
import type { NgramGate } from './ngram-offer.js';

/** A playbook scoring at least this on its phrases, aliases or log lines is evidence the message is about OMS. */
export const EVIDENCE_FLOOR = 0.1;
/** Concepts that place a message in OMS's domain: its parts, the server's, problems and faults (not questions). */
const DOMAIN = new Set([APP_COMPONENTS, SERVER_COMPONENTS, PROBLEMS, FAULTS].flatMap((c) => Object.keys(c)));

/**
 * May the n-gram classifier add a choice to this message (src/intent/ngram-offer.ts)? Only when the rules keep its
 * full score (`factor` 1: no other system, announcement or textbook question), it reports trouble or asks
 * something, and the rules found OMS's domain in it: a part or a problem named, or a playbook scoring
 * EVIDENCE_FLOOR. "中午吃什么" asks but names nothing of OMS; a healthy log pasted reports nothing.
 */
export function ngramGate(msg: Message, scores: ReadonlyArray<{ score: number }>, factor: number): NgramGate {
  const domain = scores.some((s) => s.score >= EVIDENCE_FLOOR) || [...msg.concepts].some((k) => DOMAIN.has(k));
  return { ours: factor === 1, evidence: (msg.trouble || msg.question) && domain, asks: msg.question };
}
