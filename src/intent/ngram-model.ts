import { eachNgram } from './ngram-features.js';

/** The class of unrelated messages (chatter, other systems); the others are playbook ids. */
export const NULL_CLASS = 'null';

/**
 * A linear text classifier over the n-gram features of src/intent/ngram-features.ts: a class's score is its bias
 * plus the weights of the features a message holds, and a softmax turns scores into probabilities. Logistic
 * regression (scripts/intent-ngram/logistic.ts) and naive Bayes (scripts/intent-ngram/model.ts) both take this form.
 */
export interface NgramModel {
  classes: string[];
  /** Per class: the score of a message with no known feature. */
  prior: Float64Array;
  /** Feature → its row in `weights` (a Map when trained, the committed form's sorted list when loaded). */
  index: FeatureIndex;
  /** Row by row, each feature's weight in each class (same order as `classes`), in units of 1/`scale`. */
  weights: ArrayLike<number>;
  /** What `weights` are divided by (1 when trained; the committed form keeps its integers). */
  scale?: number;
}

/** Lookups by binary search before the committed form's features are put in a Map (about ten messages' worth). */
const MAP_AFTER = 2000;

/** Feature → row: what a Map gives, and what the committed form's sorted features give by binary search. */
export interface FeatureIndex {
  get(feature: string): number | undefined;
  keys(): Iterable<string>;
  readonly size: number;
}

/**
 * The committed form's features, sorted as `toNgramData` wrote them: looked up by binary search for the first
 * messages, so that loading builds no Map of ten thousand entries on the first match's path; a Map (faster per
 * lookup) once a process has asked about MAP_AFTER features.
 */
class SortedFeatures implements FeatureIndex {
  private asked = 0;
  private map: Map<string, number> | undefined;

  constructor(private readonly names: readonly string[]) {}

  get(feature: string): number | undefined {
    if (this.map) return this.map.get(feature);
    if (++this.asked > MAP_AFTER) {
      this.map = new Map(this.names.map((f, i) => [f, i]));
      return this.map.get(feature);
    }
    let lo = 0;
    let hi = this.names.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.names[mid]!;
      if (at === feature) return mid;
      if (at < feature) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  keys(): Iterable<string> {
    return this.names;
  }

  get size(): number {
    return this.names.length;
  }
}

/**
 * The committed form (src/intent/ngram-model.json): the features sorted and joined by '|' (no feature holds one),
 * and their weights row by row, as integers in units of 1/`scale`, 16 bits each, little-endian, in base64 (a JSON
 * array of ~90,000 numbers took most of a first match's 7–10 ms to read the model; the string is decoded in well under
 * one). A feature whose weights are all below PRUNE/SCALE is left out (it moves no decision; the model stays small).
 */
export interface NgramData {
  version: 2;
  scale: number;
  classes: string[];
  bias: number[];
  features: string;
  weights: string;
}

const SCALE = 100;
const PRUNE = 5;

/** A linear model from its parts: features with their rows of weights. */
export function linearModel(classes: string[], prior: Float64Array, rows: Iterable<[string, ArrayLike<number>]>) {
  const k = classes.length;
  const index = new Map<string, number>();
  const flat: number[] = [];
  for (const [f, row] of rows) {
    index.set(f, index.size);
    for (let c = 0; c < k; c++) flat.push(row[c]!);
  }
  return { classes, prior, index, weights: Float64Array.from(flat) } satisfies NgramModel;
}

/** A model's committed form. Deterministic for a given model. */
export function toNgramData(model: NgramModel): NgramData {
  const k = model.classes.length;
  const r = (n: number) => Math.round(n * SCALE) || 0;
  const features: string[] = [];
  const weights: number[] = [];
  for (const f of [...model.index.keys()].sort()) {
    const at = model.index.get(f)! * k;
    const scale = model.scale ?? 1;
    const row = Array.from({ length: k }, (_, c) => r(model.weights[at + c]! / scale));
    if (!row.some((w) => Math.abs(w) >= PRUNE)) continue;
    features.push(f);
    weights.push(...row);
  }
  const bias = Array.from(model.prior, r);
  const packed = Buffer.alloc(weights.length * 2);
  weights.forEach((w, i) => {
    if (w < -32768 || w > 32767) throw new Error(`a weight of ${w / SCALE} does not fit the committed form's 16 bits`);
    packed.writeInt16LE(w, i * 2);
  });
  const data = { classes: [...model.classes], bias, features: features.join('|'), weights: packed.toString('base64') };
  return { version: 2, scale: SCALE, ...data };
}

/** The committed form's weights as numbers (16-bit little-endian integers in base64). */
export function unpackWeights(base64: string): Int16Array {
  const bytes = Buffer.from(base64, 'base64');
  const out = new Int16Array(bytes.length >> 1);
  // Copied as bytes (a loop over the numbers runs interpreted on a first match); read one by one on a big-endian CPU.
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(bytes.subarray(0, out.length * 2));
  else for (let i = 0; i < out.length; i++) out[i] = bytes.readInt16LE(i * 2);
  return out;
}
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** A committed form ready to score: its weights unpacked, its features looked up in place. */
export function fromNgramData(data: NgramData): NgramModel {
  return {
    classes: data.classes,
    prior: Float64Array.from(data.bias, (b) => b / data.scale),
    index: new SortedFeatures(data.features.split('|')),
    weights: unpackWeights(data.weights),
    scale: data.scale,
  };
}

/** The last message classified (a match may ask twice: to question the rules' answer, then for passive listening). */
let last: { model: NgramModel; text: string; out: Array<{ label: string; p: number }> } | undefined;

/** Class probabilities of a message, best first. Features the model does not know are ignored. */
export function classifyNgram(model: NgramModel, text: string): Array<{ label: string; p: number }> {
  if (last?.model === model && last.text === text) return last.out.map((c) => ({ ...c }));
  const out = classify(model, text);
  last = { model, text, out };
  return out.map((c) => ({ ...c }));
}

function classify(model: NgramModel, text: string): Array<{ label: string; p: number }> {
  const score = Float64Array.from(model.prior);
  const k = score.length;
  const scale = model.scale ?? 1;
  // Each known feature once, in the order ngramFeatures lists them (the same sums), counted by its row.
  const counted = new Set<number>();
  eachNgram(text, (f) => {
    const row = model.index.get(f);
    if (row === undefined || counted.has(row)) return;
    counted.add(row);
    for (let c = 0; c < k; c++) score[c]! += model.weights[row * k + c]! / scale;
  });
  const top = Math.max(...score);
  const exp = Array.from(score, (s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.classes.map((label, c) => ({ label, p: exp[c]! / sum })).sort((a, b) => b.p - a.p);
}
