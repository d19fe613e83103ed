/**
 * `npx tsx scripts/train-intent-model.ts`: build the intent n-gram classifier (logistic regression,
 * scripts/intent-ngram/logistic.ts) from the labelled sets (scripts/intent-ngram/sets.ts lists them) and write its committed form to src/intent/ngram-model.json.
 * test/unit/scripts/train-intent-model.test.ts checks that the committed file is what this script builds.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toNgramData } from '../src/intent/ngram-model.js';
import { trainLogistic } from './intent-ngram/logistic.js';
import { readTrainingSets } from './intent-ngram/sets.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the committed model goes (read by src/intent/ngram.ts on first need). */
export const NGRAM_MODEL_FILE = join(ROOT, 'src', 'intent', 'ngram-model.json');

/** The text of src/intent/ngram-model.json as built from the fixtures: one line of JSON. */
export async function buildNgramJson(): Promise<string> {
  const sets = await readTrainingSets(join(ROOT, 'test', 'fixtures', 'intent'));
  return `${JSON.stringify(toNgramData(trainLogistic(sets.flatMap((s) => s.examples))))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const json = await buildNgramJson();
  writeFileSync(NGRAM_MODEL_FILE, json);
  console.log(`wrote ${NGRAM_MODEL_FILE}: ${json.length} characters`);
}
