import { z } from 'zod';
import { parseUsersArgs, type UsersCommand } from '../users/parse-args.js';

/** What a user asked for, validated; the same for the CLI, the console and Slack. */
export type ParsedCommand =
  | { verb: 'help'; topic?: string }
  | { verb: 'list' }
  | { verb: 'targets' }
  | { verb: 'show'; playbook: string }
  | { verb: 'diagnose'; query: string; target?: string }
  | { verb: 'check'; check: string; target?: string }
  | { verb: 'match'; text: string }
  | { verb: 'keyscan'; target: string }
  | { verb: 'sudoers'; user?: string }
  | { verb: 'doctor'; target?: string }
  | { verb: 'run'; action: string; target?: string; reason: string; yes: boolean; clear?: true }
  | { verb: 'audit'; since?: string; target?: string; verify?: true }
  | { verb: 'discover'; target?: string }
  | { verb: 'bundle'; target?: string; output?: string }
  | UsersCommand;

/** Output options that apply to any verb. */
export interface CommandFlags {
  json: boolean;
  verbose: boolean;
  config?: string;
  target?: string;
  user?: string;
  /** `run --reason "…"`: why the action is needed (goes on the approval and in the audit log). */
  reason?: string;
  /** `run --yes`: confirm without asking (scripts; only where policy allows local approval). */
  yes?: boolean;
  /** `audit --since 1h|ISO`. */
  since?: string;
}

export type ParseResult =
  { ok: true; command: ParsedCommand; flags: CommandFlags } | { ok: false; error: string; hint: string };

export const VERBS = [
  'help',
  'list',
  'targets',
  'show',
  'diagnose',
  'check',
  'match',
  'keyscan',
  'sudoers',
  'doctor',
  'run',
  'audit',
  'users',
  'discover',
  'bundle',
] as const;

/**
 * Characters that mean someone is trying to build a shell command. Nothing the
 * bot runs is built from chat text, but such input is refused outright so the
 * answer is clear and nothing runs. `match` (which runs nothing) accepts pasted
 * log lines as they are.
 */
