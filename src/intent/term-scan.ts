import { gatesOf } from './expression-gates.js';
import { topAlternatives } from './required-literal.js';

/**
 * Literal terms found in a message without regular expressions.
 *
 * Each lexicon concept used to be one alternation of its terms, which V8
 * compiles on a process's first `match` (and again to machine code on the
 * second use): ~30 ms of a one-shot `match`. Plain substring search over the
 * lower-cased message finds the same terms at no compile cost; only terms that
 * are real expressions stay expressions. The word edges are those the
 * alternations had. A lexicon term ({@link literalTerm}):
 * - starting with a letter, digit or `_` may not follow one of those or `-`;
 * - ending with a letter may take s/es/ed/ing, ending with a digit or `_` an s,
 *   and then may not be followed by a letter, digit or `_`.
 * A whole word ({@link wholeWord}, the other systems' names): neither preceded nor
 * followed by a letter, digit or `_`.
 */

/** How a term's end is bounded: not at all, by a non-word character, or so after an optional suffix. */
type End = 'none' | 'plain' | 'word' | 'number';

export interface LiteralTerm {
  /** NFKC-normalised, lower-cased. */
  text: string;
  /** What may not precede it: nothing, a letter/digit/`_`, or one of those or `-`. */
  start: 'none' | 'word' | 'word-dash';
  end: End;
}

const WORD_SUFFIXES = ['s', 'es', 'ed', 'ing', ''];
const NUMBER_SUFFIXES = ['s', ''];

/** A Chinese term matches anywhere; a latin one as a whole word. `key` is NFKC-normalised and lower-cased. */
export function literalTerm(key: string): LiteralTerm {
  if (/[\u3400-\u9fff]/.test(key)) return { text: key, start: 'none', end: 'none' };
  const end: End = /[a-z]$/.test(key) ? 'word' : /[0-9_]$/.test(key) ? 'number' : 'none';
  return { text: key, start: /^[a-z0-9_]/.test(key) ? 'word-dash' : 'none', end };
}

/** A term matched anywhere (a Chinese name). `key` is lower-cased. */
export function anywhere(key: string): LiteralTerm {
  return { text: key, start: 'none', end: 'none' };
}

/** A name matched as a whole word: `(?<![a-z0-9_])name(?![a-z0-9_])`. `key` is lower-cased. */
export function wholeWord(key: string): LiteralTerm {
  return { text: key, start: 'word', end: 'plain' };
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '_');
}

function endsWell(lower: string, at: number, end: End): boolean {
  if (end === 'none') return true;
  if (end === 'plain') return !isWordChar(lower[at]);
  for (const s of end === 'word' ? WORD_SUFFIXES : NUMBER_SUFFIXES) {
    if (s && !lower.startsWith(s, at)) continue;
    if (!isWordChar(lower[at + s.length])) return true;
  }
  return false;
}

/** Whether `term`, found at `i` in `lower`, stands there within its word edges. */
function edgesHold(lower: string, i: number, term: LiteralTerm): boolean {
  const before = lower[i - 1];
  if (term.start !== 'none' && (isWordChar(before) || (term.start === 'word-dash' && before === '-'))) return false;
  return endsWell(lower, i + term.text.length, term.end);
}

/** Whether `term` occurs in `lower` (the message lower-cased) within its word edges. */
export function hasTerm(lower: string, term: LiteralTerm): boolean {
  for (let i = lower.indexOf(term.text); i >= 0; i = lower.indexOf(term.text, i + 1)) {
    if (edgesHold(lower, i, term)) return true;
  }
  return false;
}

type Bucket = Array<readonly [LiteralTerm, number]>;

/**
 * Many literal terms found in one pass over a message: each term is filed under its first two UTF-16 code units (a
 * one-unit term under its one), and every position of the message looks up the terms that may start there. A
 * lexicon of ~1,100 terms and the ~700 names of other systems were ~1,800 `indexOf` scans of every message.
 * Each term carries an owner number (its concept, or 0); {@link TermIndex.scan} reports the owners found.
 */
