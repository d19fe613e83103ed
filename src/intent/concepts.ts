import { LEXICON_PARTS } from './lexicon.js';
import { pinyinReadings } from './pinyin.js';
import { anywhere, literalTerm, TermIndex, TermMatcher, type GatedExpression, type LiteralTerm } from './term-scan.js';

/** One concept of the lexicon, compiled for matching. */
interface CompiledConcept {
  id: string;
  label: string;
  /** Chinese terms and English words by substring search, the `re` terms as one expression (term-scan.ts). */
  text: TermMatcher;
  /** Chinese terms (their pinyin is derived lazily) and explicit pinyin spellings. */
  zh: string[];
  py: string[];
}

export interface Lexicon {
  concepts: CompiledConcept[];
  byId: Map<string, CompiledConcept>;
  /** " deng lu " → concept ids, built on the first message that holds pinyin. */
  pinyin?: Array<[form: string, id: string]>;
  /** The forms' numbers by their first syllable ("deng" → " deng lu ", " deng bu shang " …). */
  pinyinByFirst?: Map<string, number[]>;
  /** Every concept's literal terms and gated expressions' literals (see {@link lexiconIndex}); built on first use. */
  index?: LexiconIndex;
}

/** A concept as written in a lexicon file (validated by {@link checkConcept}). */
interface ConceptSource {
  label: string;
  zh?: string[];
  en?: string[];
  py?: string[];
  re?: string[];
}

/** Each list field's rule for its terms: a test and what to say when a term fails it. */
const TERM_RULES: Record<Exclude<keyof ConceptSource, 'label'>, [RegExp, string] | undefined> = {
  zh: [/[\u3400-\u9fff]/, 'a zh term needs Chinese characters'],
  en: [/^[^\u3400-\u9fff]+$/, 'an en term has no Chinese characters'],
  py: [/^[a-z]+(?: [a-z]+)+$/, 'pinyin: two or more toneless syllables separated by spaces'],
  re: undefined,
};

/**
 * The concept's shape, or the first problem as `path: message`. Plain code rather than a zod schema: the lexicon
 * is compiled on the first `match` of every process, and zod is not otherwise loaded by a start.
 */
function checkConcept(raw: unknown): { ok: true; concept: ConceptSource } | { ok: false; problem: string } {
  const bad = (path: string, message: string) => ({ ok: false as const, problem: `${path}: ${message}` });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return bad('entry', 'expected an object');
  const c = raw as Record<string, unknown>;
  const unknown = Object.keys(c).filter((k) => k !== 'label' && !(k in TERM_RULES));
  if (unknown.length > 0)
    return bad('entry', `Unrecognized key(s) in object: ${unknown.map((k) => `"${k}"`).join(', ')}`);
  if (typeof c.label !== 'string') return bad('label', 'expected string');
  if (c.label.length === 0) return bad('label', 'must not be empty');
  for (const [field, rule] of Object.entries(TERM_RULES)) {
    const list = c[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return bad(field, 'expected array');
    for (const [i, t] of list.entries()) {
      if (typeof t !== 'string') return bad(`${field}.${i}`, 'expected string');
      if (t.length === 0) return bad(`${field}.${i}`, 'must not be empty');
      if (rule && !rule[0].test(t)) return bad(`${field}.${i}`, rule[1]);
    }
  }
  return { ok: true, concept: c as unknown as ConceptSource };
}

/**
 * What compiling checks beyond each term's shape: with `emptyMatches`, that no `re` term matches the empty string
 * (one test of each concept's expression, which makes V8 compile it for one-byte strings).
 */
export interface LexiconChecks {
  emptyMatches: boolean;
}

/** Validate and compile lexicon files; a problem throws naming the file, the concept and the term. */
export function compileLexiconParts(
  parts: ReadonlyArray<readonly [string, Record<string, unknown>]>,
  checks: LexiconChecks = { emptyMatches: true },
): Lexicon {
  const concepts: CompiledConcept[] = [];
  const owner = new Map<string, string>();
  for (const [file, source] of parts) {
    for (const c of compileLexicon(source, file, checks).concepts) {
      const first = owner.get(c.id);
      if (first) throw new Error(`${file}: concept "${c.id}" is already defined in ${first}`);
      owner.set(c.id, file);
      concepts.push(c);
    }
  }
  return { concepts, byId: new Map(concepts.map((c) => [c.id, c])) };
}

/** Validate and compile one lexicon file's concepts. */
export function compileLexicon(
  source: Record<string, unknown>,
  file: string,
  checks: LexiconChecks = { emptyMatches: true },
): Lexicon {
  const concepts: CompiledConcept[] = [];
  const seen = new Map<string, string>();
  for (const [id, raw] of Object.entries(source)) {
    const where = `${file}: concept "${id}"`;
    if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`${where}: the id must be kebab-case`);
    const checked = checkConcept(raw);
    if (!checked.ok) throw new Error(`${where}: ${checked.problem}`);
    const c = checked.concept;
    const terms: LiteralTerm[] = [];
    for (const t of [...(c.zh ?? []), ...(c.en ?? [])]) {
      const key = t.normalize('NFKC').toLowerCase();
      const owner = seen.get(key);
      if (owner === id) throw new Error(`${where}: term "${t}" appears twice`);
      seen.set(key, id);
      terms.push(literalTerm(key));
    }
    const alternatives: string[] = [];
    for (const r of c.re ?? []) {
      try {
        new RegExp(r, 'i');
      } catch (e) {
        throw new Error(`${where}: re "${r}" is not a valid regular expression: ${(e as Error).message}`, {
          cause: e,
        });
      }
      alternatives.push(`(?:${r})`);
    }
    // One test of the whole expression; each term only when it fails.
    if (checks.emptyMatches && alternatives.length > 0 && new RegExp(alternatives.join('|'), 'i').test('')) {
      const empty = (c.re ?? []).find((r) => new RegExp(r, 'i').test(''));
      throw new Error(`${where}: re "${empty}" matches the empty string`);
    }
    concepts.push({
      id,
      label: c.label,
      text: new TermMatcher(terms, c.re ?? []),
      zh: (c.zh ?? []).filter((t) => (t.match(/[\u3400-\u9fff]/g) ?? []).length >= 2),
      py: c.py ?? [],
    });
  }
  return { concepts, byId: new Map(concepts.map((c) => [c.id, c])) };
}

