import { z } from 'zod';
import { ngramFeatures } from '../../src/intent/ngram-features.js';
import { linearModel, type NgramModel } from '../../src/intent/ngram-model.js';

/**
 * The experiment's first model, multinomial naive Bayes over the n-gram features of
 * src/intent/ngram-features.ts (scripts/cv-intent-model.ts `--model bayes`): counts by class, turned into the
 * linear form of src/intent/ngram-model.ts. Its probabilities proved overconfident (docs/intent.md).
 */
export { classifyNgram, NULL_CLASS, type NgramModel } from '../../src/intent/ngram-model.js';

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

/** Turn counts into log-probabilities (multinomial, Laplace-smoothed by `alpha`). */
export function compileNgram(data: NgramModelData): NgramModel {
  const k = data.classes.length;
  const vocab = Object.keys(data.counts).length + 1;
  const total = new Float64Array(k);
  for (const row of Object.values(data.counts)) for (let c = 0; c < k; c++) total[c]! += row[c]!;
  const denom = Array.from(total, (t) => Math.log(t + data.alpha * vocab));
  const all = data.docs.reduce((a, b) => a + b, 0);
  const prior = Float64Array.from(data.docs, (d) => Math.log((d + 1) / (all + k)));
  const rows = Object.entries(data.counts).map(([f, row]): [string, number[]] => [
    f,
    row.map((n, c) => Math.log(n + data.alpha) - denom[c]!),
  ]);
  return linearModel(data.classes, prior, rows);
}
