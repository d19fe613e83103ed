import type { Check } from '../checks/check.js';
import { DEFAULT_FLEET } from '../config/fleet-settings.js';
import type { Target } from '../config/target.js';
import { headline } from '../engine/diagnose.js';
import { summarizeFleet, type FleetSummary } from '../engine/fleet-summary.js';
import { createLimiter } from '../engine/limit.js';
import type { Report, ReportObservation } from '../engine/report.js';
import type { Playbook } from '../playbooks/playbook.js';
import { redact } from '../redact.js';
import { TransportError, type Transport } from '../transport/transport.js';
import type { AppActor, AppDeps } from './deps.js';
import { recordReport, runRequest } from './run.js';

/** What runs on every target of a group: one playbook, or one check. */
export type FleetWhat = { kind: 'diagnose'; playbook: Playbook } | { kind: 'check'; check: Check };

export interface FleetRequest {
  what: FleetWhat;
  /** The group as the command named it (`prod`, `all`). */
  group: string;
  /** The group's targets, in its order. */
  targets: readonly Target[];
  actor: AppActor;
  /** Targets at once (default: the config's `fleet.concurrency`, else 16). */
  concurrency?: number;
  /** Each target's own deadline (default: the config's `fleet.targetTimeout`, else 60 s). */
  targetTimeoutMs?: number;
  /**
   * Close each target's connection as soon as its report is made (a one-shot command line: nothing will use it
   * again, and the polite close — the server's teardown before it answers — overlaps the other targets' work).
   */
  releaseWhenDone?: boolean;
}

export type FleetDeps = Pick<
  AppDeps,
  'config' | 'transportFor' | 'findCheck' | 'now' | 'audit' | 'onAuditError' | 'layout'
>;

/**
 * Called as each target finishes (in finishing order): the live table in Slack, a watch's state.
 * `elapsedMs` is the target's whole time (discovery and connecting included).
 */
export type OnTargetDone = (report: Report, done: number, total: number, elapsedMs: number) => void;

export interface FleetResult {
  /** One single-target report per target, unchanged, in the group's order. */
  reports: Report[];
  /** Each target's whole time, in the same order. */
  elapsedMs: number[];
  summary: FleetSummary;
}

/** `diagnose login` or `check backend-service`. */
export function fleetWhat(what: FleetWhat): string {
  return what.kind === 'diagnose' ? `diagnose ${what.playbook.id}` : `check ${what.check.id}`;
}

/**
 * Connection attempts at once, apart from the targets' own limit: every target's handshake starts at the
 * beginning of the run, so a dead or hung host's deadline passes while the others run their checks.
 */
export const FLEET_CONNECT_CONCURRENCY = 64;

/**
 * Connection attempts at once to one server (host and port): OpenSSH's default `MaxStartups 10:30:100` starts
 * refusing logins above 10 unauthenticated connections, so targets that share a server log in a few at a time.
 */
export const FLEET_CONNECT_PER_SERVER = 8;

/**
 * Run a playbook (or a check) on every target of a group at once, bounded
 * globally, each target through {@link runRequest} (layout, transport,
 * engine — as for one target), recorded in the audit log once per target
 * whatever its outcome. Every target's connection is opened at the start
 * (bounded by {@link FLEET_CONNECT_CONCURRENCY}, not by the targets' limit),
 * so no target waits in the queue for its connection attempt: a dead or hung
 * host ends as an `unreachable` report with the transport's message as soon as
 * its own deadline passes, without taking one of the limit's places. Each
 * target also has its own deadline for the whole run. Never rejects for one
 * target's fault.
 */
export async function runFleet(
  deps: FleetDeps,
  request: FleetRequest,
  onTargetDone?: OnTargetDone,
): Promise<FleetResult> {
  const clock = deps.now ?? (() => new Date());
  const settings = deps.config.fleet ?? DEFAULT_FLEET;
  const limit = createLimiter(request.concurrency ?? settings.concurrency);
  const connectLimit = createLimiter(FLEET_CONNECT_CONCURRENCY);
  const perServer = new Map<string, ReturnType<typeof createLimiter>>();
  const serverLimit = (target: Target) => {
    const key = `${target.host}:${target.port ?? 22}`;
    let l = perServer.get(key);
    if (!l) perServer.set(key, (l = createLimiter(FLEET_CONNECT_PER_SERVER)));
    return l;
  };
  const deadlineMs = request.targetTimeoutMs ?? settings.targetTimeoutMs;
  const startedAt = clock().toISOString();
  let done = 0;
  const elapsedMs: number[] = [];
  const reports = await Promise.all(
    request.targets.map(async (target, i) => {
      const connecting = performance.now();
      const refused = await serverLimit(target)(() => connectLimit(() => reach(deps.transportFor(target))));
      // The target's time is its connection attempt plus its run, not the wait for a place in the limit.
      const connectMs = performance.now() - connecting;
      const run = async (runDeps: FleetDeps) => {
        const started = performance.now();
        const report = await runOneTarget(runDeps, request, target, deadlineMs);
        elapsedMs[i] = Math.round(connectMs + performance.now() - started);
        return report;
      };
      // An unreachable target's report is made as for one target (each check says why), with nothing sent.
      const report = refused ? await run(unreachableDeps(deps, target, refused)) : await limit(() => run(deps));
      if (request.releaseWhenDone && !refused)
        void deps
          .transportFor(target)
          .close()
          .catch(() => undefined);
      done++;
      onTargetDone?.(report, done, request.targets.length, elapsedMs[i]!);
      return report;
    }),
  );
  const run = { group: request.group, what: fleetWhat(request.what), startedAt, finishedAt: clock().toISOString() };
  return { reports, elapsedMs, summary: summarizeFleet(reports, run, elapsedMs) };
}

