import type { Check } from '../checks/check.js';
import type { Target } from '../config/target.js';
import { resolveCheck, resolveDiagnose, type CheckResolution, type Resolution } from '../command/resolve.js';
import { reportAuditEntry } from '../audit/report-entry.js';
import { runPlaybook, runSingleChecks } from '../engine/engine.js';
import type { Report, ReportObservation } from '../engine/report.js';
import type { Playbook } from '../playbooks/playbook.js';
import type { RunChecksOptions } from '../engine/run-checks.js';
import { batching } from '../transport/batching.js';
import { oncePerRun } from '../transport/once-per-run.js';
import type { Transport } from '../transport/transport.js';
import type { AppActor, AppDeps } from './deps.js';

/** One diagnosis (a playbook) or one check on a target, resolved and ready to run. */
export type RunRequest =
  { kind: 'diagnose'; playbook: Playbook; target: Target } | { kind: 'check'; check: Check; target: Target };

/** What is about to run, for a front end that shows progress (Slack's root message, the terminal's first line). */
export interface RunStart {
  /** `diagnose login` or `check backend-service`. */
  what: string;
  /** The target's name, and how it is reached, e.g. `omsbot@172.29.91.61:22`. */
  target: string;
  transport: string;
  checks: readonly string[];
}

export interface RunHooks {
  /** Called before anything runs; answering `false` cancels the run (nothing runs, nothing is recorded). */
  onStart?(start: RunStart): Promise<boolean | void> | boolean | void;
  onObservation?(observation: ReportObservation, done: number, total: number): void;
  /** What discovery says about the target's layout, before anything runs (conflicts with the config, guesses). */
  onLayoutNotices?(target: string, notices: readonly string[]): void;
}

/** How the commands of a run are sent. */
export interface RunOptions {
  /**
   * Several commands per SSH session (src/transport/batching.ts): for fleet runs, where the servers' cost of
   * a session is what limits the run. `commandGraceMs` is then how long the engine waits past a command's own
   * deadline, its wait behind the others of its session included (the fleet's per-target deadline).
   */
  batch?: { commandGraceMs: number };
}

export type RunResult = { kind: 'report'; report: Report } | { kind: 'cancelled' };

/** `diagnose <words> [target]` → what it comes to (pure): a playbook to run, choices, or an unknown name. */
export function planDiagnosis(
  request: { query: string; target?: string },
  deps: Pick<AppDeps, 'playbooks' | 'config'>,
): Resolution {
  return resolveDiagnose(request.query, request.target, deps.playbooks, deps.config);
}

/** `check <check-id> [target]` → the check to run, or an unknown name (pure). */
export function planCheck(
  request: { check: string; target?: string },
  deps: Pick<AppDeps, 'findCheck' | 'config'>,
): CheckResolution {
  return resolveCheck(request.check, request.target, deps.findCheck, deps.config);
}

/**
 * Run a resolved request: transport → engine → audit, once, the same for
 * every front end. A failed audit write goes to `deps.onAuditError` and does
 * not hide the report.
 */
export async function runRequest(
  request: RunRequest,
  actor: AppActor,
  deps: Pick<AppDeps, 'transportFor' | 'findCheck' | 'now' | 'audit' | 'onAuditError' | 'layout'>,
  hooks: RunHooks = {},
  runOptions: RunOptions = {},
): Promise<RunResult> {
  // The target with its unset paths filled from discovery (cached per target); as configured without it.
  const base = request.target;
  // Every command of this run (discovery, checks, follow-up) through one wrapper: identical ones run once.
  const own = deps.transportFor(base);
  const transport = oncePerRun(runOptions.batch ? batching(own) : own);
  const layout = deps.layout ? await deps.layout.layoutFor(base, transport) : undefined;
  if (layout) {
    if (layout.notices.length) hooks.onLayoutNotices?.(base.name, layout.notices);
    request = withTarget(request, layout.target);
  }
  const start: RunStart = {
    target: request.target.name,
    transport: transport.describe,
    ...(request.kind === 'diagnose'
      ? { what: `diagnose ${request.playbook.id}`, checks: request.playbook.checks }
      : { what: `check ${request.check.id}`, checks: [request.check.id] }),
  };
  if ((await hooks.onStart?.(start)) === false) return { kind: 'cancelled' };
  const engine: RunChecksOptions = runOptions.batch
    ? // Every command of a round asked for at once, so that the batching wrapper sees them together.
      { concurrency: Number.POSITIVE_INFINITY, graceMs: runOptions.batch.commandGraceMs }
    : {};
  const options = hooks.onObservation ? { ...engine, onObservation: hooks.onObservation } : engine;
  let report = await runOnce(request, transport, deps, options);
  // A path of a cached layout is missing: discovered again, and diagnosed once more if the layout moved.
  const fresh = layout && (await deps.layout!.afterReport(base, layout, report, transport));
  if (fresh) {
    hooks.onLayoutNotices?.(base.name, fresh.notices);
    request = withTarget(request, fresh.target);
    report = await runOnce(request, transport, deps, engine);
  }
  await recordReport(report, actor, deps, request.kind === 'check' ? request.check.id : undefined);
  return { kind: 'report', report };
}

