import { readFile } from 'node:fs/promises';
import { buildNgramJson, NGRAM_MODEL_FILE } from '../../../scripts/train-intent-model.js';

describe('scripts/train-intent-model.ts', () => {
  it('builds from the fixtures exactly the committed src/intent/ngram-model.json (run it after editing them)', async () => {
    const built = await buildNgramJson();
    expect(JSON.parse(built)).toMatchObject({ version: 2, classes: expect.arrayContaining(['null', 'login']) });
    expect(built === (await readFile(NGRAM_MODEL_FILE, 'utf8'))).toBe(true);
  }, 60_000);
});
