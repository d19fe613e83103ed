import type { Approval } from './approval.js';
import type { ApprovalContext } from './context.js';
import type { Outcome } from './outcome.js';
import { mayMove } from './transitions.js';

/**
 * The periodic sweep (every instance may run it; the compare-and-set lets
 * exactly one of them change each approval, and only that one reports it):
 * pending approvals past their expiry become `expired`; approvals left
 * `executing` past their deadline, or owned by a process of this host that is
 * gone, become `unknown` with what to check on the server.
 */
export async function sweep(ctx: ApprovalContext, now: Date = ctx.now()): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const { approval } of await ctx.records.list()) {
    let o: Outcome | undefined;
    if (approval.status === 'pending' && Date.parse(approval.expiresAt) <= now.getTime())
      o = await expireOne(ctx, approval.id, now);
    else if (ctx.unsaved.has(approval.id)) await saveAgain(ctx, approval);
    else if (approval.status === 'executing') {
      const why = abandoned(ctx, approval, now);
      if (why) o = await markUnknown(ctx, approval.id, why);
    }
    if (o) out.push(o);
  }
  return out;
}

/** A result this process holds but could not write: one more try (the card already shows it). */
async function saveAgain(ctx: ApprovalContext, a: Approval): Promise<void> {
  const held = ctx.unsaved.get(a.id)!;
  try {
    const r = await ctx.records.update(a.id, (cur) =>
      mayMove(cur.status, held.status) ? { ...cur, status: held.status, result: held.result } : { stop: cur },
    );
    if (r) ctx.unsaved.delete(a.id);
  } catch {
    // still failing: the next sweep tries again
  }
}

/** Why an executing approval is abandoned, or undefined while it may still be running. */
export function abandoned(ctx: ApprovalContext, a: Approval, now: Date): string | undefined {
  if (ctx.isRunning(a.id)) return undefined;
  const owner = a.owner;
  if (owner && owner.host === ctx.instance.host) {
    // Our own pid but not running here: an earlier process with the same pid (e.g. pid 1 in a container).
    if (owner.pid === ctx.instance.pid) return `the bot restarted while it was running (pid ${owner.pid})`;
    if (!(ctx.deps.isProcessAlive ?? isAlive)(owner.pid))
      return `the bot process running it (pid ${owner.pid} on ${owner.host}) is gone`;
  }
  const until = a.executingUntil ? Date.parse(a.executingUntil) : Date.parse(a.decidedAt ?? a.createdAt);
  if (Number.isFinite(until) && until <= now.getTime())
    return (
      `no result was recorded by ${a.executingUntil ?? a.decidedAt}` +
      ` (the bot stopped, or could not write the result)`
    );
  return undefined;
}

/** Expire one pending approval, if it still is pending; undefined when another instance decided it first. */
export async function expireOne(ctx: ApprovalContext, id: string, now: Date): Promise<Outcome | undefined> {
  const r = await ctx.records.update(id, (cur) =>
    cur.status !== 'pending'
      ? { stop: undefined }
      : {
          ...cur,
          status: 'expired' as const,
          decidedAt: now.toISOString(),
          statusReason: `nobody approved it before ${cur.expiresAt}`,
        },
  );
  if (!r || 'stop' in r) return undefined;
  const expired = r.approval;
  await ctx.record({
    ...ctx.base(expired),
    event: 'action.expired',
    user: expired.requester.id,
    via: expired.requester.via,
    reason: expired.statusReason,
  });
  return {
    kind: 'expired',
    approval: expired,
    message:
      `已过期 / expired: nobody approved it before ${expired.expiresAt} — nothing was run` +
      `; request it again (the Request button or \`run ${expired.action} ${expired.target} --reason …\`)` +
      ' if it is still needed',
  };
}

/** An executing approval whose run was lost: `unknown`, audited, with what to check on the server. */
export async function markUnknown(ctx: ApprovalContext, id: string, why: string): Promise<Outcome | undefined> {
  const r = await ctx.records.update(id, (cur) =>
    cur.status !== 'executing' ? { stop: undefined } : { ...cur, status: 'unknown' as const, statusReason: why },
  );
  if (!r || 'stop' in r) return undefined;
  const a = r.approval;
  const check = (a.verify ?? []).map((c) => `\`${c}\``).join(', ');
  await ctx.record({
    ...ctx.base(a),
    event: 'action.unknown',
    user: a.approvedBy[a.approvedBy.length - 1]?.by ?? a.requester.id,
    via: a.approvedBy[a.approvedBy.length - 1]?.via ?? a.requester.via,
    verdict: 'unknown',
    reason: why,
    details: { verify: a.verify ?? [], owner: a.owner, executingUntil: a.executingUntil },
  });
  return {
    kind: 'unknown',
    approval: a,
    message:
      `结果未知 / outcome unknown: ${why}.` +
      ` 命令可能已执行，也可能没有 / the command may or may not have run: check ${check || 'the service on the server'}`,
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
