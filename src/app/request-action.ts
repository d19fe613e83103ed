import type { Outcome } from '../approvals/outcome.js';
import type { ApprovalService } from '../approvals/service.js';
import type { AppActor, AppDeps, Unavailable } from './deps.js';

/** A request to run a whitelisted action (`run …`, a Request button). */
export interface ActionRequestInput {
  action: string;
  /** Default: the configured default target. */
  target?: string;
  reason: string;
  /** The finding that motivated it, when it came from a report. */
  finding?: { id: string; title: string };
  /** Front-end data kept with the approval (Slack channel, thread, playbook). */
  meta?: Record<string, string>;
}

/** Ask for an action: policy, whitelist and target are checked by the approvals service; the answer is an outcome. */
export async function requestAction(
  request: ActionRequestInput,
  actor: AppActor,
  deps: Pick<AppDeps, 'approvals' | 'config'>,
): Promise<Outcome | Unavailable> {
  if (!deps.approvals) return { kind: 'unavailable', what: 'approvals' };
  return deps.approvals.requestAction({
    action: request.action,
    target: request.target ?? deps.config.defaultTarget,
    requester: actor,
    reason: request.reason,
    ...(request.finding ? { finding: request.finding } : {}),
    ...(request.meta ? { meta: request.meta } : {}),
  });
}

/** Approve (`yes`) or deny an approval by its reference; the outcome says what happened. */
export async function decideAction(
  ref: unknown,
  actor: AppActor,
  decision: { approve: true } | { approve: false; reason: string },
  deps: Pick<AppDeps, 'approvals'>,
): Promise<Outcome | Unavailable> {
  if (!deps.approvals) return { kind: 'unavailable', what: 'approvals' };
  return decision.approve ? deps.approvals.approve(ref, actor) : deps.approvals.deny(ref, actor, decision.reason);
}

/** `run clear <action> [target]`: lift the stop put on an action after repeated failed post-checks. */
export async function clearStop(
  request: { action: string; target?: string },
  actor: AppActor,
  deps: Pick<AppDeps, 'approvals' | 'config'>,
): Promise<Awaited<ReturnType<ApprovalService['clearStop']>> | Unavailable> {
  if (!deps.approvals) return { kind: 'unavailable', what: 'approvals' };
  return deps.approvals.clearStop(request.action, request.target ?? deps.config.defaultTarget, actor);
}
