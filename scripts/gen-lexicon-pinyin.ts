/**
 * `npm run gen:pinyin`: write src/intent/lexicon-pinyin.json, the toneless readings of every Chinese term of the
 * built-in lexicon (src/intent/lexicon.ts and the files it lists) as pinyin-pro and the typed variants give them
 * (src/intent/pinyin.ts, `derivedReadings`), so that matching pinyin input need not load pinyin-pro. Run it after
 * adding Chinese terms to a lexicon file; test/unit/scripts/gen-lexicon-pinyin.test.ts fails while it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinLexicon } from '../src/intent/concepts.js';
import { derivedReadings, lexiconPinyinFile } from '../src/intent/pinyin.js';

/** The file's text: one term a line, sorted, so that a change reads as the terms it adds. */
export function buildLexiconPinyinJson(): string {
  const terms = [...new Set(builtinLexicon().concepts.flatMap((c) => c.zh))].sort();
  const lines = terms.map((t) => `${JSON.stringify(t)}:${JSON.stringify(derivedReadings(t))}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const json = buildLexiconPinyinJson();
  writeFileSync(lexiconPinyinFile(), json);
  console.log(`wrote ${lexiconPinyinFile()}: ${json.split('\n').length - 3} terms, ${json.length} characters`);
}
