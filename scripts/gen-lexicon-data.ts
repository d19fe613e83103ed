/**
 * `npm run gen:lexicon`: write what matching would otherwise work out on every start, from the built-in lexicon
 * (src/intent/lexicon.ts and the files it lists) and the other systems' names:
 * - src/intent/lexicon-pinyin.json: the toneless readings of every Chinese term, as pinyin-pro and the typed variants
 *   give them (src/intent/pinyin.ts, `derivedReadings`), so that matching pinyin input need not load pinyin-pro;
 * - src/intent/expression-gates.json: for every alternative of their expressions, every log signature of the
 *   playbooks and every gated expression of the rules (src/intent/gated.ts), the literals one of which every match
 *   holds (src/intent/required-literal.ts), so that a process's first match need not read ~900 sources.
 * Run it after editing a lexicon file or the other systems' names; test/unit/scripts/gen-lexicon-data.test.ts fails
 * while either file is out of date (matching stays right meanwhile, only slower).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinLexicon } from '../src/intent/concepts.js';
import { expressionGatesFile } from '../src/intent/expression-gates.js';
import { gatedSources } from '../src/intent/gated.js';
import '../src/intent/match.js'; // every module whose rules' expressions are gated (src/intent/gated.ts)
import { OTHER_SYSTEMS } from '../src/intent/other-systems.js';
import { derivedReadings, lexiconPinyinFile } from '../src/intent/pinyin.js';
import { requiredLiterals, topAlternatives } from '../src/intent/required-literal.js';
import { SHARED_INFRA } from '../src/intent/shared-infra.js';
import { playbookRegistry } from '../src/app/playbook-registry.js';
import { loadPlaybooks } from '../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../src/playbooks/paths.js';

/** One entry a line, sorted, so that a change reads as the entries it adds. */
function jsonLines(entries: ReadonlyArray<readonly [string, unknown]>): string {
  const lines = [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** The text of src/intent/lexicon-pinyin.json. */
export function buildLexiconPinyinJson(): string {
  const terms = [...new Set(builtinLexicon().concepts.flatMap((c) => c.zh))];
  return jsonLines(terms.map((t) => [t, derivedReadings(t)] as const));
}

/**
 * The text of src/intent/expression-gates.json: the gates read from the sources, never from the file itself; the
 * playbooks' signatures too (src/intent/score.ts gates them; a signature an operator adds is read at run time).
 */
export async function buildExpressionGatesJson(): Promise<string> {
  const matchers = [...builtinLexicon().concepts.map((c) => c.text), OTHER_SYSTEMS, SHARED_INFRA];
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  const signatures = playbooks.flatMap((p) => p.signatures.map((re) => re.source));
  const rules = gatedSources().flatMap(topAlternatives);
  const alternatives = [...new Set([...matchers.flatMap((m) => m.alternatives), ...signatures, ...rules])];
  return jsonLines(alternatives.map((a) => [a, requiredLiterals(a) ?? null] as const));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, json] of [
    [lexiconPinyinFile(), buildLexiconPinyinJson()],
    [expressionGatesFile(), await buildExpressionGatesJson()],
  ] as const) {
    writeFileSync(file, json);
    console.log(`wrote ${file}: ${json.split('\n').length - 3} entries, ${json.length} characters`);
  }
}
