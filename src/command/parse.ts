import { commandRef, fail, name, type CommandFlags, type FrontEnd, type ParseFailure } from './args.js';
import { findOption, optionsSummary } from './options.js';
import { findVerb, VERBS, type ParsedCommand } from './verbs.js';

export type { CommandFlags } from './args.js';
export type { ParsedCommand } from './verbs.js';
export { VERBS } from './verbs.js';

export type ParseResult = { ok: true; command: ParsedCommand; flags: CommandFlags } | ParseFailure;

export interface ParseOptions {
  /** Unknown first words are free text for `diagnose` (the `/oms` and console behaviour), else refused. */
  freeTextFallsThrough?: boolean;
  /** Where the words were typed: hints name commands as typed there (default the console's bare form). */
  frontEnd?: FrontEnd;
}

/**
 * Characters that mean someone is trying to build a shell command. Nothing the
 * bot runs is built from chat text, but such input is refused outright so the
 * answer is clear and nothing runs. `match` (which runs nothing) accepts pasted
 * log lines as they are.
 */
const SHELL_META = /[;`|&<>\n\r\0]|\$\(|\$\{/;

/** Parse words (already split) into a command; verbs and options come from the tables in verbs.ts and options.ts. */
export function parseCommand(words: readonly string[], options: ParseOptions = {}): ParseResult {
  const ref = (w: string) => commandRef(options.frontEnd ?? 'console', w);
  const flags: CommandFlags = { json: false, verbose: false };
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const found = findOption(w);
    if (found?.inline !== undefined) found.option.set(flags, found.inline);
    else if (found?.option.value) {
      const v = words[++i];
      if (v === undefined || v.startsWith('--'))
        return fail(`${w} needs a value`, `e.g. ${found.option.flag} ${found.option.example ?? found.option.value}`);
      found.option.set(flags, v);
    } else if (found) found.option.set(flags, '');
    else if (w.startsWith('--') && w.length > 2) return fail(`unknown option ${w}`, `options: ${optionsSummary()}`);
    else rest.push(w);
  }
  const [first, ...args] = rest;
  const verb = first?.toLowerCase();
  if (verb === undefined || verb === '') return ok({ verb: 'help' }, flags);

  if (verb !== 'match') {
    // Every word, option values included (`--reason "…; …"`, `--target=$(…)`): the rule is about the whole command.
    const bad = words.find((w) => SHELL_META.test(w));
    if (bad !== undefined) {
      return fail(
        `refused: the input contains shell characters (; | & \` $( ) > < or a line break) — nothing was run`,
        `type a playbook name, an alias or a plain description (e.g. ${ref('diagnose login')}); ` +
          `to analyse a pasted log line use ${ref('match "<line>"')}`,
      );
    }
  }
  if (flags.target !== undefined && !name.safeParse(flags.target).success)
    return fail(`invalid target name "${flags.target}"`, `see ${ref('targets')} for the configured names`);

  const spec = findVerb(verb);
  if (spec) {
    const parsed = spec.parse(args, { flags, ref });
    return 'verb' in parsed ? ok(parsed, flags) : parsed;
  }
  if (options.freeTextFallsThrough)
    return ok({ verb: 'diagnose', query: rest.join(' '), ...(flags.target ? { target: flags.target } : {}) }, flags);
  return fail(`unknown command "${first}"`, `commands: ${VERBS.join(', ')}; or ${ref('diagnose <description>')}`);
}

function ok(command: ParsedCommand, flags: CommandFlags): ParseResult {
  return { ok: true, command, flags };
}
