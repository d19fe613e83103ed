import { z } from 'zod';
import { LEXICON_PARTS } from './lexicon.js';
import { toPinyin } from './pinyin.js';

/** One concept of the lexicon, compiled for matching. */
interface CompiledConcept {
  id: string;
  label: string;
  /** Chinese terms and English words, one expression. */
  text: RegExp | undefined;
  /** Chinese terms (their pinyin is derived lazily) and explicit pinyin spellings. */
  zh: string[];
  py: string[];
}

export interface Lexicon {
  concepts: CompiledConcept[];
  byId: Map<string, CompiledConcept>;
  /** " deng lu " → concept ids, built on the first message that holds pinyin. */
  pinyin?: Array<[form: string, id: string]>;
}

const term = z.string().min(1, 'must not be empty');
const conceptSchema = z.strictObject({
  label: term,
  zh: z.array(term.regex(/[\u3400-\u9fff]/, 'a zh term needs Chinese characters')).optional(),
  en: z.array(term.regex(/^[^\u3400-\u9fff]+$/, 'an en term has no Chinese characters')).optional(),
  py: z
    .array(term.regex(/^[a-z]+(?: [a-z]+)+$/, 'pinyin: two or more toneless syllables separated by spaces'))
    .optional(),
  re: z.array(term).optional(),
});

/** Validate and compile lexicon files; a problem throws naming the file, the concept and the term. */
export function compileLexiconParts(parts: ReadonlyArray<readonly [string, Record<string, unknown>]>): Lexicon {
  const concepts: CompiledConcept[] = [];
  const owner = new Map<string, string>();
  for (const [file, source] of parts) {
    for (const c of compileLexicon(source, file).concepts) {
      const first = owner.get(c.id);
      if (first) throw new Error(`${file}: concept "${c.id}" is already defined in ${first}`);
      owner.set(c.id, file);
      concepts.push(c);
    }
  }
  return { concepts, byId: new Map(concepts.map((c) => [c.id, c])) };
}

/** Validate and compile one lexicon file's concepts. */
export function compileLexicon(source: Record<string, unknown>, file: string): Lexicon {
  const concepts: CompiledConcept[] = [];
  const seen = new Map<string, string>();
  for (const [id, raw] of Object.entries(source)) {
    const where = `${file}: concept "${id}"`;
    if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`${where}: the id must be kebab-case`);
    const parsed = conceptSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${where}: ${issue.path.join('.') || 'entry'}: ${issue.message}`);
    }
    const c = parsed.data;
    const alternatives: string[] = [];
    for (const t of [...(c.zh ?? []), ...(c.en ?? [])]) {
      const key = t.normalize('NFKC').toLowerCase();
      const owner = seen.get(key);
      if (owner === id) throw new Error(`${where}: term "${t}" appears twice`);
      seen.set(key, id);
      alternatives.push(/[\u3400-\u9fff]/.test(t) ? escape(key) : wordPattern(key));
    }
    for (const r of c.re ?? []) {
      try {
        new RegExp(r, 'i');
      } catch (e) {
        throw new Error(`${where}: re "${r}" is not a valid regular expression: ${(e as Error).message}`);
      }
      if (new RegExp(r, 'i').test('')) throw new Error(`${where}: re "${r}" matches the empty string`);
      alternatives.push(`(?:${r})`);
    }
    concepts.push({
      id,
      label: c.label,
      text: alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'i') : undefined,
      zh: (c.zh ?? []).filter((t) => (t.match(/[\u3400-\u9fff]/g) ?? []).length >= 2),
      py: c.py ?? [],
    });
  }
  return { concepts, byId: new Map(concepts.map((c) => [c.id, c])) };
}

let lexicon: Lexicon | undefined;

/** The built-in lexicon (src/intent/lexicon.ts and the files it lists), compiled once. */
export function builtinLexicon(): Lexicon {
  lexicon ??= compileLexiconParts(LEXICON_PARTS);
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
  for (const c of lex.concepts) if (c.text?.test(plain)) found.add(c.id);
  if (stream) for (const [form, id] of pinyinForms(lex)) if (stream.includes(form)) found.add(id);
  return found;
}

function pinyinForms(lex: Lexicon): Array<[string, string]> {
  if (lex.pinyin) return lex.pinyin;
  const forms: Array<[string, string]> = [];
  for (const c of lex.concepts) {
    const all = new Set([...c.py, ...c.zh.map(toPinyin)]);
    for (const f of all) if (f.includes(' ')) forms.push([` ${f} `, c.id]);
  }
  lex.pinyin = forms;
  return forms;
}

/** Whole words for latin terms; a trailing s/es/ed/ing is allowed on a word. */
function wordPattern(t: string): string {
  const body = escape(t);
  // "billing-service" is not the service, "oms-backend" is matched by its own expression.
  const start = /^[a-z0-9_]/.test(t) ? '(?<![a-z0-9_-])' : '';
  const end = /[a-z0-9_]$/.test(t) ? (/[a-z]$/.test(t) ? '(?:s|es|ed|ing)?(?![a-z0-9_])' : '(?![a-z0-9_])') : '';
  return `${start}${body}${end}`;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
