import { ngramFeatures } from '../../src/intent/ngram-features.js';
import type { NgramModel } from '../../src/intent/ngram-model.js';
import type { NgramExample } from './model.js';

/** Passes over the training messages. */
const EPOCHS = 30;
/** Step size of stochastic gradient descent. */
const RATE = 0.2;
/** L2 penalty per step, pulling every weight towards zero (smaller weights: less sure on new wording). */
const L2 = 1e-4;
/** A feature seen in fewer training messages than this is left out. */
const MIN_MESSAGES = 2;

/**
 * Multinomial logistic regression over the same features as the naive Bayes model (scripts/intent-ngram/model.ts),
 * trained by stochastic gradient descent in a fixed order (a seeded shuffle): deterministic. Its probabilities are
 * usually better calibrated than naive Bayes's, which counts correlated n-grams as independent evidence.
 */
export function trainLogistic(examples: readonly NgramExample[], seed = 1): NgramModel {
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  const k = classes.length;
  const docs = examples.map((e) => ({ feats: ngramFeatures(e.text), y: classes.indexOf(e.label) }));
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.feats) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df.keys()].filter((f) => df.get(f)! >= MIN_MESSAGES).sort();
  const id = new Map(vocab.map((f, i) => [f, i]));
  const rows = docs.map((d) => ({ x: d.feats.flatMap((f) => (id.has(f) ? [id.get(f)!] : [])), y: d.y }));
  const w = new Float64Array(vocab.length * k);
  const b = new Float64Array(k);
  const order = rows.map((_, i) => i);
  let state = seed >>> 0 || 1;
  const rand = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = RATE / (1 + epoch * 0.2);
    for (const n of order) {
      const { x, y } = rows[n]!;
      for (let c = 0; c < k; c++) {
        let s = b[c]!;
        for (const f of x) s += w[f * k + c]!;
        p[c] = s;
      }
      const top = Math.max(...p);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += p[c] = Math.exp(p[c]! - top);
      for (let c = 0; c < k; c++) {
        const g = p[c]! / sum - (c === y ? 1 : 0);
        b[c]! -= rate * g;
        for (const f of x) w[f * k + c]! -= rate * (g + L2 * w[f * k + c]!);
      }
    }
  }
  return { classes, prior: b, index: id, weights: w };
}
