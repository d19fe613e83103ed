import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';
import { intentDataFile } from './data-file.js';
import { expandInitials, initialsAmongCharacters, readsAsPinyin } from './pinyin-initials.js';
import { PINYIN_SYLLABLES } from './pinyin-syllables.js';

/**
 * Chinese and pinyin in one space: both become toneless syllables separated
 * by single spaces (" hou duan qi bu lai "), so "houduan qibulai",
 * "hou duan qi bu lai" and 后端起不来 compare alike.
 *
 * pinyin-pro (a maintained, dictionary-based converter that reads polyphones
 * in context: 重启 → chong qi) costs ~100 ms to load, so it is required only
 * when a message actually holds pinyin (see `toPinyin`).
 */
const SYLLABLES = new Set(PINYIN_SYLLABLES);
const LONGEST = 6;

/** A latin word typed with tone numbers ("deng1lu4", "bu4", "hou4tai4"): syllables each followed by a digit 1–5. */
const TONED = /(?<![a-z0-9_.-])(?:[a-zü]{2,6}[1-5])+[a-zü]*(?![a-z0-9_])/g;

/**
 * Pinyin typed with tone numbers, without them ("deng1lu4 bu4 shang4" → "denglu bu shang"), as learners and some
 * keyboards type it; a word whose letters are not all pinyin syllables of two letters or more keeps its digits
 * (ext4, sha1sum, log4j, e2e, python3). Applied by normalize() (src/intent/normalize.ts).
 */
export function withoutToneDigits(text: string): string {
  if (!/[a-zü][1-5]/.test(text)) return text;
  return text.replace(TONED, (word) => {
    const runs = word.split(/[1-5]/).filter(Boolean);
    return runs.every((r) => SYLLABLES.has(r.replace(/ü/g, 'v'))) ? runs.join('') : word;
  });
}

const splitCache = new Map<string, string[] | null>();

/** Syllables of one latin word typed as pinyin, fewest syllables first; null when it is not pinyin. */
export function splitSyllables(word: string): string[] | null {
  const w = word.toLowerCase().replace(/ü/g, 'v');
  if (!/^[a-z]+$/.test(w) || w.length > 40) return null;
  const hit = splitCache.get(w);
  if (hit !== undefined) return hit;
  const out = ERHUA[w] ?? split(w);
  if (splitCache.size > 5000) splitCache.clear();
  splitCache.set(w, out);
  return out;
}

/** A few words typed with the -r of northern speech ("zai nar" 在哪儿): a closed list, "her" or "for" stay English. */
const ERHUA: Record<string, string[]> = { nar: ['na', 'er'], zher: ['zhe', 'er'], dianr: ['dian', 'er'] };

function split(w: string): string[] | null {
  // best[i]: fewest syllables covering w[0..i) (ties: the longer first syllable wins, being tried first).
  const best: Array<string[] | null> = [[]];
  for (let i = 1; i <= w.length; i++) {
    best[i] = null;
    for (let len = Math.min(LONGEST, i); len >= 1; len--) {
      const prev = best[i - len];
      const syl = w.slice(i - len, i);
      if (prev && SYLLABLES.has(syl) && (!best[i] || prev.length + 1 < best[i]!.length)) best[i] = [...prev, syl];
    }
  }
  return best[w.length] ?? null;
}

/**
 * The pinyin stream of the latin words of a text: " deng lu bu shang le ".
 * Words that are not pinyin break the stream with "|" so syllables never join
 * across them. Empty when the text holds fewer than two pinyin syllables in a row.
 * In a message typed as pinyin, initials ("hd qbl") count as the syllables they stand for
 * (src/intent/pinyin-initials.ts).
 */
export function pinyinStream(text: string): string {
  // A message's text is read as pinyin by the lexicon and by the classifier alike: the last results are kept.
  const known = streams.get(text);
  if (known !== undefined) return known;
  const out = streamOf(text);
  if (text.length > 4096) return out;
  if (streams.size >= 64) streams.clear();
  streams.set(text, out);
  return out;
}
const streams = new Map<string, string>();

function streamOf(text: string): string {
  const parts: string[] = [];
  let run = 0;
  let longest = 0;
  const tokens = text.toLowerCase().match(/[a-zü]+|[^a-zü\s]+/g) ?? [];
  const initials = readsAsPinyin(tokens, (t) => splitSyllables(t) !== null);
  const characters = /[\u4e00-\u9fff]/.test(text);
  for (const token of tokens) {
    const latin = /^[a-zü]+$/.test(token);
    const read = initials || (latin && initialsAmongCharacters(token, characters));
    const syl = latin ? (splitSyllables(token) ?? (read ? expandInitials(token) : null)) : null;
    if (syl) {
      parts.push(...syl);
      run += syl.length;
      longest = Math.max(longest, run);
    } else {
      if (parts[parts.length - 1] !== '|') parts.push('|');
      run = 0;
    }
  }
  // 后台服务/后台程序 typed in pinyin is the backend, as in Chinese (src/intent/typos.ts), not the admin pages
  return longest >= 2 ? ` ${parts.join(' ')} `.replace(/ hou tai (?=fu wu |cheng xu |jin cheng )/g, ' hou duan ') : '';
}