/** Open the target's connection; the transport's error when it cannot be reached, else undefined. */
async function reach(transport: Transport): Promise<TransportError | undefined> {
  try {
    await transport.connect?.();
    return undefined;
  } catch (e) {
    if (e instanceof TransportError) return e;
    // Anything else is not the connection's fault: the run itself will meet it and report it.
    return undefined;
  }
}

/**
 * The deps of a target whose connection failed: its transport answers every command with that failure at
 * once (no second attempt), and no layout is discovered, so the report is the one a single run would give.
 */
function unreachableDeps(deps: FleetDeps, target: Target, error: TransportError): FleetDeps {
  const describe = deps.transportFor(target).describe;
  const failed: Transport = {
    describe,
    exec: () => Promise.reject(error),
    close: async () => undefined,
  };
  const { layout: _layout, ...rest } = deps;
  return { ...rest, transportFor: () => failed };
}

async function runOneTarget(
  deps: FleetDeps,
  request: FleetRequest,
  target: Target,
  deadlineMs: number,
): Promise<Report> {
  const clock = deps.now ?? (() => new Date());
  const startedAt = clock().toISOString();
  const seen: ReportObservation[] = [];
  const single =
    request.what.kind === 'diagnose'
      ? { kind: 'diagnose' as const, playbook: request.what.playbook, target }
      : { kind: 'check' as const, check: request.what.check, target };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  const failed = (code: string, message: string, hint: string): Report =>
    unreachableReport(request.what, target, deps, { startedAt, finishedAt: clock().toISOString() }, seen, {
      code,
      message,
      hint,
    });
  // One audit record per target per fleet run, written here for every outcome: the run itself records
  // nothing (no `audit` below), so a run that outlives the deadline and ends in the background is dropped
  // from the log; the log keeps what the fleet report showed (the timed-out row, with what had answered).
  const once = async (report: Report): Promise<Report> => {
    await recordReport(report, request.actor, deps, request.what.kind === 'check' ? request.what.check.id : undefined);
    return report;
  };
  try {
    const outcome = await Promise.race([
      // A few commands per SSH session (src/transport/batching.ts): the target's own deadline bounds the wait.
      runRequest(
        single,
        request.actor,
        { ...deps, audit: undefined },
        { onObservation: (o) => seen.push(o) },
        { batch: { commandGraceMs: deadlineMs } },
      ),
      late,
    ]);
    if (outcome !== 'late')
      return once(outcome.kind === 'report' ? outcome.report : failed('cancelled', 'cancelled', ''));
    // The run may go on in the background; what it finds then is not recorded (see `once`).
    const report = failed(
      'target_timeout',
      `${target.name} did not finish within ${Math.round(deadlineMs / 1000)} s ` + `(${seen.length} checks answered).`,
      'The server may be overloaded or a command hangs: run the diagnosis on this target alone, ' +
        'or raise fleet.targetTimeout in the config.',
    );
    return once(report);
  } catch (e) {
    if (e instanceof TransportError) return once(failed(e.code, e.message, e.hint));
    const message = redact((e as Error).message ?? String(e));
    return once({
      ...failed('internal', `检查未能完成 / the run failed: ${message}`, 'Run it on this target alone to see more.'),
      verdict: 'inconclusive' as const,
      headline: headline('inconclusive', []),
    });
  } finally {
    clearTimeout(timer);
  }
}

/** A report for a target that gave no complete answer: what arrived, and why the rest did not. */
function unreachableReport(
  what: FleetWhat,
  target: Target,
  deps: FleetDeps,
  times: { startedAt: string; finishedAt: string },
  observations: readonly ReportObservation[],
  error: { code: string; message: string; hint: string },
): Report {
  const playbook = what.kind === 'diagnose' ? what.playbook : undefined;
  return {
    target: { name: target.name, host: target.host, transport: deps.transportFor(target).describe },
    playbook: playbook ? { id: playbook.id, title: playbook.title, titleEn: playbook.titleEn } : null,
    ...times,
    verdict: 'unreachable',
    headline: headline('unreachable', []),
    findings: [],
    observations: [...observations],
    error,
  };
}
