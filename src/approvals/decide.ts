import { redact } from '../redact.js';
import type { Actor, Approval } from './approval.js';
import { StoreUnavailableError } from './approval-records.js';
import { refused, storeRefusal, type ApprovalContext } from './context.js';
import { executionDeadlineMs, whatToCheck } from './deadline.js';
import { loadForDecision } from './load.js';
import type { Outcome } from './outcome.js';
import { mayApprove, mayDeny } from './policy.js';
import { expireOne } from './sweep.js';

const REASON_MAX = 500;

type ApproveStop = 'decided' | 'expired' | 'again';

/**
 * An Approve click. The vote and the move to `executing` are one
 * compare-and-set on the approval's version: of all the clicks, retries and
 * instances racing, exactly one moves it to `executing`, and a late vote
 * written on an older version is refused and decided again on what is there now.
 */
export async function approve(ctx: ApprovalContext, ref: unknown, clicker: Actor): Promise<Outcome> {
  let id: string | undefined;
  try {
    const loaded = await loadForDecision(ctx, ref, clicker, 'approve');
    if ('kind' in loaded) return loaded;
    const { approval, policy } = loaded;
    const may = await mayApprove(policy, clicker, approval, ctx.isInGroup);
    if (!may.ok) return ctx.refuse(approval, clicker, may.code, may.message, may.hint);

    // Running an action (run-approved.ts, execute.ts) is loaded on the first approval, before anything is written:
    // a load that fails (the install replaced under a running bot) leaves the approval pending, nothing run.
    const { runApproved } = await import('./run-approved.js');
    const action = ctx.findAction(approval.action);
    const target = ctx.deps.config.targets.get(approval.target);
    const now = ctx.now();
    const at = now.toISOString();
    const deadline =
      action && target
        ? executionDeadlineMs(action, target, {
            findCheck: ctx.deps.findCheck,
            postCheckAttempts: ctx.postCheckAttempts,
            postCheckDelayMs: ctx.postCheckDelayMs,
          })
        : 60_000;
    // Held before the write (and released once, whatever happens), so no sweep or click of this
    // process takes its own live run for abandoned.
    ctx.hold(approval.id);
    id = approval.id;
    const r = await ctx.records.update<ApproveStop>(approval.id, (cur) => {
      if (cur.status !== 'pending') return { stop: 'decided' };
      if (Date.parse(cur.expiresAt) <= now.getTime()) return { stop: 'expired' };
      if (cur.approvedBy.some((d) => d.by === clicker.id)) return { stop: 'again' };
      const approvedBy = [...cur.approvedBy, { by: clicker.id, via: clicker.via, at }];
      if (approvedBy.length < cur.approvalsNeeded) return { ...cur, approvedBy };
      return {
        ...cur,
        status: 'executing' as const,
        approvedBy,
        decidedAt: at,
        executingUntil: new Date(now.getTime() + deadline).toISOString(),
        owner: ctx.instance,
        verify: action && target ? whatToCheck(action, target) : [],
      };
    });
    if (!r) return refused('unknown-approval', 'no such approval any more — nothing was run', 'request it again');
    if ('stop' in r) return stopped(ctx, approval, clicker, r.stop);
    if (r.approval.status === 'pending') return waiting(ctx, r.approval, clicker);
    return await runApproved(ctx, r.approval, clicker, policy);
  } catch (e) {
    if (e instanceof StoreUnavailableError) return storeRefusal(ctx.deps.store.describe, e);
    throw e;
  } finally {
    if (id) ctx.release(id);
  }
}

/** A Deny click (an approver, or the requester withdrawing the request). */
export async function deny(ctx: ApprovalContext, ref: unknown, clicker: Actor, reason: string): Promise<Outcome> {
  try {
    const loaded = await loadForDecision(ctx, ref, clicker, 'deny');
    if ('kind' in loaded) return loaded;
    const { approval, policy } = loaded;
    const may = await mayDeny(policy, clicker, approval, ctx.isInGroup);
    if (!may.ok) return ctx.refuse(approval, clicker, may.code, may.message, may.hint);
    const at = ctx.now().toISOString();
    const why = redact(reason.trim()).slice(0, REASON_MAX) || 'no reason given';
    const r = await ctx.records.update<Approval>(approval.id, (cur) =>
      cur.status !== 'pending'
        ? { stop: cur }
        : {
            ...cur,
            status: 'denied' as const,
            deniedBy: { by: clicker.id, via: clicker.via, at, reason: why },
            decidedAt: at,
            statusReason: why,
          },
    );
    if (!r) return refused('unknown-approval', 'no such approval any more — nothing was run', 'request it again');
    if ('stop' in r) return ctx.decidedRefusal(r.stop, clicker);
    const denied = r.approval;
    await ctx.record({ ...ctx.base(denied), event: 'action.denied', user: clicker.id, via: clicker.via, reason: why });
    return {
      kind: 'denied',
      approval: denied,
      message: `已拒绝 / denied by ${clicker.id}: ${why}` + ` — nothing was run`,
    };
  } catch (e) {
    if (e instanceof StoreUnavailableError) return storeRefusal(ctx.deps.store.describe, e);
    throw e;
  }
}

async function stopped(ctx: ApprovalContext, seen: Approval, clicker: Actor, why: ApproveStop): Promise<Outcome> {
  if (why === 'expired') {
    const o = await expireOne(ctx, seen.id, ctx.now());
    if (o) return o;
  }
  const current = (await ctx.records.get(seen.id))?.approval ?? seen;
  if (why === 'again' && current.status === 'pending')
    return ctx.refuse(
      current,
      clicker,
      'already-approved',
      `you already approved this (${current.approvedBy.length} of ${current.approvalsNeeded})`,
      'another approver must approve it too',
    );
  return ctx.decidedRefusal(current, clicker);
}

async function waiting(ctx: ApprovalContext, a: Approval, clicker: Actor): Promise<Outcome> {
  const approvals = a.approvedBy.map((d) => d.by);
  await ctx.record({
    ...ctx.base(a),
    event: 'action.approved',
    user: clicker.id,
    via: clicker.via,
    details: { approvals: approvals.length, needed: a.approvalsNeeded },
  });
  return {
    kind: 'waiting',
    approval: a,
    approvals,
    needed: a.approvalsNeeded,
    message:
      `已批准 ${approvals.length}/${a.approvalsNeeded} / approval ${approvals.length} of ${a.approvalsNeeded}` +
      ` recorded; waiting for another approver`,
  };
}