type Converter = (text: string) => string[];
let converter: Converter | undefined;

/** Whether pinyin-pro has been loaded (for the benchmark). */
export function pinyinLoaded(): boolean {
  return converter !== undefined;
}

/** Toneless syllables of a Chinese term ("起不来" → "qi bu lai"); other characters are dropped. */
export function toPinyin(zh: string): string {
  converter ??= loadConverter();
  return converter(zh)
    .filter((s) => /^[a-zü]+$/.test(s))
    .map((s) => s.replace(/ü/g, 'v'))
    .join(' ');
}

/**
 * Readings typed for characters pinyin-pro reads one way in a term but people type another: 不了 is read "bu liao"
 * yet typed "bu le" ("dakaibule"); 重启 "chong qi" is typed "zhong qi" too.
 */
const TYPED_READINGS: Record<string, readonly string[]> = {
  了: ['le', 'liao'],
  重: ['chong', 'zhong'],
  还: ['hai', 'huan'],
  得: ['de', 'dei'],
  地: ['de', 'di'],
  的: ['de', 'di'],
  行: ['xing', 'hang'],
  都: ['dou', 'du'],
  没: ['mei', 'mo'],
  着: ['zhe', 'zhao', 'zhou'],
  长: ['chang', 'zhang'],
  传: ['chuan', 'zhuan'],
  谁: ['shui', 'shei'],
  // 模板 as typed: "mo ban" as well as pinyin-pro's "mu ban"
  模: ['mo', 'mu'],
};
/** At most this many readings of one term. */
const MAX_READINGS = 4;

/**
 * Toneless readings of a Chinese term: those written for the built-in lexicon's terms (src/intent/lexicon-pinyin.json),
 * or derived ({@link derivedReadings}) for a term not in it.
 */
export function pinyinReadings(zh: string): string[] {
  return writtenReadings(zh) ?? derivedReadings(zh);
}

/**
 * `<repo>/src/intent/lexicon-pinyin.json` (src/intent/data-file.ts finds it): the readings of the built-in lexicon's
 * Chinese terms, written by scripts/gen-lexicon-data.ts (`npm run gen:lexicon`;
 * test/unit/scripts/gen-lexicon-data.test.ts fails while it is out of date). Loading pinyin-pro costs ~100 ms, paid by
 * the first message holding two pinyin syllables in a row — which most English messages do ("api" is a pi, "change"
 * chang e); the file is 14 KB of JSON.
 */
export function lexiconPinyinFile(): string {
  return intentDataFile('lexicon-pinyin.json');
}

let written: Record<string, string[]> | null | undefined;

function writtenReadings(zh: string): string[] | undefined {
  if (written === undefined) {
    try {
      written = JSON.parse(readFileSync(lexiconPinyinFile(), 'utf8')) as Record<string, string[]>;
    } catch {
      written = null; // derived instead: slower, the same readings
    }
  }
  return written && Object.hasOwn(written, zh) ? written[zh] : undefined;
}

/** Toneless readings of a Chinese term: pinyin-pro's, plus typed variants of a few polyphones (`TYPED_READINGS`). */
export function derivedReadings(zh: string): string[] {
  const first = toPinyin(zh);
  const chars = zh.match(/[\u3400-\u9fff]/g) ?? [];
  const syllables = first.split(' ');
  if (!first || syllables.length !== chars.length || !chars.some((c) => c in TYPED_READINGS))
    return first ? [first] : [];
  let out: string[][] = [[]];
  chars.forEach((c, i) => {
    const options = TYPED_READINGS[c] ?? [syllables[i]!];
    out = out.flatMap((prefix) => options.map((o) => [...prefix, o])).slice(0, MAX_READINGS);
  });
  return [...new Set([first, ...out.map((r) => r.join(' '))])];
}

function loadConverter(): Converter {
  // A synchronous, lazy require: matching stays synchronous, and processes that never see pinyin never load it.
  // Without the package (a bundle copied without node_modules) pinyin input still meets the lexicon's explicit
  // `py` spellings; only the spellings derived from Chinese terms are missing. Matching must not throw.
  try {
    const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as typeof PinyinPro;
    return (text) => pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' });
  } catch {
    return () => [];
  }
}
