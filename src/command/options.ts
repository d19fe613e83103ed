import type { CommandFlags } from './args.js';

/** One option as typed: `--target T` / `-t T` / `--target=T`, or a switch like `--json`. */
export interface OptionSpec {
  flag: `--${string}`;
  alias?: `-${string}`;
  /** The value's placeholder; absent for a switch. */
  value?: string;
  /** An example value for the "needs a value" hint. */
  example?: string;
  summary: string;
  /** Verbs it belongs to; absent = any verb. */
  verbs?: readonly string[];
  set(flags: CommandFlags, value: string): void;
}

/** Every option, in help order. The parser and all help texts read this table. */
export const OPTION_TABLE: readonly OptionSpec[] = Object.freeze([
  { flag: '--target', alias: '-t', value: 'T', example: 'prod', summary: 'the server', set: (f, v) => (f.target = v) },
  { flag: '--json', summary: 'machine-readable output', set: (f) => (f.json = true) },
  {
    flag: '--verbose',
    alias: '-v',
    summary: 'evidence and fixes of every finding and check',
    set: (f) => (f.verbose = true),
  },
  {
    flag: '--config',
    value: 'FILE',
    example: './oms-chatops.yml',
    summary: 'the config file',
    set: (f, v) => (f.config = v),
  },
  {
    flag: '--reason',
    value: '"…"',
    example: '"backend down since 10:02"',
    summary: 'why (on the approval and in the audit log)',
    verbs: ['run'],
    set: (f, v) => (f.reason = v),
  },
  {
    flag: '--yes',
    alias: '-y',
    summary: 'no prompt (only where policy allows local approval)',
    verbs: ['run'],
    set: (f) => (f.yes = true),
  },
  {
    flag: '--since',
    value: '1h|ISO',
    example: '1h or --since 2026-11-22T21:00:00Z',
    summary: 'records since',
    verbs: ['audit'],
    set: (f, v) => (f.since = v),
  },
  {
    flag: '--user',
    value: 'U',
    example: 'omsbot',
    summary: 'the bot user on the server',
    verbs: ['sudoers'],
    set: (f, v) => (f.user = v),
  },
] satisfies OptionSpec[]);

/** `--target T, --json, --verbose, --config FILE; run: --reason "…", --yes; audit: --since 1h|ISO; …`. */
export function optionsSummary(): string {
  const show = (o: OptionSpec) => (o.value ? `${o.flag} ${o.value}` : o.flag);
  const general = OPTION_TABLE.filter((o) => !o.verbs).map(show);
  const byVerb = new Map<string, string[]>();
  for (const o of OPTION_TABLE) for (const v of o.verbs ?? []) byVerb.set(v, [...(byVerb.get(v) ?? []), show(o)]);
  return [general.join(', '), ...[...byVerb].map(([v, list]) => `${v}: ${list.join(', ')}`)].join('; ');
}

/** Find the option a word names (`--target`, `-t`), or the `--flag=value` form. */
export function findOption(word: string): { option: OptionSpec; inline?: string } | undefined {
  const eq = word.indexOf('=');
  if (word.startsWith('--') && eq > 2) {
    const option = OPTION_TABLE.find((o) => o.flag === word.slice(0, eq) && o.value);
    return option ? { option, inline: word.slice(eq + 1) } : undefined;
  }
  const option = OPTION_TABLE.find((o) => o.flag === word || o.alias === word);
  return option ? { option } : undefined;
}
