/**
 * Terminal display width, for the tables the tool prints (fleet, compare, watch, targets): a Chinese
 * character takes two columns, a combining mark none, so `padEnd` (which counts UTF-16 units) misaligns
 * every column after a cell holding Chinese text. Pure; ranges from Unicode's EastAsianWidth.txt (W and F).
 * Emoji shown as pictures (Emoji_Presentation) count two, as terminals draw them; a text-style symbol made
 * a picture by U+FE0F counts one, which some terminals draw as two (rare in our cells).
 */

/** East Asian Wide (W) and Fullwidth (F) blocks, sorted, as inclusive [first, last] code points. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b], // watch, hourglass
  [0x2329, 0x232a], // angle brackets
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation (、。「」)
  [0x3041, 0x33ff], // kana, bopomofo, Hangul compatibility jamo, kanbun, CJK strokes, enclosed CJK
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms (，：（）！)
  [0xffe0, 0xffe6], // fullwidth signs (￥)
  [0x16fe0, 0x18cff], // Tangut, Khitan
  [0x1aff0, 0x1b2ff], // kana supplement and extensions, Nushu
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f2ff], // enclosed ideographic supplement
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd], // CJK Extensions B… (planes 2 and 3)
];

/** Marks drawn on the character before them, format characters (ZWJ, ZWSP), controls: no column. */
const ZERO = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;
const PICTURE = /\p{Emoji_Presentation}/u;
/** SGR colour sequences (src/render/style.ts) take no column. */
const SGR = /\x1b\[[0-9;]*m/g;

function inWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = WIDE[mid]!;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns one code point takes: 0, 1 or 2. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (ZERO.test(ch)) return 0;
  // Pictographs: wide when drawn as a picture by default (🔴 ✅), narrow when text-style (🌡 🛠).
  if (cp >= 0x1f300 && cp <= 0x1f6ff) return PICTURE.test(ch) ? 2 : 1;
  return inWide(cp) ? 2 : 1;
}

/** Columns a string takes on a terminal (colour sequences ignored). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(SGR, '')) w += charWidth(ch);
  return w;
}

/** `padEnd` by columns: pads plain or coloured text up to `columns`; longer text is returned as is. */
export function padEndWidth(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}

/** `padStart` by columns. */
export function padStartWidth(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - displayWidth(text))) + text;
}

/**
 * Cuts plain text to at most `columns` columns, ending in `…` when cut; never splits a character from the
 * marks drawn on it, and never leaves half of a wide character (the column it would straddle stays empty).
 */
export function clipWidth(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  if (columns <= 0) return '';
  const room = columns - 1;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}
