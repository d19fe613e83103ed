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

/** Whether `term` occurs in `lower` (the message lower-cased) within its word edges. */
export function hasTerm(lower: string, term: LiteralTerm): boolean {
  for (let i = lower.indexOf(term.text); i >= 0; i = lower.indexOf(term.text, i + 1)) {
    const before = lower[i - 1];
    if (term.start !== 'none' && (isWordChar(before) || (term.start === 'word-dash' && before === '-'))) continue;
    if (endsWell(lower, i + term.text.length, term.end)) return true;
  }
  return false;
}

/**
 * Literal terms and, for what is a real expression, one regular expression: `test` answers as the alternation of
 * them all did. The expression is case-insensitive; literal terms are matched in the lower-cased text.
 */
export class TermMatcher {
  constructor(
    private readonly terms: readonly LiteralTerm[],
    private readonly rest: RegExp | undefined,
  ) {}

  test(text: string): boolean {
    return this.matches(text.toLowerCase(), text);
  }

  /** `test` for a caller that lower-cases the text once for many matchers. */
  matches(lower: string, text: string): boolean {
    return this.terms.some((t) => hasTerm(lower, t)) || (this.rest?.test(text) ?? false);
  }
}

/** Whether an alternative is a plain literal (no expression syntax), so it can be a {@link LiteralTerm}. */
export function isLiteral(alternative: string): boolean {
  return !/[\\^$.|?*+()[\]{}]/.test(alternative);
}

/**
 * One matcher for names: latin ones as whole words, Chinese ones anywhere, plus `expressions` — plain names by
 * substring search (nothing for V8 to compile), the rest as one expression. Used for other systems' names
 * (src/intent/other-systems.ts) and things every server has (src/intent/shared-infra.ts).
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
  return new TermMatcher(terms, rest.length > 0 ? new RegExp(rest.join('|'), 'i') : undefined);
}
