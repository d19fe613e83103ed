import type { Action } from '../actions/action.js';
import type { Check } from '../checks/check.js';
import type { Target } from '../config/target.js';
import { runChecks } from '../engine/run-checks.js';
import type { ReportObservation } from '../engine/report.js';
import { redact } from '../redact.js';
import { classifySudoFailure, DEFAULT_BOT_USER } from '../transport/sudo.js';
import { TransportError, type Transport } from '../transport/transport.js';
import type { CheckLine, ExecutionResult, ExecutionStep, ExecutionVerdict } from './approval.js';
import { whatToCheck } from './deadline.js';

export interface ExecuteOptions {
  findCheck(id: string): Check | undefined;
  now?: () => Date;
  /** Post-checks are retried until they pass: a restarted gunicorn needs a moment to listen. */
  postCheckAttempts?: number;
  postCheckDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Checks whose facts carry the unit's `mainPid`: a restart or start must change it. */
const PID_CHECK = 'backend-service';

/**
 * Run an approved action: preconditions first (refuse when one is not ok),
 * then each argv with `sudo -n`, stopping at the first failure, then the
 * post-checks. Every outcome is a value; only bugs throw.
 */
export async function executeAction(
  action: Action,
  target: Target,
  transport: Transport,
  options: ExecuteOptions,
): Promise<ExecutionResult> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = now();
  const t0 = performance.now();
  const finish = (verdict: ExecutionVerdict, summary: string, parts: Partial<ExecutionResult>): ExecutionResult => ({
    startedAt: started.toISOString(),
    finishedAt: now().toISOString(),
    durationMs: Math.round(performance.now() - t0),
    verdict,
    summary,
    preconditions: [],
    steps: [],
    exitCode: null,
    postChecks: [],
    ...parts,
  });