let lexicon: Lexicon | undefined;

/**
 * The built-in lexicon (src/intent/lexicon.ts and the files it lists), compiled once. Its expressions are code,
 * checked for empty matches by test/unit/intent/concepts.test.ts rather than on every start: the test would compile
 * each concept's expression for one-byte strings, which a process whose messages are Chinese never needs (~6 ms).
 */
export function builtinLexicon(): Lexicon {
  lexicon ??= compileLexiconParts(LEXICON_PARTS, { emptyMatches: false });
  return lexicon;
}

/** Concept ids the built-in lexicon knows (the playbook loader checks `concepts:` against them). */
export function conceptIds(): string[] {
  return builtinLexicon().concepts.map((c) => c.id);
}

/**
 * The concepts a message names. `plain` is the message normalised (not
 * synonym-folded); `stream` its pinyin stream (src/intent/pinyin.ts), empty
 * when it holds no pinyin.
 */
export function detectConcepts(lex: Lexicon, plain: string, stream: string): Set<string> {
  const found = new Set<string>();
  const lower = plain.toLowerCase();
  const index = (lex.index ??= lexiconIndex(lex));
  const n = lex.concepts.length;
  // 1: a literal term of the concept; 2: the literal of one of its gated expressions (which may then match).
  const seen = new Uint8Array(n + index.gated.length);
  index.terms.scan(lower, (owner) => ((seen[owner] = 1), false));
  for (const [i, c] of lex.concepts.entries()) {
    if (
      seen[i] ||
      c.text.open?.test(plain, lower) ||
      index.byConcept[i]!.some((k) => seen[n + k] && index.gated[k]!.test(plain, lower))
    )
      found.add(c.id);
  }
  if (stream) for (const id of inStream(lex, stream)) found.add(id);
  return found;
}

/**
 * The concepts whose pinyin forms the stream holds, in the forms' order: each form starts at a space of the stream, so
 * only the forms whose first syllable follows a space are compared there (~700 forms searched through a long paste's
 * stream one by one were most of its reading).
 */
function inStream(lex: Lexicon, stream: string): string[] {
  const forms = pinyinForms(lex);
  if (!lex.pinyinByFirst) {
    const byFirst = new Map<string, number[]>();
    forms.forEach(([form], k) => {
      const first = form.slice(1, form.indexOf(' ', 1));
      const list = byFirst.get(first);
      if (list) list.push(k);
      else byFirst.set(first, [k]);
    });
    lex.pinyinByFirst = byFirst;
  }
  const hits = new Set<number>();
  for (let at = stream.indexOf(' '); at >= 0 && at < stream.length - 1; at = stream.indexOf(' ', at + 1)) {
    const end = stream.indexOf(' ', at + 1);
    const candidates = end < 0 ? undefined : lex.pinyinByFirst.get(stream.slice(at + 1, end));
    if (candidates) for (const k of candidates) if (stream.startsWith(forms[k]![0], at)) hits.add(k);
  }
  return [...hits].sort((a, b) => a - b).map((k) => forms[k]![1]);
}

/**
 * One index over the whole lexicon (src/intent/term-scan.ts): concept i's literal terms are owned by i, the literal
 * of the k-th gated expression of all concepts by `concepts.length + k`; a message is scanned once for all of them.
 */
interface LexiconIndex {
  terms: TermIndex;
  gated: GatedExpression[];
  /** The gated expressions' numbers of each concept. */
  byConcept: number[][];
}

function lexiconIndex(lex: Lexicon): LexiconIndex {
  const n = lex.concepts.length;
  const gated: GatedExpression[] = [];
  const byConcept: number[][] = [];
  const entries: Array<readonly [LiteralTerm, number]> = [];
  for (const [i, c] of lex.concepts.entries()) {
    for (const t of c.text.terms) entries.push([t, i]);
    byConcept.push(
      c.text.gated.map((g) => {
        for (const l of g.literals) entries.push([anywhere(l), n + gated.length]);
        return gated.push(g) - 1;
      }),
    );
  }
  return { terms: new TermIndex(entries), gated, byConcept };
}

function pinyinForms(lex: Lexicon): Array<[string, string]> {
  if (lex.pinyin) return lex.pinyin;
  const forms: Array<[string, string]> = [];
  for (const c of lex.concepts) {
    const all = new Set([...c.py, ...c.zh.flatMap(pinyinReadings)]);
    for (const f of all) if (f.includes(' ')) forms.push([` ${f} `, c.id]);
  }
  lex.pinyin = forms;
  return forms;
}
