import { z } from 'zod';
import { ngramFeatures } from './features.js';

/**
 * A multinomial naive Bayes classifier over the n-gram features of src/intent/ngram-features.ts, trained on the
 * labelled intent sets (scripts/train-intent-model.ts). The committed form holds counts only (integers, exact to
 * rebuild); log-probabilities are computed once when it is first used.
 */
export const NULL_CLASS = 'null';

/** The committed form: classes, messages per class, and per feature its message count in each class. */
export const ngramModelSchema = z.object({
  version: z.literal(1),
  alpha: z.number().positive(),
  classes: z.array(z.string().min(1)).min(2),
  docs: z.array(z.number().int().nonnegative()),
  /** Feature → counts by class (same order as `classes`). */
  counts: z.record(z.string(), z.array(z.number().int().nonnegative())),
});
export type NgramModelData = z.infer<typeof ngramModelSchema>;

/** One training message: its text and its class (a playbook id, or NULL_CLASS for unrelated chatter). */
export interface NgramExample {
  text: string;
  label: string;
}

/** Smoothing added to every count. */
const ALPHA = 0.5;
/** A feature seen in fewer training messages than this is left out (noise, and a smaller model). */
const MIN_MESSAGES = 2;

/** Count features by class. Deterministic: classes and features sorted. */
export function trainNgram(examples: readonly NgramExample[]): NgramModelData {
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  const docs = classes.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const e of examples) {
    const c = classes.indexOf(e.label);
    docs[c]!++;
    for (const f of ngramFeatures(e.text)) {
      let row = counts.get(f);
      if (!row) counts.set(f, (row = classes.map(() => 0)));
      row[c]!++;
    }
  }
  const kept: Record<string, number[]> = {};
  for (const f of [...counts.keys()].sort()) {
    const row = counts.get(f)!;
    if (row.reduce((a, b) => a + b, 0) >= MIN_MESSAGES) kept[f] = row;
  }
  return { version: 1, alpha: ALPHA, classes, docs, counts: kept };
}

/** A model ready to score: log-probabilities per feature and class. */
export interface NgramModel {
  classes: string[];
  prior: Float64Array;
  /** log P(feature | class), per feature. */
  weights: Map<string, Float64Array>;
}

/** Turn counts into log-probabilities (multinomial, Laplace-smoothed by `alpha`). */
export function compileNgram(data: NgramModelData): NgramModel {
  const k = data.classes.length;
  const vocab = Object.keys(data.counts).length + 1;
  const total = new Float64Array(k);
  for (const row of Object.values(data.counts)) for (let c = 0; c < k; c++) total[c]! += row[c]!;
  const denom = Array.from(total, (t) => Math.log(t + data.alpha * vocab));
  const all = data.docs.reduce((a, b) => a + b, 0);
  const prior = Float64Array.from(data.docs, (d) => Math.log((d + 1) / (all + k)));
  const weights = new Map<string, Float64Array>();
  for (const [f, row] of Object.entries(data.counts))
    weights.set(
      f,
      Float64Array.from(row, (n, c) => Math.log(n + data.alpha) - denom[c]!),
    );
  return { classes: data.classes, prior, weights };
}

/** Class probabilities of a message, best first. Features the model never kept are ignored. */
export function classifyNgram(model: NgramModel, text: string): Array<{ label: string; p: number }> {
  const score = Float64Array.from(model.prior);
  for (const f of ngramFeatures(text)) {
    const w = model.weights.get(f);
    if (!w) continue;
    for (let c = 0; c < score.length; c++) score[c]! += w[c]!;
  }
  const top = Math.max(...score);
  const exp = Array.from(score, (s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.classes.map((label, c) => ({ label, p: exp[c]! / sum })).sort((a, b) => b.p - a.p);
}
