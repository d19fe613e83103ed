import type { ExecResult } from '../transport/transport.js';
import type { Target } from '../config/target.js';

/** Outcome of one check, from the operator's point of view. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'error' | 'skipped';

/** A fact an interpreter extracted (port, pid, status code, user …). */
export type FactValue = string | number | boolean | null | readonly string[];

/**
 * What one check saw. Produced by a pure interpreter from raw output; a check
 * whose output cannot be understood returns `error` with the excerpt, it never throws.
 */
export interface Observation {
  check: string;
  status: CheckStatus;
  /** One line, operator's language (Chinese first, English after ` / ` where useful). */
  summary: string;
  /** Short raw excerpt that proves the summary (redacted before it leaves the engine). */
  evidence: string;
  facts: Record<string, FactValue>;
  /**
   * Stable codes for what was recognised, e.g. `exit-217-user`. Playbook findings
   * refer to them as `<check id>:<signal>`; every signal must be declared in the
   * check's `signals` list.
   */
  signals: string[];
}

/** One command of a check: a whitelisted argv built from validated target config. */
export interface CheckCommand {
  argv: readonly string[];
  /** Needs root (run as `sudo -n argv…`); the sudoers drop-in lists these. */
  sudo?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * A read-only check. `commands` are run concurrently; `interpret` receives their
 * results in the same order, already redacted whole by the engine (so whatever it
 * cuts holds no half secret), and is pure (no I/O, no clock, no randomness).
 */
export interface Check {
  readonly id: string;
  /** Chinese title first, then English. */
  readonly title: string;
  readonly titleEn: string;
  commands(target: Target): CheckCommand[];
  interpret(results: ExecResult[], target: Target): Omit<Observation, 'check'>;
  /** Every signal `interpret` may emit, with its meaning (for playbook validation and docs). */
  readonly signals: Readonly<Record<string, string>>;
}

/** Define a check; the result is frozen so the registry cannot be altered at run time. */
export function defineCheck(check: Check): Check {
  for (const s of Object.keys(check.signals)) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(s)) throw new Error(`check ${check.id}: signal "${s}" must be kebab-case`);
  }
  return Object.freeze({ ...check, signals: Object.freeze({ ...check.signals }) });
}
