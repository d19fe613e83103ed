import { readFileSync } from 'node:fs';
import { buildLexiconPinyinJson } from '../../../scripts/gen-lexicon-pinyin.js';
import { builtinLexicon } from '../../../src/intent/concepts.js';
import { lexiconPinyinFile } from '../../../src/intent/pinyin.js';

describe('scripts/gen-lexicon-pinyin.ts', () => {
  it('writes exactly the committed src/intent/lexicon-pinyin.json (run `npm run gen:pinyin` after adding terms)', () => {
    const built = buildLexiconPinyinJson();
    expect(built === readFileSync(lexiconPinyinFile(), 'utf8')).toBe(true);
    const table = JSON.parse(built) as Record<string, string[]>;
    expect(table['起不来']).toEqual(['qi bu lai']);
    expect(table['重启']).toEqual(expect.arrayContaining(['chong qi', 'zhong qi']));
    const terms = builtinLexicon().concepts.flatMap((c) => c.zh);
    expect(terms.length).toBeGreaterThan(300);
    for (const t of terms) expect([t, Object.hasOwn(table, t)]).toEqual([t, true]);
  });
});
