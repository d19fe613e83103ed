import type { EffectivePolicy } from '../config/config.js';
import { redact } from '../redact.js';
import { commandText, type Actor, type Approval, type ApprovalStatus, type ExecutionResult } from './approval.js';
import { StoreUnavailableError } from './approval-records.js';
import type { ApprovalContext } from './context.js';
import { executeAction } from './execute.js';
import type { Outcome } from './outcome.js';
import { mayMove } from './transitions.js';

/**
 * Run an approval this process moved to `executing`: record the approval
 * (no audit log, no run), take a slot from the run guard, execute, record
 * what happened (`action.executed` whenever sudo ran, before the store is
 * touched), then write the result, retried with backoff. A result that cannot
 * be written is audited; the sweep later marks the record `unknown`.
 */
export async function runApproved(
  ctx: ApprovalContext,
  executing: Approval,
  clicker: Actor,
  policy: EffectivePolicy,
): Promise<Outcome> {
  const approvers = executing.approvedBy.map((d) => d.by);
  const recorded = await ctx.record({
    ...ctx.base(executing),
    event: 'action.approved',
    user: clicker.id,
    via: clicker.via,
    details: { approvedBy: approvers, requester: executing.requester.id },
  });
  const result = recorded
    ? await guardedRun(ctx, executing, policy)
    : notRun(
        ctx,
        '审计日志无法写入 / the audit log cannot be written (disk full? permissions?) — nothing was run',
        "free space on the bot's data directory (`df -h`), then request it again",
      );
  const status = statusOf(result);
  // `action.executed` whenever an attempt was made (sudo ran, or the target could not be reached);
  // `action.refused` when nothing was tried; `action.unknown` when sudo may or may not have run.
  await ctx.record({
    ...ctx.base(executing),
    event:
      result.verdict === 'unknown'
        ? 'action.unknown'
        : status === 'refused' && result.steps.length === 0
          ? 'action.refused'
          : 'action.executed',
    user: clicker.id,
    via: clicker.via,
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    verdict: result.verdict,
    reason: status === 'succeeded' ? undefined : result.summary,
    details: {
      approvedBy: approvers,
      postChecks: result.postChecks.map((c) => `${c.check}:${c.status}`),
      mainPid: result.mainPid,
      ...(result.verdict === 'unknown' ? { verify: executing.verify } : {}),
    },
  });
  const done = await writeResult(ctx, executing, status, result);
  return { kind: 'executed', approval: done, result, message: result.summary };
}

/** The run guard, then the action itself; an unexpected fault mid-run is an unknown outcome, not a crash. */
async function guardedRun(ctx: ApprovalContext, a: Approval, policy: EffectivePolicy): Promise<ExecutionResult> {
  const action = ctx.findAction(a.action);
  const target = ctx.deps.config.targets.get(a.target);
  if (!action) return notRun(ctx, `action ${a.action} is no longer in the whitelist — nothing was run`);
  if (!target) return notRun(ctx, `target ${a.target} is no longer configured — nothing was run`);
  // The command approved is the command run: refuse if the config changed it since the request.
  const now = action.argv(target);
  if (JSON.stringify(now) !== JSON.stringify(a.command))
    return notRun(ctx, `the command changed since the request (now \`${commandText(now)}\`) — nothing was run`);
  try {
    const slot = await ctx.guard.reserve(a.action, a.target, policy);
    if (!slot.ok) return notRun(ctx, slot.message, slot.hint);
  } catch (e) {
    return notRun(
      ctx,
      `状态存储不可用 / the store (${ctx.deps.store.describe}) cannot be written: ${redact((e as Error).message)}` +
        ` — nothing was run`,
      'check the store (Redis reachable? disk full?), then request it again',
    );
  }
  let result: ExecutionResult;
  try {
    result = await executeAction(action, target, ctx.deps.transportFor(target), {
      findCheck: ctx.deps.findCheck,
      now: ctx.now,
      postCheckAttempts: ctx.postCheckAttempts,
      postCheckDelayMs: ctx.postCheckDelayMs,
      sleep: ctx.sleep,
    });
  } catch (e) {
    const at = ctx.now().toISOString();
    const check = (a.verify ?? []).map((c) => `\`${c}\``).join(', ');
    result = {
      ...blank(at),
      verdict: 'unknown',
      summary:
        `结果未知 / outcome unknown: the run failed midway (${redact((e as Error).message)}).` +
        ` 命令可能已执行，也可能没有 / the command may or may not have run: check ${check}`,
      hint: `on the server, check: ${(a.verify ?? []).join('; ')}`,
    };
  }
  try {
    if (await ctx.guard.settle(a.action, a.target, policy, result.verdict, a.id))
      result = {
        ...result,
        hint:
          `${result.hint ?? ''} — ${a.action} is now stopped on ${a.target}` +
          ` after ${policy.stopAfterFailedPostChecks} failed post-checks in a row` +
          `; an approver clears it with \`run clear ${a.action} ${a.target}\` once the server is understood`,
      };
  } catch (e) {
    ctx.deps.onAuditError?.(new Error(`could not count the run on the run guard: ${(e as Error).message}`));
  }
  return result;
}

/** The result onto the record, on whatever version is there now (card details written meanwhile are kept). */
export async function writeResult(
  ctx: ApprovalContext,
  executing: Approval,
  status: ApprovalStatus,
  result: ExecutionResult,
): Promise<Approval> {
  const attempts = Math.max(1, ctx.deps.resultWriteAttempts ?? 5);
  const base = ctx.deps.resultRetryMs ?? 200;
  const apply = (cur: Approval): Approval => ({
    ...cur,
    status,
    result,
    ...(status === 'refused' || status === 'unknown' ? { statusReason: result.summary } : {}),
  });
  let lastError: Error | undefined;
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await ctx.sleep(base * 2 ** (i - 1));
    try {
      const r = await ctx.records.update(executing.id, (cur) =>
        mayMove(cur.status, status) ? apply(cur) : { stop: cur },
      );
      ctx.unsaved.delete(executing.id);
      if (!r) break;
      return 'stop' in r ? r.stop : r.approval;
    } catch (e) {
      if (!(e instanceof StoreUnavailableError)) throw e;
      lastError = e;
    }
  }
  ctx.unsaved.set(executing.id, { status, result });
  await ctx.record({
    ...ctx.base(executing),
    event: 'action.save-failed',
    verdict: result.verdict,
    reason:
      `the result could not be written to ${ctx.deps.store.describe} after ${attempts} attempts` +
      `${lastError ? `: ${lastError.message}` : ' (the record is gone)'}` +
      `; the card shows it; the sweep writes it again, and marks it unknown if that never works`,
  });
  return apply(executing);
}

function statusOf(r: ExecutionResult): ApprovalStatus {
  switch (r.verdict) {
    case 'succeeded':
      return 'succeeded';
    case 'precondition-failed':
      return 'refused';
    case 'unknown':
      return 'unknown';
    default:
      return 'failed';
  }
}

function blank(at: string): ExecutionResult {
  return {
    startedAt: at,
    finishedAt: at,
    durationMs: 0,
    verdict: 'precondition-failed',
    summary: '',
    preconditions: [],
    steps: [],
    exitCode: null,
    postChecks: [],
  };
}

function notRun(ctx: ApprovalContext, summary: string, hint = 'request the action again'): ExecutionResult {
  return { ...blank(ctx.now().toISOString()), summary, hint };
}
