import type { Target } from '../config/target.js';

/**
 * A change to the server, offered by a playbook finding and run only after
 * approval (see the approvals issue). Always `sudo -n` with an absolute path,
 * so the sudoers rule can list exactly these argv.
 */
export interface Action {
  readonly id: string;
  readonly title: string;
  readonly titleEn: string;
  /** The command lines, run in order, each through `sudo -n`. */
  argv(target: Target): string[][];
  /** Check ids that must be `ok` before running (e.g. `nginx-config-test` before a reload). */
  readonly preconditions: readonly string[];
  /** Check ids that prove it worked. */
  readonly postChecks: readonly string[];
  readonly timeoutMs: number;
}

export function defineAction(action: Action): Action {
  return Object.freeze({ ...action });
}