function withTarget(request: RunRequest, target: Target): RunRequest {
  return { ...request, target };
}

function runOnce(
  request: RunRequest,
  transport: Transport,
  deps: Pick<AppDeps, 'findCheck' | 'now'>,
  options: RunChecksOptions,
): Promise<Report> {
  return request.kind === 'diagnose'
    ? runPlaybook(request.playbook, request.target, transport, deps, options)
    : runSingleChecks([request.check], request.target, transport, { now: deps.now }, options);
}

/** Record a report in the audit log once (who, from where); a failed write goes to `deps.onAuditError`. */
export async function recordReport(
  report: Report,
  actor: AppActor,
  deps: Pick<AppDeps, 'audit' | 'onAuditError'>,
  check?: string,
): Promise<void> {
  if (!deps.audit) return;
  const details = actor.channel ? { details: { channel: actor.channel } } : {};
  try {
    await deps.audit.append(reportAuditEntry(report, { user: actor.id, via: actor.via, ...details }, check));
  } catch (e) {
    deps.onAuditError?.(e as Error);
  }
}

/** What `diagnose` comes to: the report, or why nothing ran (unknown names, several candidates). */
export type DiagnoseResult =
  | Exclude<Resolution, { kind: 'run' }>
  | { kind: 'report'; report: Report; playbook: Playbook; confidence?: number }
  | { kind: 'cancelled' };

/**
 * `diagnose <playbook|alias|description> [target]`: resolve, then run and record. Front ends that answer
 * unknown names before running (Slack's ack) use the two halves, {@link planDiagnosis} and {@link runRequest}.
 */
export async function diagnose(
  request: { query: string; target?: string },
  actor: AppActor,
  deps: Pick<
    AppDeps,
    'playbooks' | 'config' | 'transportFor' | 'findCheck' | 'now' | 'audit' | 'onAuditError' | 'layout'
  >,
  hooks: RunHooks & { onResolved?(playbook: Playbook, confidence?: number): void } = {},
): Promise<DiagnoseResult> {
  const r = planDiagnosis(request, deps);
  if (r.kind !== 'run') return r;
  hooks.onResolved?.(r.playbook, r.confidence);
  const result = await runRequest({ kind: 'diagnose', playbook: r.playbook, target: r.target }, actor, deps, hooks);
  if (result.kind === 'cancelled') return result;
  return {
    kind: 'report',
    report: result.report,
    playbook: r.playbook,
    ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
  };
}

/** What `check` comes to: the report, or the unknown name. */
export type CheckResult =
  Exclude<CheckResolution, { kind: 'run' }> | { kind: 'report'; report: Report } | { kind: 'cancelled' };

/** `check <check-id> [target]`: resolve, then run and record. */
export async function check(
  request: { check: string; target?: string },
  actor: AppActor,
  deps: Pick<AppDeps, 'config' | 'transportFor' | 'findCheck' | 'now' | 'audit' | 'onAuditError' | 'layout'>,
  hooks: RunHooks = {},
): Promise<CheckResult> {
  const r = planCheck(request, deps);
  if (r.kind !== 'run') return r;
  return runRequest({ kind: 'check', check: r.check, target: r.target }, actor, deps, hooks);
}
