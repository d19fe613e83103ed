import { policyFor } from '../config/policy-for.js';
import { redact } from '../redact.js';
import { actorSchema, commandText, type Actor, type Approval } from './approval.js';
import { StoreUnavailableError } from './approval-records.js';
import { clip, refused, storeRefusal, type ApprovalContext } from './context.js';
import type { Outcome } from './outcome.js';
import { mayRequest } from './policy.js';
import { newApprovalId } from './reference.js';

export interface ActionRequest {
  action: string;
  target: string;
  requester: Actor;
  reason: string;
  finding?: { id: string; title: string };
  /** Front-end data to keep with the approval (e.g. Slack channel and card ts). */
  meta?: Record<string, string>;
}

const REASON_MAX = 500;

/**
 * Ask for an action: checks "may request" and the run guard (rate limit,
 * stop), records the request in the audit log, then stores the pending
 * approval. When the audit log or the store cannot be written the request is
 * refused: nothing may later run that was not recorded.
 */
export async function requestAction(ctx: ApprovalContext, req: ActionRequest): Promise<Outcome> {
  const { deps } = ctx;
  const requester = actorSchema.safeParse(req.requester);
  if (!requester.success)
    return refused(
      'invalid-request',
      'the request does not say who is asking',
      'this is a bug in the front end; report it',
    );
  const action = ctx.findAction(req.action);
  if (!action)
    return refused(
      'unknown-action',
      `unknown action "${clip(req.action)}" — nothing was requested`,
      `actions: restart-backend, start-backend, daemon-reload, reload-nginx, restart-nginx`,
    );
  const target = deps.config.targets.get(req.target);
  if (!target)
    return refused(
      'unknown-target',
      `unknown target "${clip(req.target)}" — nothing was requested`,
      `targets: ${[...deps.config.targets.keys()].join(', ')}`,
    );
  const reason = redact(req.reason.trim()).slice(0, REASON_MAX);
  if (!reason && !req.finding)
    return refused(
      'invalid-request',
      'a request needs a reason — nothing was requested',
      'add --reason "why", e.g. --reason "backend down since 10:02"',
    );
  const policy = policyFor(deps.config.policy, target.name);
  const may = mayRequest(policy, requester.data, target.name);
  const audit = { user: requester.data.id, via: requester.data.via, target: target.name, action: action.id };
  if (!may.ok) {
    await ctx.record({ ...audit, event: 'action.refused', reason: may.message });
    return refused(may.code, may.message, may.hint);
  }
  try {
    const guard = await ctx.guard.check(action.id, target.name, policy);
    if (!guard.ok) {
      await ctx.record({ ...audit, event: 'action.refused', reason: `${guard.code}: ${guard.message}` });
      return refused(guard.code, guard.message, guard.hint);
    }
  } catch (e) {
    return storeRefusal(deps.store.describe, e as Error);
  }
  const now = ctx.now();
  const approval: Approval = {
    v: 1,
    id: (deps.newId ?? newApprovalId)(),
    action: action.id,
    actionTitle: `${action.title} / ${action.titleEn}`,
    target: target.name,
    host: target.host,
    command: action.argv(target).map((a) => [...a]),
    requester: requester.data,
    reason: reason || (req.finding?.title ?? ''),
    ...(req.finding ? { finding: { id: clip(req.finding.id), title: clip(req.finding.title, 300) } } : {}),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + policy.approvalTtl).toISOString(),
    approvalsNeeded: requester.data.via === 'slack' ? policy.approvalsNeeded : 1,
    status: 'pending',
    approvedBy: [],
    meta: { ...(req.meta ?? {}) },
  };
  const recorded = await ctx.record({
    ...ctx.base(approval),
    event: 'action.requested',
    user: approval.requester.id,
    via: approval.requester.via,
    reason: approval.reason,
    details: {
      expiresAt: approval.expiresAt,
      approvalsNeeded: approval.approvalsNeeded,
      finding: approval.finding?.id,
    },
  });
  if (!recorded)
    return refused(
      'audit-unavailable',
      '审计日志无法写入 / the audit log cannot be written (disk full? permissions?)' +
        ' — nothing was requested, nothing will run',
      "free space on the bot's data directory (`df -h`), or fix its permissions, then request it again",
    );
  try {
    await ctx.records.create(approval);
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    await ctx.record({ ...ctx.base(approval), event: 'action.refused', reason: `store-unavailable: ${e.message}` });
    return storeRefusal(deps.store.describe, e);
  }
  return {
    kind: 'requested',
    approval,
    message:
      `已请求 / requested: \`${commandText(approval.command)}\` on ${target.name} (${target.host})` +
      `; needs ${approval.approvalsNeeded} approval(s) before ${approval.expiresAt}`,
  };
}
