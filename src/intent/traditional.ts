import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import fromHongKong from 'opencc-js/from/hk';
import fromTaiwan from 'opencc-js/from/twp';
import toMainland from 'opencc-js/to/cn';
import { TRADITIONAL_ONLY } from './traditional-chars.js';

/**
 * Traditional Chinese (Taiwan, Hong Kong) folded to the simplified form the lexicon is written in, with OpenCC's
 * dictionaries (opencc-js): Taiwan's own words first (伺服器 → 服务器, 資料庫 → 数据库, 登入 → 登录, 記憶體 → 内存),
 * then Hong Kong's and Taiwan's variant characters, then character by character (後端 → 后端).
 *
 * Only text with a character written in traditional Chinese alone (src/intent/traditional-chars.ts) is converted:
 * simplified text is returned as it is, so a mainland message is never rewritten by Taiwan's vocabulary (程式, 介面
 * stay what they are there). The converter is built on the first traditional message (a few tens of milliseconds,
 * once a process), never at start-up.
 */
export function foldTraditional(text: string): string {
  if (!hasTraditional(text)) return text;
  converter ??= ConverterFactory(fromTaiwan, fromHongKong, toMainland);
  return converter(text);
}

/** Does the text hold a character written in traditional Chinese alone? */
export function hasTraditional(text: string): boolean {
  if (!CJK.test(text)) return false;
  traditionalOnly ??= new Set(TRADITIONAL_ONLY);
  if (!basic) {
    // The characters of the basic plane in a table by code unit (no string made per character of a message); the
    // few beyond it, written with two code units, looked up in the set.
    basic = new Uint8Array(65536);
    for (const c of traditionalOnly) if (c.length === 1) basic[c.charCodeAt(0)] = 1;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (basic[code] === 1) return true;
    if (code >= 0xd800 && code < 0xdc00 && traditionalOnly.has(text.slice(i, i + 2))) return true;
  }
  return false;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
let converter: ConverterFunction | undefined;
let traditionalOnly: ReadonlySet<string> | undefined;
let basic: Uint8Array | undefined;
