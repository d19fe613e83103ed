import type { Check, Observation } from '../checks/check.js';
import { excerpt } from '../checks/output.js';
import { checkDeclaresSignal } from '../checks/signals.js';
import type { Target } from '../config/target.js';
import { redact, redactDeep } from '../redact.js';
import { TransportError, type ExecResult, type Transport } from '../transport/transport.js';
import { createLimiter } from './limit.js';
import type { ReportObservation } from './report.js';

export interface RunChecksOptions {
  /** Called as each check finishes (live progress in Slack and on the console). */
  onObservation?: (observation: ReportObservation, done: number, total: number) => void;
  /** Commands in flight at once (defaults to the target's maxConcurrency). */
  concurrency?: number;
  /** Extra time over a command's own deadline before the engine gives up on it. */
  graceMs?: number;
}

export interface RunChecksResult {
  observations: ReportObservation[];
  /** The first connection-level failure, if the target could not be reached. */
  unreachable?: TransportError;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

/**
 * Run checks on a target concurrently (bounded). One failing, throwing or
 * hanging check never sinks the others: it becomes an `error` observation.
 * Observations come back in the order of `checks`, redacted.
 */
export async function runChecks(
  checks: readonly Check[],
  target: Target,
  transport: Transport,
  options: RunChecksOptions = {},
): Promise<RunChecksResult> {
  const limit = createLimiter(options.concurrency ?? target.maxConcurrency);
  const graceMs = options.graceMs ?? 3_000;
  let unreachable: TransportError | undefined;
  let done = 0;

  const runOne = async (check: Check): Promise<ReportObservation> => {
    const started = performance.now();
    let observation: Omit<Observation, 'check'>;
    let truncated = false;
    try {
      const commands = check.commands(target);
      const results = await Promise.all(
        commands.map((cmd) =>
          limit(() =>
            withDeadline(
              transport.exec(cmd.argv, {
                timeoutMs: cmd.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
                sudo: cmd.sudo,
                maxBytes: cmd.maxBytes,
              }),
              (cmd.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS) + graceMs,
              cmd.argv[0] ?? '?',
            ),
          ),
        ),
      );
      truncated = results.some((r) => r.truncated);
      // Redact whole outputs before the interpreter cuts anything (an excerpt, a 200-character body line,
      // a clipped stray line): a cut made first could leave half a secret that no pattern recognises.
      observation = safeInterpret(check, results.map(redactResult), target);
    } catch (e) {
      if (e instanceof TransportError) {
        unreachable ??= e;
        observation = {
          status: 'error',
          summary: `无法连接目标 / cannot reach the target: ${e.message}`,
          evidence: '',
          facts: { transportError: e.code },
          signals: [],
        };
      } else {
        observation = {
          status: 'error',
          summary: `检查未能完成 / the check could not run: ${(e as Error).message}`,
          evidence: '',
          facts: {},
          signals: [],
        };
      }
    }
    const reported: ReportObservation = {
      check: check.id,
      title: `${check.title} / ${check.titleEn}`,
      status: observation.status,
      summary: redact(observation.summary),
      evidence: redact(observation.evidence),
      facts: redactDeep(observation.facts),
      signals: [...observation.signals],
      durationMs: Math.round(performance.now() - started),
      truncated,
    };
    if (truncated && !reported.summary.includes('truncated')) reported.summary += ' (输出已截断 / output truncated)';
    done++;
    options.onObservation?.(reported, done, checks.length);
    return reported;
  };

  const observations = await Promise.all(checks.map(runOne));
  return { observations, unreachable };
}

/** Interpreters are pure and should never throw; if one does, it is a bug shown as an error observation. */
function safeInterpret(check: Check, results: ExecResult[], target: Target): Omit<Observation, 'check'> {
  try {
    const obs = check.interpret(results, target);
    // An undeclared signal is an interpreter bug; playbooks could never refer to it, so it is dropped.
    const signals = obs.signals.filter((s) => checkDeclaresSignal(check, s));
    return { ...obs, signals };
  } catch (e) {
    return {
      status: 'error',
      summary: `无法解读输出 / could not interpret the output (${(e as Error).message})`,
      evidence: excerpt(results.map((r) => r.stdout + r.stderr).join('\n')),
      facts: {},
      signals: [],
    };
  }
}

/** The command's output with every secret replaced; the interpreter never sees the raw text. */
function redactResult(r: ExecResult): ExecResult {
  return { ...r, stdout: redact(r.stdout), stderr: redact(r.stderr) };
}

/** Resolve with a timed-out result if the transport itself does not answer in time. */
function withDeadline(p: Promise<ExecResult>, ms: number, program: string): Promise<ExecResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ExecResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          code: null,
          signal: null,
          stdout: '',
          stderr: `${program}: no answer from the transport within ${ms} ms`,
          durationMs: ms,
          truncated: false,
          timedOut: true,
        }),
      ms,
    );
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}
