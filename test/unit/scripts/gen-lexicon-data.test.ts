import { readFileSync } from 'node:fs';
import { buildExpressionGatesJson, buildLexiconPinyinJson } from '../../../scripts/gen-lexicon-data.js';
import { builtinLexicon } from '../../../src/intent/concepts.js';
import { expressionGatesFile } from '../../../src/intent/expression-gates.js';
import { OTHER_SYSTEMS } from '../../../src/intent/other-systems.js';
import { lexiconPinyinFile } from '../../../src/intent/pinyin.js';

describe('scripts/gen-lexicon-data.ts (run `npm run gen:lexicon` after editing a lexicon or the other systems)', () => {
  it('writes exactly the committed src/intent/lexicon-pinyin.json', () => {
    const built = buildLexiconPinyinJson();
    expect(built === readFileSync(lexiconPinyinFile(), 'utf8')).toBe(true);
    const table = JSON.parse(built) as Record<string, string[]>;
    expect(table['起不来']).toEqual(['qi bu lai']);
    expect(table['重启']).toEqual(expect.arrayContaining(['chong qi', 'zhong qi']));
    const terms = builtinLexicon().concepts.flatMap((c) => c.zh);
    expect(terms.length).toBeGreaterThan(300);
    for (const t of terms) expect([t, Object.hasOwn(table, t)]).toEqual([t, true]);
  });

  it('writes exactly the committed src/intent/expression-gates.json, every alternative in it', async () => {
    const built = await buildExpressionGatesJson();
    expect(built === readFileSync(expressionGatesFile(), 'utf8')).toBe(true);
    const table = JSON.parse(built) as Record<string, string[] | null>;
    expect(table['postgres\\w*']).toBeUndefined(); // a latin name is matched as a whole word
    expect(table['(?<![a-z0-9_])postgres\\w*(?![a-z0-9_])']).toEqual(['postgres']);
    expect(table['was sent SIGTERM']).toEqual(['was sent sigterm']);
    for (const a of [...OTHER_SYSTEMS.alternatives, ...builtinLexicon().concepts.flatMap((c) => c.text.alternatives)])
      expect([a, Object.hasOwn(table, a)]).toEqual([a, true]);
  });
});
