import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildNgramSources, NGRAM_DATA_DIR } from '../../../scripts/train-intent-model.js';

describe('scripts/train-intent-model.ts', () => {
  it('builds from the fixtures exactly the committed src/intent/ngram-data/ (run the script after editing them)', async () => {
    const built = await buildNgramSources();
    expect(built.get('index.ts')).toContain('export const NGRAM_MODEL_JSON');
    expect((await readdir(NGRAM_DATA_DIR)).sort()).toEqual([...built.keys()].sort());
    for (const [name, source] of built) {
      const committed = await readFile(join(NGRAM_DATA_DIR, name), 'utf8');
      expect({ name, same: committed === source }).toEqual({ name, same: true });
    }
  }, 60_000);
});
