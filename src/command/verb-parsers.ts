import { ACTIONS } from '../actions/registry.js';
import { fail, name, type ParseFailure, type VerbContext } from './args.js';
import type { ParsedCommand } from './parsed.js';

/** The argument parsers of the verbs whose words take more than a line or two (rows of verbs.ts). */

const ACTION_IDS = ACTIONS.map((a) => a.id).join(', ');
const withTarget = (target: string | undefined) => (target ? { target } : {});

/** `bundle [target] [-o FILE]`. */
export function parseBundle(args: readonly string[], { flags, ref }: VerbContext): ParsedCommand | ParseFailure {
  const words = [...args];
  let output: string | undefined;
  const o = words.indexOf('-o');
  if (o !== -1) {
    output = words[o + 1];
    if (!output) return fail(`${words[o]} needs a file name`, `e.g. ${ref('bundle prod -o oms-bundle.tar.gz')}`);
    words.splice(o, 2);
  }
  const target = flags.target ?? words[0];
  if (words.length > 1)
    return fail(`bundle takes one target, not "${words.join(' ')}"`, `e.g. ${ref('bundle prod -o b.tar.gz')}`);
  if (target !== undefined && !name.safeParse(target).success)
    return fail(`invalid target name "${target}"`, `see ${ref('targets')} for the configured names`);
  return { verb: 'bundle', ...withTarget(target), ...(output ? { output } : {}) };
}

/** `run <action> [target] --reason "…"` and `run clear <action> [target]`. */
export function parseRun(args: readonly string[], { flags, ref }: VerbContext): ParsedCommand | ParseFailure {
  // `run clear <action> [target]`: lift the stop put on an action after repeated failed post-checks.
  if (args[0] === 'clear') {
    const [, act, tgt] = args;
    const target = flags.target ?? tgt;
    if (!act || !name.safeParse(act).success || args.length > 3 || (target && !name.safeParse(target).success))
      return fail('run clear needs an action and optionally a target', `e.g. ${ref('run clear restart-backend prod')}`);
    return { verb: 'run', action: act, ...withTarget(target), reason: '', yes: false, clear: true };
  }
  const action = args[0];
  if (!action)
    return fail(
      'run needs an action',
      `e.g. ${ref('run restart-backend prod --reason "backend down"')}; actions: ${ACTION_IDS}`,
    );
  if (!name.safeParse(action).success) return fail(`invalid action "${action}"`, `actions: ${ACTION_IDS}`);
  if (args.length > 2)
    return fail(
      `run takes an action and a target, not "${args.slice(2).join(' ')}"`,
      'put the reason in quotes: --reason "backend down since 10:02"',
    );
  const target = flags.target ?? args[1];
  if (target !== undefined && !name.safeParse(target).success)
    return fail(`invalid target name "${target}"`, `see ${ref('targets')} for the configured names`);
  const reason = (flags.reason ?? '').trim();
  if (!reason)
    return fail(
      'run needs --reason "…" (it goes on the approval and in the audit log) — nothing was run',
      `e.g. ${ref(`run ${action}${target ? ` ${target}` : ''} --reason "backend down since 10:02"`)}`,
    );
  return { verb: 'run', action, ...withTarget(target), reason, yes: flags.yes === true };
}

/** `compare <playbook> <target-a> <target-b>`: two different configured names (checked again when resolved). */
export function parseCompare(args: readonly string[], { flags, ref }: VerbContext): ParsedCommand | ParseFailure {
  const words = flags.target ? [...args, flags.target] : [...args];
  const example =
    `e.g. ${ref('compare login prod staging')}; ` + `${ref('list')} shows the playbooks, ${ref('targets')} the targets`;
  if (words.length !== 3)
    return fail(`compare needs a playbook and two targets, not "${words.join(' ')}"`.replace(', not ""', ''), example);
  const [playbook, a, b] = words as [string, string, string];
  for (const t of [a, b])
    if (!name.safeParse(t).success)
      return fail(`invalid target name "${t}"`, `see ${ref('targets')} for the configured names`);
  if (a === b)
    return fail(
      `compare needs two different targets, not ${a} twice`,
      `e.g. ${ref(`compare ${playbook} ${a} <another target>`)}`,
    );
  return { verb: 'compare', playbook, a, b };
}
