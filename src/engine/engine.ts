import type { Check } from '../checks/check.js';
import type { Target } from '../config/target.js';
import type { Playbook } from '../playbooks/playbook.js';
import type { Transport } from '../transport/transport.js';
import { chainFindings } from './chains.js';
import { makeConsistent } from './consistency.js';
import { diagnose, headline, verdictOf } from './diagnose.js';
import { planFollowUp } from './follow-up.js';
import type { Report, ReportFollowUp, ReportObservation } from './report.js';
import { runChecks, type RunChecksOptions } from './run-checks.js';

/** How a playbook runs: the check runner's options, and whether to follow the evidence (default: yes). */
export interface EngineOptions extends RunChecksOptions {
  /** false: no extra round (the bench compares both). */
  followEvidence?: boolean;
}

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
  options: EngineOptions = {},
): Promise<Report> {
  const checks = playbook.checks.map((id) => {
    const check = deps.findCheck(id);
    // The loader validated every id at start-up; reaching this is a broken invariant.
    if (!check) throw new Error(`playbook ${playbook.id} names unknown check ${id}`);
    return check;
  });
  const follow = options.followEvidence === false ? undefined : deps.findCheck;
  return run(playbook, checks, target, transport, deps.now, options, follow);
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
  findCheck?: (id: string) => Check | undefined,
): Promise<Report> {
  const clock = now ?? (() => new Date());
  const startedAt = clock().toISOString();
  const first = await runChecks(checks, target, transport, options);
  const { unreachable } = first;
  let observations: ReportObservation[] = first.observations;
  let followUp: ReportFollowUp[] = [];
  if (playbook && findCheck && !unreachable) {
    ({ observations, followUp } = await followTheEvidence(
      playbook,
      observations,
      target,
      transport,
      findCheck,
      options,
    ));
  }
  const findings =
    playbook && !unreachable
      ? chainFindings(makeConsistent(diagnose(playbook, observations, target), observations), playbook.findings)
      : [];
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
    ...(followUp.length > 0 ? { followUp } : {}),
    ...(unreachable ? { error: { code: unreachable.code, message: unreachable.message, hint: unreachable.hint } } : {}),
  };
}

/**
 * One extra round (src/engine/follow-up.ts): the checks of the causes the first round's observations point at,
 * each once, at most eight; their observations follow the playbook's own.
 */
async function followTheEvidence(
  playbook: Playbook,
  observations: ReportObservation[],
  target: Target,
  transport: Transport,
  findCheck: (id: string) => Check | undefined,
  options: RunChecksOptions,
): Promise<{ observations: ReportObservation[]; followUp: ReportFollowUp[] }> {
  const plan = planFollowUp(playbook.findings, observations).filter((f) => findCheck(f.check) !== undefined);
  if (plan.length === 0) return { observations, followUp: [] };
  const before = observations.length;
  const total = before + plan.length;
  const extra = await runChecks(
    plan.map((f) => findCheck(f.check)!),
    target,
    transport,
    {
      ...options,
      onObservation: options.onObservation && ((o, done) => options.onObservation!(o, before + done, total)),
    },
  );
  return { observations: [...observations, ...extra.observations], followUp: plan };
}
