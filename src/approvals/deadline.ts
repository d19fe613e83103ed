import type { Action } from '../actions/action.js';
import type { Check } from '../checks/check.js';
import type { Target } from '../config/target.js';

/** A check command without its own timeout gets the engine's default (src/engine/run-checks.ts). */
const CHECK_DEFAULT_MS = 10_000;
/** Per command: `timeout -k` grace on the server plus the transport's local slack. */
const COMMAND_SLACK_MS = 5_000;
/** Writing the result and the audit record, a slow store included. */
const MARGIN_MS = 30_000;

export interface DeadlineOptions {
  findCheck(id: string): Check | undefined;
  postCheckAttempts: number;
  postCheckDelayMs: number;
}

/**
 * The longest an approved action can take when nothing hangs: preconditions,
 * the MainPID read, each command up to its timeout, every post-check attempt,
 * and a margin. An approval still `executing` past this was abandoned (its
 * process died, or its result could not be written) and becomes `unknown`.
 */
export function executionDeadlineMs(action: Action, target: Target, options: DeadlineOptions): number {
  const slowest = (ids: readonly string[]): number => {
    let max = 0;
    for (const id of ids) {
      const check = options.findCheck(id);
      for (const cmd of check?.commands(target) ?? [])
        max = Math.max(max, (cmd.timeoutMs ?? CHECK_DEFAULT_MS) + COMMAND_SLACK_MS);
    }
    return max;
  };
  const pre = slowest(action.preconditions) + slowest(action.postChecks);
  const commands = action.argv(target).length * (action.timeoutMs + COMMAND_SLACK_MS);
  const post = Math.max(1, options.postCheckAttempts) * (options.postCheckDelayMs + slowest(action.postChecks));
  return pre + commands + post + MARGIN_MS;
}

/**
 * What an operator should look at on the server when the outcome of an action
 * is unknown: the state and recent log of each unit it touches, and whether
 * unit files are waiting for a daemon-reload. Text for people; never run.
 */
export function whatToCheck(action: Action, target: Target): string[] {
  const out: string[] = [];
  const add = (line: string) => {
    if (!out.includes(line)) out.push(line);
  };
  for (const argv of action.argv(target)) {
    const [, verb, unit] = argv;
    if (verb === 'daemon-reload') add(`systemctl show ${target.service} -p NeedDaemonReload`);
    if (unit && ['restart', 'start', 'reload', 'stop'].includes(verb ?? '')) {
      add(`systemctl status ${unit}`);
      add(`journalctl -u ${unit} -n 50 --no-pager`);
    }
  }
  if (out.length === 0) out.push(`systemctl status ${target.service}`);
  return out;
}
