import { COMMAND_PREFIX, type FrontEnd } from './args.js';
import { optionsSummary } from './options.js';
import { usage, VERB_TABLE, verbsFor, type VerbSpec } from './verbs.js';

/** Help texts derived from the verb table: the terminal's, the README's table and manifest.yml's usage hint. */

/** The console / command line help. */
export function terminalHelp(frontEnd: Exclude<FrontEnd, 'slack'>): string {
  return [
    'oms-chatops — OMS 故障排查 / troubleshooting',
    '',
    ...verbsFor(frontEnd).map(
      (v) => `  ${COMMAND_PREFIX[frontEnd]}${usage(v)}\n      ${v.summary.zh} / ${v.summary.en}`,
    ),
    '',
    `options: ${optionsSummary()}`,
  ].join('\n');
}

/** Where a verb can be used and by whom, for the README: `console, cli, slack` or `slack: policy.requesters …`. */
function places(v: VerbSpec): string {
  const entries = Object.entries(v.offeredIn) as [FrontEnd, string][];
  if (entries.every(([, who]) => who === 'anyone')) return entries.map(([f]) => f).join(', ');
  // Front ends with the same rule share one entry: `console, cli: the operator …; slack: …`.
  const byWho = new Map<string, FrontEnd[]>();
  for (const [f, who] of entries) byWho.set(who, [...(byWho.get(who) ?? []), f]);
  return [...byWho].map(([who, fronts]) => `${fronts.join(', ')}: ${who}`).join('; ');
}

/** The README's verb table (between `<!-- verbs:start -->` and `<!-- verbs:end -->`; `npm run docs:verbs`). */
export function readmeVerbTable(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| verb | what it does | where (who may use it) |',
    '|---|---|---|',
    ...VERB_TABLE.map((v) => `| \`${esc(usage(v))}\` | ${esc(v.summary.en)} (${v.summary.zh}) | ${places(v)} |`),
  ].join('\n');
}

/** manifest.yml's `/oms` description and usage hint. */
export function manifestCommandText(): { description: string; usageHint: string } {
  const names = verbsFor('slack').map((v) => v.name);
  return {
    description: `诊断 OMS 服务器 / diagnose the OMS server (${names.join(', ')})`,
    // Each verb's first example up to its first option or quoted text: `run restart-backend prod`, `match`.
    usageHint: verbsFor('slack')
      .map((v) => v.examples[0]!.split(' ').filter((w, i, all) => !all.slice(0, i + 1).some((x) => /^[-"]/.test(x))))
      .map((words) => words.join(' '))
      .join(' · '),
  };
}

export const VERBS_START = '<!-- verbs:start -->';
export const VERBS_END = '<!-- verbs:end -->';

/** `text` with the part between the markers replaced by `table`; undefined when the markers are missing. */
export function withVerbTable(text: string, table: string): string | undefined {
  const a = text.indexOf(VERBS_START);
  const b = text.indexOf(VERBS_END);
  if (a < 0 || b < a) return undefined;
  return `${text.slice(0, a + VERBS_START.length)}\n${table}\n${text.slice(b)}`;
}