export class TermIndex {
  private readonly pairs = new Map<number, Bucket>();
  private readonly singles = new Map<number, Bucket>();
  /**
   * Which places may start a term, looked up before the maps (most characters of a paste start none): a one-unit
   * term's code unit, and a pair's {@link maskKey} (pairs may share one; the map tells them apart).
   */
  private readonly singleMask = new Uint8Array(65536);
  private readonly pairMask = new Uint8Array(65536);

  constructor(entries: Iterable<readonly [LiteralTerm, number]>) {
    for (const entry of entries) {
      const text = entry[0].text;
      const single = text.length === 1;
      const [map, key] = single ? [this.singles, text.charCodeAt(0)] : [this.pairs, pairKey(text, 0)];
      if (single) this.singleMask[key] = 1;
      else this.pairMask[maskKey(text, 0)] = 1;
      const bucket = map.get(key);
      if (bucket) bucket.push(entry);
      else map.set(key, [entry]);
    }
  }

  /**
   * Calls `hit` with the owner of each term found within its word edges (an owner may come more than once), in
   * the order of their places in `lower`; stops when `hit` returns true.
   */
  scan(lower: string, hit: (owner: number) => boolean): void {
    const { singleMask, pairMask } = this;
    const n = lower.length;
    let next = n > 0 ? lower.charCodeAt(0) : -1;
    for (let i = 0; i < n; i++) {
      const code = next;
      next = i + 1 < n ? lower.charCodeAt(i + 1) : -1;
      if (singleMask[code] === 1 && this.tryBucket(this.singles.get(code), lower, i, hit)) return;
      if (next < 0 || pairMask[maskOf(code, next)] !== 1) continue;
      if (this.tryBucket(this.pairs.get(keyOf(code, next)), lower, i, hit)) return;
    }
  }

  private tryBucket(bucket: Bucket | undefined, lower: string, i: number, hit: (owner: number) => boolean): boolean {
    if (!bucket) return false;
    for (const [term, owner] of bucket) {
      if (lower.startsWith(term.text, i) && edgesHold(lower, i, term) && hit(owner)) return true;
    }
    return false;
  }
}

/**
 * Two code units folded into a small integer (V8 keeps it unboxed, and a Map finds it quickly): two pairs may share a
 * key, the bucket's terms are compared with the text all the same.
 */
function pairKey(s: string, i: number): number {
  return keyOf(s.charCodeAt(i), s.charCodeAt(i + 1));
}

function keyOf(a: number, b: number): number {
  return ((a << 15) ^ b) & 0x3fffffff;
}

/** Two code units folded into 16 bits, for the mask of pairs that may start a term. */
function maskKey(s: string, i: number): number {
  return maskOf(s.charCodeAt(i), s.charCodeAt(i + 1));
}

function maskOf(a: number, b: number): number {
  return (a * 0x9e3 + b) & 0xffff;
}

/** Below this many terms, one `indexOf` per term is as quick as building and walking an index. */
const INDEX_FROM = 16;

/**
 * Whether an expression's letters are all lower-case outside its escapes (`\\S`, `\\W`, `\\p{…}` …): run without the
 * `i` flag on the lower-cased text, it finds what it finds case-insensitively in the text, and V8 compiles it in
 * about a third of the time (docs/speed.md, "Round 23").
 */
export function lowerCaseSource(source: string): boolean {
  return !/[A-Z]/.test(source.replace(/\\(?:[pPu]\{[^}]*\}|.)/g, ''));
}

/** An expression matched case-insensitively: compiled without `i` when it can be (`lowerCaseSource`). */
export class CaselessExpression {
  private re: RegExp | undefined;
  private readonly lower: boolean;

  constructor(readonly source: string) {
    this.lower = lowerCaseSource(source);
  }

  /** `lower`: `text` lower-cased (the caller's, when it has it). */
  test(text: string, lower = text.toLowerCase()): boolean {
    this.re ??= new RegExp(this.source, this.lower ? '' : 'i');
    return this.re.test(this.lower ? lower : text);
  }
}

