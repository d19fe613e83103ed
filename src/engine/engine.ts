import type { Check } from '../checks/check.js';
import type { Target } from '../config/target.js';
import type { Playbook } from '../playbooks/playbook.js';
import type { Transport } from '../transport/transport.js';
import { makeConsistent } from './consistency.js';
import { diagnose, headline, verdictOf } from './diagnose.js';
import type { Report } from './report.js';
import { runChecks, type RunChecksOptions } from './run-checks.js';

export interface EngineDeps {
  /** Look up a whitelisted check by id. */
  findCheck(id: string): Check | undefined;
  /** Wall clock, injected for tests. */
  now?: () => Date;
}

/** Run a playbook's checks on a target and turn what they saw into a report. */
export function runPlaybook(
  playbook: Playbook,
  target: Target,
  transport: Transport,
  deps: EngineDeps,
  options: RunChecksOptions = {},
): Promise<Report> {
  const checks = playbook.checks.map((id) => {
    const check = deps.findCheck(id);
    // The loader validated every id at start-up; reaching this is a broken invariant.
    if (!check) throw new Error(`playbook ${playbook.id} names unknown check ${id}`);
    return check;
  });
  return run(playbook, checks, target, transport, deps.now, options);
}

/** Run single checks (the `check` verb): a report without a playbook or findings. */
export function runSingleChecks(
  checks: readonly Check[],
  target: Target,
  transport: Transport,
  deps: Pick<EngineDeps, 'now'> = {},
  options: RunChecksOptions = {},
): Promise<Report> {
  return run(null, checks, target, transport, deps.now, options);
}

async function run(
  playbook: Playbook | null,
  checks: readonly Check[],
  target: Target,
  transport: Transport,
  now: (() => Date) | undefined,
  options: RunChecksOptions,
): Promise<Report> {
  const clock = now ?? (() => new Date());
  const startedAt = clock().toISOString();
  const { observations, unreachable } = await runChecks(checks, target, transport, options);
  const findings =
    playbook && !unreachable ? makeConsistent(diagnose(playbook, observations, target), observations) : [];
  const verdict = verdictOf(findings, observations, unreachable !== undefined);
  return {
    target: { name: target.name, host: target.host, transport: transport.describe },
    playbook: playbook ? { id: playbook.id, title: playbook.title, titleEn: playbook.titleEn } : null,
    startedAt,
    finishedAt: clock().toISOString(),
    verdict,
    headline: headline(verdict, findings),
    findings,
    observations,
    ...(unreachable ? { error: { code: unreachable.code, message: unreachable.message, hint: unreachable.hint } } : {}),
  };
}
