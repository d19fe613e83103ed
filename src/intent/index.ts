import type { Playbook } from '../playbooks/playbook.js';
import { canonical, cjkBigrams, normalize, words } from './normalize.js';
import { TypoCorrector } from './typos.js';
import { builtinLexicon, detectConcepts, type Lexicon } from './concepts.js';
import { ForeignNames } from './foreign.js';
import { LEXICON_PARTS } from './lexicon.js';
import { COMPONENTS, GENERIC_COMPONENTS } from './lexicon-components.js';
import { gatesOf } from './expression-gates.js';

/** A phrase from a playbook, in the form messages are compared in. */
export interface IndexedPhrase {
  source: string;
  text: string;
  units: string[];
  /**
   * Does the phrase say only that something fails or is down ("启动失败", "fails to start"), not what? Read from the
   * lexicon on the first ask (a phrase that never matches costs nothing at indexing).
   */
  bare: () => boolean;
}

/** Concepts a phrase may name and still say nothing of what is in trouble. */
const BARE_STATES: ReadonlySet<string> = new Set(['fails', 'down']);

/** One playbook's matching vocabulary, prepared once. */
export interface IndexedPlaybook {
  id: string;
  title: string;
  /** All aliases (and the id), canonical: a message that is exactly one of them is a command. */
  aliases: string[];
  /** One-unit aliases (api, 后台, 404): inside a longer message they only support other evidence. */
  words: string[];
  phrases: IndexedPhrase[];
  /** unit → indexes of the phrases holding it (messages have few units; phrases are many). */
  byUnit: Map<string, number[]>;
  signatures: RegExp[];
  /**
   * For each signature, literals one of which every match of it holds, lower-cased (src/intent/required-literal.ts),
   * or undefined: a line without any is not run through the signature (nor is the signature compiled for it).
   */
  signatureLiterals: Array<string[] | undefined>;
  /** Concept combinations the playbook answers. */
  concepts: string[][];
  /** The components its combinations name, but those every system has: what the playbook is about. */
  components: string[];
  /** Its how-to sections' combinations: they count for the playbook only when the message asks something. */
  howtoConcepts: string[][];
  howto: IndexedHowto[];
}

/** A how-to section, as matching sees it. */
export interface IndexedHowto {
  id: string;
  title: string;
  concepts: string[][];
}

export interface PlaybookIndex {
  playbooks: IndexedPlaybook[];
  typos: TypoCorrector;
  lexicon: Lexicon;
  /** Names of other systems, told from OMS's own vocabulary (src/intent/foreign.ts). */
  foreign: ForeignNames;
  /** The playbooks themselves (their how-to sections' text is indexed on the first question). */
  source: readonly Playbook[];
}

/** Words that carry no symptom; they are not matching units. */
const STOP = new Set([
  'the',
  'a',
  'an',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'to',
  'of',
  'on',
  'in',
  'at',
  'it',
  'its',
  'my',
  'our',
  'for',
  'and',
  'or',
  'seem',
  'seems',
  'again',
  'please',
  'pls',
  'plz',
  'someone',
  'anyone',
  'we',
  'you',
  'me',
  'us',
  'just',
  'now',
  'still',
  'this',
  'that',
  'with',
  'from',
  'when',
  'why',
  'what',
  'how',
  'any',
  'so',
  'get',
  'gets',
  'got',
  'keep',
  'keeps',
  'hi',
  'hey',
  'guys',
  'all',
  'very',
  'too',
  'after',
  'since',
  'today',
  'after',
  'do',
  'does',
  'there',
  'some',
  'he',
  'she',
]);

/** Light English stemming, applied to messages and phrases alike. */
export function stem(word: string): string {
  if (/\d/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Matching units of a canonical text: CJK bigrams and stemmed latin words (stop words dropped). */
export function unitsOf(text: string, typos?: TypoCorrector): Set<string> {
  const out = cjkBigrams(text);
  for (const w of words(text)) {
    if (STOP.has(w)) continue;
    const fixed = typos ? typos.correct(w) : w;
    out.add(stem(fixed));
  }
  return out;
}

const cache = new WeakMap<readonly Playbook[], PlaybookIndex>();

/** Prepare (once per playbook list) what matching needs. */
export function indexPlaybooks(playbooks: readonly Playbook[]): PlaybookIndex {
  const hit = cache.get(playbooks);
  if (hit) return hit;
  const vocab = new Set<string>();
  const lexicon = builtinLexicon();
  const bare = (source: string) => {
    let known: boolean | undefined;
    return () => {
      if (known === undefined) {
        const named = detectConcepts(lexicon, normalize(source), '');
        known = named.size > 0 && [...named].every((c) => BARE_STATES.has(c));
      }
      return known;
    };
  };
  const indexed = playbooks.map((p): IndexedPlaybook => {
    const phraseSources = [...p.phrases, ...p.aliases];
    const phrases: IndexedPhrase[] = [];
    for (const source of phraseSources) {
      const text = canonical(source);
      if (!text) continue;
      for (const w of words(text)) vocab.add(w);
      const units = [...unitsOf(text)];
      // A one-unit alias (api, 后台, 404) is a command word, not a symptom phrase.
      if (units.length === 0 || (units.length < 2 && !p.phrases.includes(source))) continue;
      phrases.push({ source, text, units, bare: bare(source) });
    }
    const byUnit = new Map<string, number[]>();
    phrases.forEach((ph, i) => {
      for (const u of ph.units) {
        const list = byUnit.get(u);
        if (list) list.push(i);
        else byUnit.set(u, [i]);
      }
    });
    const aliases = [p.id, ...p.aliases].map(canonical).filter(Boolean);
    return {
      id: p.id,
      title: `${p.title} / ${p.titleEn}`,
      aliases,
      words: aliases.filter((a) => unitsOf(a).size === 1),
      phrases,
      byUnit,
      signatures: p.signatures.map((re) => new RegExp(re.source, re.flags.replace(/[gy]/g, ''))),
      // Literals are read with the syntax of expressions without the u or v flag.
      signatureLiterals: p.signatures.map((re) => (/[uv]/.test(re.flags) ? undefined : gatesOf(re.source))),
      concepts: p.concepts ?? [],
      components: [...new Set((p.concepts ?? []).flat())].filter((c) => c in COMPONENTS && !GENERIC_COMPONENTS.has(c)),
      howtoConcepts: (p.howto ?? []).flatMap((h) => h.concepts),
      howto: (p.howto ?? []).map((h) => ({ id: h.id, title: h.title, concepts: h.concepts })),
    };
  });
  const index = {
    playbooks: indexed,
    typos: new TypoCorrector(vocab),
    lexicon,
    foreign: new ForeignNames(() => ownWords(playbooks)),
    source: playbooks,
  };
  cache.set(playbooks, index);
  return index;
}

/** Every latin word OMS's playbooks and lexicon use: what is not among them names something else. */
function ownWords(playbooks: readonly Playbook[]): Set<string> {
  const out = new Set<string>();
  const add = (text: string) => {
    for (const w of text.toLowerCase().match(/[a-z][a-z0-9_-]*[a-z0-9]/g) ?? []) out.add(w);
  };
  for (const p of playbooks) {
    for (const t of [p.body, p.summary, p.title, p.titleEn, ...p.phrases, ...p.aliases]) add(t);
    for (const re of p.signatures) add(re.source.replace(/\\[a-z]/gi, ' '));
  }
  for (const [, concepts] of LEXICON_PARTS)
    for (const c of Object.values(concepts) as Array<{ en?: readonly string[] }>) add((c.en ?? []).join(' '));
  return out;
}
