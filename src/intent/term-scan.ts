/**
 * A lexicon's literal terms found in a message without regular expressions.
 *
 * Each concept used to be one alternation of its terms, which V8 compiles on a
 * process's first `match` (and again to machine code on the second use): ~30 ms
 * of a one-shot `match`. Plain substring search over the lower-cased message
 * finds the same terms at no compile cost; only a concept's `re` terms stay
 * expressions. The word edges are those the alternation had:
 * - a term starting with a letter, digit or `_` may not follow one of those or `-`;
 * - a term ending with a letter may take s/es/ed/ing, one ending with a digit or `_` an s,
 *   and then may not be followed by a letter, digit or `_`.
 */

/** How a term's end is bounded. */
type End = 'none' | 'word' | 'number';

export interface LiteralTerm {
  /** NFKC-normalised, lower-cased. */
  text: string;
  /** Whole-word start (see the module comment). */
  start: boolean;
  end: End;
}

const WORD_SUFFIXES = ['s', 'es', 'ed', 'ing', ''];
const NUMBER_SUFFIXES = ['s', ''];

/** A Chinese term matches anywhere; a latin one as a whole word. `key` is NFKC-normalised and lower-cased. */
export function literalTerm(key: string): LiteralTerm {
  if (/[\u3400-\u9fff]/.test(key)) return { text: key, start: false, end: 'none' };
  const end: End = /[a-z]$/.test(key) ? 'word' : /[0-9_]$/.test(key) ? 'number' : 'none';
  return { text: key, start: /^[a-z0-9_]/.test(key), end };
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '_');
}

function endsWell(lower: string, at: number, end: End): boolean {
  if (end === 'none') return true;
  for (const s of end === 'word' ? WORD_SUFFIXES : NUMBER_SUFFIXES) {
    if (s && !lower.startsWith(s, at)) continue;
    if (!isWordChar(lower[at + s.length])) return true;
  }
  return false;
}

/** Whether `term` occurs in `lower` (the message lower-cased) within its word edges. */
export function hasTerm(lower: string, term: LiteralTerm): boolean {
  for (let i = lower.indexOf(term.text); i >= 0; i = lower.indexOf(term.text, i + 1)) {
    if (term.start && i > 0 && (isWordChar(lower[i - 1]) || lower[i - 1] === '-')) continue;
    if (endsWell(lower, i + term.text.length, term.end)) return true;
  }
  return false;
}
