import type { Lexicon } from './concepts.js';

/** Score of a satisfied combination by its number of concepts: one concept alone only suggests. */
const BY_SIZE = [0, 0.42, 0.62, 0.72, 0.78];
/** Each further satisfied combination adds a little (more of the playbook's world is named). */
const EXTRA_COMBO = 0.02;
const MAX_EXTRA = 3;

export interface ComboHit {
  score: number;
  /** The best satisfied combination. */
  combo: string[];
}

/** The best of `combos` whose concepts all appear in the message; undefined when none does. */
export function comboScore(combos: readonly string[][], concepts: ReadonlySet<string>): ComboHit | undefined {
  let best: string[] | undefined;
  let satisfied = 0;
  for (const combo of combos) {
    if (!combo.every((c) => concepts.has(c))) continue;
    satisfied++;
    if (!best || combo.length > best.length) best = combo;
  }
  if (!best) return undefined;
  const base = BY_SIZE[Math.min(best.length, BY_SIZE.length - 1)]!;
  return { score: base + EXTRA_COMBO * Math.min(MAX_EXTRA, satisfied - 1), combo: best };
}

/** "登录 / login + 失败 / fails": a combination in words, for the answer's one-line reason. */
export function describeCombo(lexicon: Lexicon, combo: readonly string[]): string {
  return combo.map((id) => lexicon.byId.get(id)?.label ?? id).join(' + ');
}
