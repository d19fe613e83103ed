import { readFile } from 'node:fs/promises';
import { buildNgramSource, NGRAM_DATA_FILE } from '../../../scripts/train-intent-model.js';

describe('scripts/train-intent-model.ts', () => {
  it('builds from the fixtures exactly the committed src/intent/ngram-data.ts (run the script after editing them)', async () => {
    const built = await buildNgramSource();
    expect(built).toContain('export const NGRAM_MODEL_JSON');
    expect(built === (await readFile(NGRAM_DATA_FILE, 'utf8'))).toBe(true);
  }, 60_000);
});
