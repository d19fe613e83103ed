import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';

/**
 * The characters written in traditional Chinese alone, from OpenCC's tables (opencc-js): the keys of its traditional
 * → simplified character table that are not simplified characters themselves. Computed here for
 * scripts/gen-traditional.ts, which writes them into src/intent/traditional-chars.ts, and for the test that holds
 * that file to the installed tables; the matcher reads the generated file (a set built from a table at start-up
 * costs a process about 20 ms).
 */
export function traditionalOnlyCharacters(): string {
  const simplified = new Set(STCharacters.split('|').map((e) => e.split(' ')[0]));
  const out: string[] = [];
  for (const entry of TSCharacters.split('|')) {
    const [from, ...to] = entry.split(' ');
    if (from && !simplified.has(from) && to.some((t) => t !== from)) out.push(from);
  }
  return [...new Set(out)].sort().join('');
}
