import { readFileSync } from 'node:fs';
import { intentDataFile } from './data-file.js';
import { fromNgramData, type NgramData, type NgramModel } from './ngram-model.js';

let committed: NgramModel | null | undefined;

/** `<repo>/src/intent/ngram-model.json` (src/intent/data-file.ts finds it). */
export function ngramModelFile(): string {
  return intentDataFile('ngram-model.json');
}

/**
 * The committed classifier (src/intent/ngram-model.json, built by scripts/train-intent-model.ts), read and parsed
 * on first need only: a process whose messages the rules answer confidently never reads it. Null when the file is
 * missing or malformed: matching then goes on with the rules alone (test/unit/intent/ngram.test.ts holds the
 * committed file valid).
 */
export function committedNgram(file = ngramModelFile()): NgramModel | null {
  if (committed !== undefined && file === ngramModelFile()) return committed;
  let model: NgramModel | null;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as NgramData;
    model = wellFormed(data) ? fromNgramData(data) : null;
    if (model && model.weights.length !== model.index.size * model.classes.length) model = null;
  } catch {
    model = null;
  }
  if (file === ngramModelFile()) committed = model;
  return model;
}

function wellFormed(d: NgramData): boolean {
  if (d?.version !== 2 || !Array.isArray(d.classes) || !Array.isArray(d.bias) || typeof d.weights !== 'string')
    return false;
  const k = d.classes.length;
  return k >= 2 && d.bias.length === k && d.scale > 0 && typeof d.features === 'string';
}
