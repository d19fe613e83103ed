import { NGRAM_MODEL_JSON } from './ngram-data/index.js';
import { fromNgramData, type NgramData, type NgramModel } from './ngram-model.js';

let committed: NgramModel | null | undefined;

/**
 * The committed classifier (src/intent/ngram-data/, built by scripts/train-intent-model.ts), parsed on first
 * use only: messages the rules answer confidently never pay for it. Null if the data does not parse (matching
 * then goes on with the rules alone; test/unit/intent/ngram.test.ts holds the committed data valid).
 */
export function committedNgram(): NgramModel | null {
  if (committed !== undefined) return committed;
  const data = JSON.parse(NGRAM_MODEL_JSON) as NgramData;
  committed = wellFormed(data) ? fromNgramData(data) : null;
  return committed;
}

function wellFormed(d: NgramData): boolean {
  if (d?.version !== 1 || !Array.isArray(d.classes) || !Array.isArray(d.bias) || !Array.isArray(d.weights))
    return false;
  const k = d.classes.length;
  if (k < 2 || d.bias.length !== k || !(d.scale > 0) || typeof d.features !== 'string') return false;
  return d.weights.length === d.features.split('|').length * k;
}