  /** The connection went away while a command ran: it may or may not have run. */
  const lost = (why: string, hint?: string): ExecutionResult => {
    const check = whatToCheck(action, target);
    return finish(
      'unknown',
      `结果未知 / outcome unknown: lost ${target.name} while running` +
        ` \`sudo -n ${action.argv(target)[steps.length]?.join(' ') ?? '?'}\` (${why}).` +
        ` 命令可能已执行，也可能没有 / the command may or may not have run: check ${check.map((c) => `\`${c}\``).join(', ')}`,
      {
        preconditions: preLines,
        steps,
        hint:
          `在服务器上检查 / on the server, check: ${check.join('; ')}${hint ? ` — ${hint}` : ''}` +
          `; then run \`diagnose\` before requesting it again`,
      },
    );
  };

  const checksOf = (ids: readonly string[]) =>
    ids.map((id) => options.findCheck(id)).filter((c): c is Check => c !== undefined);

  // 1. Preconditions, on the state as it is now (it may have changed since the request).
  const pre = await runChecks(checksOf(action.preconditions), target, transport);
  const preLines = pre.observations.map(line);
  if (pre.unreachable)
    return finish(
      'unreachable',
      `无法连接目标 / cannot reach ${target.name}: ${pre.unreachable.message} — nothing was run`,
      { preconditions: preLines, hint: pre.unreachable.hint },
    );
  const failedPre = pre.observations.filter((o) => o.status !== 'ok');
  if (failedPre.length > 0) {
    return finish(
      'precondition-failed',
      `前置检查未通过，未执行 / precondition failed, nothing was run:` +
        ` ${failedPre.map((o) => `${o.check}: ${o.summary}`).join('; ')}`,
      {
        preconditions: preLines,
        hint: 'fix what the precondition reports (e.g. the nginx -t error), then request the action again',
      },
    );
  }

  // 2. The MainPID before, when the action restarts or starts the backend.
  const restarts = action.argv(target).some((argv) => argv.includes('restart') || argv.includes('start'));
  const pidCheck = restarts && action.postChecks.includes(PID_CHECK) ? options.findCheck(PID_CHECK) : undefined;
  const before = pidCheck ? mainPid((await runChecks([pidCheck], target, transport)).observations[0]) : null;

  // 3. The commands, each through sudo -n, in order.
  const steps: ExecutionStep[] = [];
  for (const argv of action.argv(target)) {
    let r;
    try {
      r = await transport.exec(argv, { sudo: true, timeoutMs: action.timeoutMs });
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      return lost(`${e.message}`, e.hint);
    }
    // The channel closed with no exit status and no deadline hit: the server never said how it ended.
    if (r.code === null && r.signal === null && !r.timedOut) return lost('the channel closed without an exit status');
    const refusal = r.code !== 0 ? classifySudoFailure(r.stderr, argv, target.user ?? DEFAULT_BOT_USER) : null;
    steps.push({
      argv: [...argv],
      exitCode: r.code,
      signal: r.signal,
      timedOut: r.timedOut,
      durationMs: r.durationMs,
      stderr: redact(r.stderr).slice(-1_000),
      ...(refusal
        ? {
            sudoRefusal: {
              kind: refusal.kind,
              message: refusal.message,
              sudoersLine: refusal.sudoersLine,
              hint: refusal.hint,
            },
          }
        : {}),
    });
    if (r.code !== 0) {
      const why = refusal
        ? refusal.message
        : r.timedOut
          ? `timed out after ${action.timeoutMs} ms`
          : `exit code ${r.code ?? r.signal}`;
      return finish('command-failed', `命令失败 / \`sudo -n ${argv.join(' ')}\` failed: ${why}`, {
        preconditions: preLines,
        steps,
        exitCode: r.code,
        hint: refusal?.hint ?? 'read the error above; run `diagnose` on the target to see its state',
      });
    }
  }
  const exitCode = steps[steps.length - 1]?.exitCode ?? null;

  // 4. Post-checks, retried for a while: services take a moment to come up.
  const attempts = Math.max(1, options.postCheckAttempts ?? 5);
  let post: ReportObservation[] = [];
  let after: number | null = null;
  let problems: string[] = [];
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await sleep(options.postCheckDelayMs ?? 2_000);
    post = (await runChecks(checksOf(action.postChecks), target, transport)).observations;
    after = pidCheck ? mainPid(post.find((o) => o.check === PID_CHECK)) : null;
    // `warn` is odd but not broken (e.g. started but not enabled at boot): the action did its job.
    problems = post.filter((o) => o.status !== 'ok' && o.status !== 'warn').map((o) => `${o.check}: ${o.summary}`);
    if (pidCheck && problems.length === 0 && (after === null || after === 0 || after === before)) {
      problems.push(
        `${PID_CHECK}: MainPID did not change (${before ?? '?'} → ${after ?? '?'}), the service was not restarted`,
      );
    }
    if (problems.length === 0) break;
  }
  const pid = pidCheck ? { mainPid: { before, after } } : {};
  if (problems.length > 0) {
    return finish(
      'post-check-failed',
      `命令已执行但验证未通过 / the command ran (exit ${exitCode})` +
        ` but the post-checks failed: ${problems.join('; ')}`,
      {
        preconditions: preLines,
        steps,
        exitCode,
        postChecks: post.map(line),
        ...pid,
        hint: 'the server may be worse than before: run `diagnose` on the target now',
      },
    );
  }
  return finish(
    'succeeded',
    `已执行并验证 / done and verified (exit ${exitCode}` +
      `${pidCheck ? `, MainPID ${before ?? '-'} → ${after}` : ''})`,
    {
      preconditions: preLines,
      steps,
      exitCode,
      postChecks: post.map(line),
      ...pid,
    },
  );
}

function line(o: ReportObservation): CheckLine {
  return { check: o.check, status: o.status, summary: o.summary };
}

function mainPid(o: ReportObservation | undefined): number | null {
  const v = o?.facts.mainPid;
  return typeof v === 'number' ? v : null;
}
