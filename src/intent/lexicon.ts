import { APP_OWN_COMPONENTS } from './lexicon-components.js';
import { PEOPLE_COMPONENTS } from './lexicon-people.js';
import { BUSINESS } from './lexicon-business.js';
import { SERVER_COMPONENTS } from './lexicon-server.js';
import { FAULTS } from './lexicon-faults.js';
import { PROBLEMS } from './lexicon-problems.js';
import { QUESTIONS } from './lexicon-questions.js';
import { REQUESTS } from './lexicon-requests.js';
import { WHOLE_REQUESTS } from './lexicon-whole.js';

/**
 * The concept lexicon: what operators name (components) and what they say
 * about it (problems, questions), in Chinese, English and pinyin. Playbooks
 * declare in their front matter which combinations of these concepts they
 * answer (`concepts: [[login, fails]]`), and their how-to sections likewise.
 *
 * Terms are matched on the message as typed (NFKC, lower case):
 * - `zh`: substrings; their pinyin (toneless, from pinyin-pro) also matches
 *   pinyin input, with or without spaces ("denglu", "deng lu");
 * - `en`: whole words or phrases (a trailing s/es/ed/ing is allowed);
 * - `py`: extra pinyin spellings, syllables separated by spaces;
 * - `re`: regular expressions (case-insensitive) for forms words cannot say.
 * Add a term here when operators word a known thing another way; add a
 * concept when a playbook needs a new distinction. Validated at load
 * (src/intent/concepts.ts): unknown fields, empty or duplicate terms and
 * invalid expressions fail with the concept named.
 */

/** The lexicon's files and what each holds; a concept id may appear in one file only. */
export const LEXICON_PARTS: ReadonlyArray<[file: string, concepts: Record<string, unknown>]> = [
  ['src/intent/lexicon-components.ts', APP_OWN_COMPONENTS],
  ['src/intent/lexicon-people.ts', PEOPLE_COMPONENTS],
  ['src/intent/lexicon-server.ts', SERVER_COMPONENTS],
  ['src/intent/lexicon-problems.ts', PROBLEMS],
  ['src/intent/lexicon-faults.ts', FAULTS],
  ['src/intent/lexicon-whole.ts', WHOLE_REQUESTS],
  ['src/intent/lexicon-requests.ts', REQUESTS],
  ['src/intent/lexicon-questions.ts', QUESTIONS],
  ['src/intent/lexicon-business.ts', BUSINESS],
];