/** One alternative of an expression, run only where the text holds one of its literals, compiled on its first run. */
export class GatedExpression extends CaselessExpression {
  constructor(
    /** Lower-cased; found in the lower-cased text (src/intent/required-literal.ts). */
    readonly literals: readonly string[],
    source: string,
  ) {
    super(source);
  }
}

/**
 * Literal terms and expressions: `test` answers as the alternation of them all did. Each expression is split into
 * its top-level alternatives; one holding a required literal is run only on a text that holds it (and compiled only
 * then), the others together as one expression. Expressions are case-insensitive; literals are matched in the
 * lower-cased text.
 */
export class TermMatcher {
  private index: TermIndex | undefined;
  /** The alternatives without a required literal, as one expression. */
  readonly open: CaselessExpression | undefined;
  readonly gated: readonly GatedExpression[];
  /** Every top-level alternative of the expressions (scripts/gen-lexicon-data.ts writes their gates). */
  readonly alternatives: readonly string[];

  constructor(
    readonly terms: readonly LiteralTerm[],
    expressions: readonly string[] = [],
  ) {
    const open: string[] = [];
    const gated: GatedExpression[] = [];
    this.alternatives = expressions.flatMap(topAlternatives);
    for (const alternative of this.alternatives) {
      const literals = gatesOf(alternative);
      if (literals === undefined) open.push(alternative);
      else gated.push(new GatedExpression(literals, alternative));
    }
    this.open = open.length > 0 ? new CaselessExpression(open.join('|')) : undefined;
    this.gated = gated;
  }

  test(text: string): boolean {
    return this.matches(text.toLowerCase(), text);
  }

  /** `test` for a caller that lower-cases the text once for many matchers. */
  matches(lower: string, text: string): boolean {
    if (this.terms.length + this.gated.length < INDEX_FROM) {
      if (this.terms.some((t) => hasTerm(lower, t))) return true;
      if (this.open?.test(text, lower)) return true;
      return this.gated.some((g) => g.literals.some((l) => lower.includes(l)) && g.test(text, lower));
    }
    this.index ??= new TermIndex([
      ...this.terms.map((t) => [t, -1] as const),
      ...this.gated.flatMap((g, k) => g.literals.map((l) => [anywhere(l), k] as const)),
    ]);
    let found = false;
    const candidates = new Set<number>();
    this.index.scan(lower, (owner) => (owner < 0 ? (found = true) : (candidates.add(owner), false)));
    if (found || this.open?.test(text, lower)) return true;
    for (const k of [...candidates].sort((a, b) => a - b)) if (this.gated[k]!.test(text, lower)) return true;
    return false;
  }
}

/** Whether an alternative is a plain literal (no expression syntax), so it can be a {@link LiteralTerm}. */
export function isLiteral(alternative: string): boolean {
  return !/[\\^$.|?*+()[\]{}]/.test(alternative);
}

/**
 * One matcher for names: latin ones as whole words, Chinese ones anywhere, plus `expressions` — plain names by
 * substring search (nothing for V8 to compile), the rest as expressions gated by their literals. Used for other
 * systems' names (src/intent/other-systems.ts) and things every server has (src/intent/shared-infra.ts).
 */
export function namesMatcher(
  latin: readonly string[],
  zh: readonly string[],
  expressions: readonly string[] = [],
): TermMatcher {
  const terms: LiteralTerm[] = [];
  const rest: string[] = [];
  for (const w of latin) {
    if (isLiteral(w)) terms.push(wholeWord(w.toLowerCase()));
    else rest.push(`(?<![a-z0-9_])${w}(?![a-z0-9_])`);
  }
  rest.push(...expressions);
  for (const t of zh) {
    if (isLiteral(t)) terms.push(anywhere(t.toLowerCase()));
    else rest.push(t);
  }
  return new TermMatcher(terms, rest);
}
