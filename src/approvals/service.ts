import type { Action } from '../actions/action.js';
import { findAction as defaultFindAction } from '../actions/registry.js';
import { policyFor } from '../config/policy-for.js';
import { actorSchema, type Actor, type Approval } from './approval.js';
import { StoreUnavailableError } from './approval-records.js';
import { ApprovalContext, clip, storeRefusal, type ApprovalServiceDeps } from './context.js';
import { approve, deny } from './decide.js';
import type { Outcome } from './outcome.js';
import { mayClear } from './policy.js';
import { requestAction, type ActionRequest } from './request.js';
import { sweep } from './sweep.js';

export type { ActionRequest } from './request.js';
export type { ApprovalServiceDeps, AuditSink } from './context.js';

/** What `run clear <action> [target]` answers. */
export type ClearOutcome = { ok: true; message: string } | { ok: false; message: string; hint: string };

/**
 * Approve-to-run: request, authorise at click time, claim once, re-check
 * preconditions, execute with `sudo -n`, verify, record. Every method resolves
 * with an {@link Outcome}; refusals are values with a message and a next step.
 *
 * Every state change is a compare-and-set on the approval's version
 * (approval-records.ts) and must be a valid move (transitions.ts): exactly one
 * click, instance or sweep moves an approval out of `pending`, and no late
 * write brings a decided approval back. An approval left `executing` by a
 * crash or a lost result becomes `unknown` (sweep.ts), never stuck.
 */
export class ApprovalService {
  private readonly ctx: ApprovalContext;

  constructor(deps: ApprovalServiceDeps) {
    this.ctx = new ApprovalContext(
      deps,
      deps.findAction ?? ((id: string): Action | undefined => defaultFindAction(id)),
    );
  }

  /** Ask for an action: checks "may request" and the run guard, records it, returns the card to post. */
  requestAction(req: ActionRequest): Promise<Outcome> {
    return requestAction(this.ctx, req);
  }

  /** An Approve click. `ref` is the button value (or a bare id), checked against the stored approval. */
  approve(ref: unknown, clicker: Actor): Promise<Outcome> {
    return approve(this.ctx, ref, clicker);
  }

  /** A Deny click (an approver, or the requester withdrawing the request). */
  deny(ref: unknown, clicker: Actor, reason: string): Promise<Outcome> {
    return deny(this.ctx, ref, clicker, reason);
  }

  /**
   * The sweep: expire pending approvals past their time and turn abandoned
   * executing ones into `unknown`; returns the cards to update. Safe to call
   * from every instance, and at start-up.
   */
  expire(now: Date = this.ctx.now()): Promise<Outcome[]> {
    return sweep(this.ctx, now);
  }

  /** One stored approval (validated), or undefined. */
  async get(id: string): Promise<Approval | undefined> {
    return (await this.ctx.records.get(id))?.approval;
  }

  /** Keep front-end data with an approval (e.g. the card's channel and ts once posted); its state is left as it is. */
  async setMeta(id: string, meta: Record<string, string>): Promise<Approval | undefined> {
    const r = await this.ctx.records.update(id, (cur) => ({ ...cur, meta: { ...cur.meta, ...meta } }));
    return r && !('stop' in r) ? r.approval : undefined;
  }

  /** `run clear <action> [target]`: an approver lifts the stop put on an action after repeated failed post-checks. */
  async clearStop(action: string, targetName: string, who: Actor): Promise<ClearOutcome> {
    const actor = actorSchema.safeParse(who);
    const known = this.ctx.findAction(action);
    const target = this.ctx.deps.config.targets.get(targetName);
    if (!actor.success || !known || !target)
      return {
        ok: false,
        message:
          `nothing to clear: ` +
          `${!known ? `unknown action "${clip(action)}"` : `unknown target "${clip(targetName)}"`}`,
        hint:
          `e.g. \`run clear restart-backend prod\`;` +
          ` targets: ${[...this.ctx.deps.config.targets.keys()].join(', ')}`,
      };
    const policy = policyFor(this.ctx.deps.config.policy, target.name);
    const may = await mayClear(policy, actor.data, target.name, this.ctx.isInGroup);
    if (!may.ok) return { ok: false, message: may.message, hint: may.hint };
    try {
      const was = await this.ctx.guard.clear(known.id, target.name);
      await this.ctx.record({
        event: 'action.cleared',
        user: actor.data.id,
        via: actor.data.via,
        target: target.name,
        action: known.id,
        reason: was ? 'stop cleared' : 'was not stopped',
      });
      return {
        ok: true,
        message: was
          ? `已解除 / cleared: ${known.id} on ${target.name} may be requested again (the hourly limit still applies)`
          : `${known.id} on ${target.name} was not stopped; nothing to clear`,
      };
    } catch (e) {
      const o = storeRefusal(this.ctx.deps.store.describe, new StoreUnavailableError(this.ctx.deps.store.describe, e));
      return { ok: false, message: o.message, hint: o.kind === 'refused' ? o.hint : '' };
    }
  }
}