const SHELL_META = /[;`|&<>\n\r\0]|\$\(|\$\{/;

const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, _ . - only');
const userName = z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'a Unix user name');

/**
 * Parse words (already split) into a command. Unknown first words are treated
 * as free text for `diagnose` when `freeTextFallsThrough` (the `/oms` and
 * console behaviour), else refused.
 */
export function parseCommand(words: readonly string[], options: { freeTextFallsThrough?: boolean } = {}): ParseResult {
  const flags: CommandFlags = { json: false, verbose: false };
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--json') flags.json = true;
    else if (w === '--verbose' || w === '-v') flags.verbose = true;
    else if (w === '--yes' || w === '-y') flags.yes = true;
    else if (w === '--reason' || w === '--since') {
      const v = words[++i];
      if (v === undefined || v.startsWith('--'))
        return fail(
          `${w} needs a value`,
          w === '--reason'
            ? 'e.g. --reason "backend down since 10:02"'
            : 'e.g. --since 1h or --since 2026-11-22T21:00:00Z',
        );
      if (w === '--reason') flags.reason = v;
      else flags.since = v;
    } else if (w.startsWith('--reason=')) flags.reason = w.slice(9);
    else if (w.startsWith('--since=')) flags.since = w.slice(8);
    else if (w === '--config' || w === '--target' || w === '-t' || w === '--user') {
      const v = words[++i];
      if (v === undefined || v.startsWith('--'))
        return fail(
          `${w} needs a value`,
          `e.g. ${w} ${w === '--config' ? './oms-chatops.yml' : w === '--user' ? 'omsbot' : 'prod'}`,
        );
      if (w === '--config') flags.config = v;
      else if (w === '--user') flags.user = v;
      else flags.target = v;
    } else if (w.startsWith('--config=')) flags.config = w.slice(9);
    else if (w.startsWith('--target=')) flags.target = w.slice(9);
    else if (w.startsWith('--') && w.length > 2)
      return fail(
        `unknown option ${w}`,
        'options: --target T, --json, --verbose, --config FILE; run: --reason "…", --yes; audit: --since 1h',
      );
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
        'type a playbook name, an alias or a plain description (e.g. `diagnose login`); to analyse a pasted log line use `match "<line>"`',
      );
    }
  }
  if (flags.target !== undefined && !name.safeParse(flags.target).success)
    return fail(`invalid target name "${flags.target}"`, 'see `targets` for the configured names');

  switch (verb) {
    case 'help':
      return ok({ verb: 'help', topic: args[0] }, flags);
    case 'list':
    case 'targets':
      return ok({ verb }, flags);
    case 'show':
      if (!args[0]) return fail('show needs a playbook', 'e.g. `show login`; `list` shows them all');
      return ok({ verb: 'show', playbook: args.join(' ') }, flags);
    case 'diagnose':
      if (args.length === 0)
        return fail(
          'diagnose needs a playbook, alias or description',
          'e.g. `diagnose login`, `diagnose 502`, `diagnose 后端起不来`; `list` shows the playbooks',
        );
      return ok({ verb: 'diagnose', query: args.join(' '), ...(flags.target ? { target: flags.target } : {}) }, flags);
    case 'check': {
      const id = args[0];
      if (!id) return fail('check needs a check id', 'e.g. `check backend-service`; `help check` lists them');
      if (!name.safeParse(id).success) return fail(`invalid check id "${id}"`, '`help check` lists the checks');
      const target = flags.target ?? args[1];
      return ok({ verb: 'check', check: id, ...(target ? { target } : {}) }, flags);
    }
    case 'match':
      if (args.length === 0)
        return fail('match needs text', 'e.g. `match "[ERROR] Worker (pid:3321281) was sent SIGTERM!"`');
      return ok({ verb: 'match', text: args.join(' ') }, flags);
    case 'keyscan': {
      const target = flags.target ?? args[0];
      if (!target) return fail('keyscan needs a target', 'e.g. `keyscan prod`; `targets` lists them');
      return ok({ verb: 'keyscan', target }, flags);
    }
    case 'sudoers': {
      const user = flags.user ?? args[0];
      if (user !== undefined && !userName.safeParse(user).success)
        return fail(`invalid user name "${user}"`, 'e.g. --user omsbot');
      return ok({ verb: 'sudoers', ...(user ? { user } : {}) }, flags);
    }
    case 'doctor': {
      const target = flags.target ?? args[0];
      return ok({ verb: 'doctor', ...(target ? { target } : {}) }, flags);
    }
    case 'run': {
      // `run clear <action> [target]`: lift the stop put on an action after repeated failed post-checks.
      if (args[0] === 'clear') {
        const [, act, tgt] = args;
        const target = flags.target ?? tgt;
        if (!act || !name.safeParse(act).success || args.length > 3 || (target && !name.safeParse(target).success))
          return fail('run clear needs an action and optionally a target', 'e.g. `run clear restart-backend prod`');
        return ok(
          { verb: 'run', action: act, ...(target ? { target } : {}), reason: '', yes: false, clear: true },
          flags,
        );
      }
      const action = args[0];
      if (!action)
        return fail(
          'run needs an action',
          'e.g. `run restart-backend prod --reason "backend down"`; actions: restart-backend, start-backend, daemon-reload, reload-nginx, restart-nginx',
        );
      if (!name.safeParse(action).success)
        return fail(
          `invalid action "${action}"`,
          'actions: restart-backend, start-backend, daemon-reload, reload-nginx, restart-nginx',
        );
      if (args.length > 2)
        return fail(
          `run takes an action and a target, not "${args.slice(2).join(' ')}"`,
          'put the reason in quotes: --reason "backend down since 10:02"',
        );
      const target = flags.target ?? args[1];
      if (target !== undefined && !name.safeParse(target).success)
        return fail(`invalid target name "${target}"`, 'see `targets` for the configured names');
      const reason = (flags.reason ?? '').trim();
      if (!reason)
        return fail(
          'run needs --reason "…" (it goes on the approval and in the audit log) — nothing was run',
          `e.g. \`run ${action}${target ? ` ${target}` : ''} --reason "backend down since 10:02"\``,
        );
      return ok({ verb: 'run', action, ...(target ? { target } : {}), reason, yes: flags.yes === true }, flags);
    }
    case 'audit':
      // `audit verify`: check the hash chain of the audit log.
      if (args.length === 1 && args[0] === 'verify') return ok({ verb: 'audit', verify: true }, flags);
      if (args.length > 0)
        return fail(`audit takes options, not "${args.join(' ')}"`, 'e.g. `audit --since 1h --target prod`');
      return ok(
        {
          verb: 'audit',
          ...(flags.since ? { since: flags.since } : {}),
          ...(flags.target ? { target: flags.target } : {}),
        },
        flags,
      );
    case 'discover': {
      const target = flags.target ?? args[0];
      if (args.length > 1) return fail(`discover takes one target, not "${args.join(' ')}"`, 'e.g. `discover prod`');
      if (target !== undefined && !name.safeParse(target).success)
        return fail(`invalid target name "${target}"`, 'see `targets` for the configured names');
      return ok({ verb: 'discover', ...(target ? { target } : {}) }, flags);
    }
    case 'bundle': {
      const words = [...args];
      let output: string | undefined;
      const o = words.indexOf('-o');
      if (o !== -1) {
        output = words[o + 1];
        if (!output) return fail(`${words[o]} needs a file name`, 'e.g. `bundle prod -o oms-bundle.tar.gz`');
        words.splice(o, 2);
      }
      const target = flags.target ?? words[0];
      if (words.length > 1)
        return fail(`bundle takes one target, not "${words.join(' ')}"`, 'e.g. `bundle prod -o b.tar.gz`');
      if (target !== undefined && !name.safeParse(target).success)
        return fail(`invalid target name "${target}"`, 'see `targets` for the configured names');
      return ok({ verb: 'bundle', ...(target ? { target } : {}), ...(output ? { output } : {}) }, flags);
    }
    case 'users': {
      const u = parseUsersArgs(args);
      return u.ok ? ok(u.command, flags) : fail(u.error, u.hint);
    }
    default:
      if (options.freeTextFallsThrough)
        return ok(
          { verb: 'diagnose', query: rest.join(' '), ...(flags.target ? { target: flags.target } : {}) },
          flags,
        );
      return fail(`unknown command "${first}"`, `commands: ${VERBS.join(', ')}; or \`diagnose <description>\``);
  }
}

function ok(command: ParsedCommand, flags: CommandFlags): ParseResult {
  return { ok: true, command, flags };
}

function fail(error: string, hint: string): ParseResult {
  return { ok: false, error, hint };
}
