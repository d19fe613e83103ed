import type { Playbook } from '../playbooks/playbook.js';
import { extract, type Extracted } from './extract.js';
import { cjkBigrams, normalize, words } from './normalize.js';

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
}

/** Below this nothing is chosen (passive listening stays silent). */
export const MATCH_THRESHOLD = 0.5;
/** Candidates this close to the best are offered as alternatives instead of being picked silently. */
export const AMBIGUITY_MARGIN = 0.1;

/**
 * Map free text or a pasted log line to a playbook using its aliases, phrases
 * and log signatures (all from the playbooks' front matter). Pure and fast.
 */
export function matchIntent(text: string, playbooks: readonly Playbook[]): MatchResult {
  const norm = normalize(text);
  const extracted = extract(text);
  if (!norm) return { playbook: null, confidence: 0, alternatives: [], extracted };
  const scored = playbooks
    .map((p) => ({ id: p.id, title: `${p.title} / ${p.titleEn}`, confidence: round(score(p, text, norm)) }))
    .filter((c) => c.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence);
  const best = scored[0];
  if (!best || best.confidence < MATCH_THRESHOLD) {
    return { playbook: null, confidence: best?.confidence ?? 0, alternatives: scored.slice(0, 3), extracted };
  }
  const close = scored.slice(1).filter((c) => best.confidence - c.confidence < AMBIGUITY_MARGIN && c.confidence >= MATCH_THRESHOLD);
  return {
    playbook: { id: best.id, title: best.title },
    confidence: best.confidence,
    alternatives: close.length > 0 ? close : scored.slice(1, 3),
    extracted,
  };
}

/** True when the result is confident and unambiguous enough to act on. */
export function isDecisive(result: MatchResult): boolean {
  if (!result.playbook) return false;
  return !result.alternatives.some((a) => result.confidence - a.confidence < AMBIGUITY_MARGIN && a.confidence >= MATCH_THRESHOLD);
}

function score(p: Playbook, raw: string, norm: string): number {
  let best = 0;
  // A pasted log line that matches a signature is the strongest evidence.
  for (const re of p.signatures) {
    re.lastIndex = 0;
    if (re.test(raw) || re.test(norm)) best = Math.max(best, 0.95);
  }
  for (const alias of p.aliases) {
    const a = normalize(alias);
    if (norm === a) best = Math.max(best, 1);
    else if (containsTerm(norm, a)) best = Math.max(best, 0.7);
  }
  for (const phrase of p.phrases) {
    const ph = normalize(phrase);
    if (!ph) continue;
    if (norm.includes(ph)) best = Math.max(best, 0.9);
    else best = Math.max(best, 0.85 * similarity(ph, norm));
  }
  return best;
}

/** Whole-word containment for latin terms, substring for CJK. */
function containsTerm(text: string, term: string): boolean {
  if (/[\u3400-\u9fff]/.test(term)) return text.includes(term);
  return new RegExp(`(^|[^a-z0-9])${escapeRe(term)}($|[^a-z0-9])`).test(text);
}

/** Share of the phrase's bigrams and words found in the text (0..1). */
function similarity(phrase: string, text: string): number {
  const pb = cjkBigrams(phrase);
  const pw = words(phrase);
  const total = pb.size + pw.size;
  if (total === 0) return 0;
  const tb = cjkBigrams(text);
  const tw = words(text);
  let hit = 0;
  for (const b of pb) if (tb.has(b)) hit++;
  for (const w of pw) if (tw.has(w)) hit++;
  const ratio = hit / total;
  // Short phrases need a full hit; longer ones may differ a little.
  return total <= 2 ? (ratio === 1 ? 0.9 : 0) : ratio;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
