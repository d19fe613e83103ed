import type { EffectivePolicy } from '../config/config.js';
import { policyFor } from '../config/policy-for.js';
import { actorSchema, type Actor, type Approval } from './approval.js';
import { clip, refused, type ApprovalContext } from './context.js';
import { abandoned, expireOne, markUnknown } from './sweep.js';
import type { Outcome } from './outcome.js';
import { parseReference, type ApprovalRef } from './reference.js';

/** A click that may be decided: the approval as read, and the policy in force for its target. */
export interface Loaded {
  approval: Approval;
  policy: EffectivePolicy;
}

/**
 * Everything a click must pass before anyone may decide on it: a valid
 * reference that matches the stored approval, a card in the channel it came
 * from, still pending, not expired. Refusals are recorded and returned.
 */
export async function loadForDecision(
  ctx: ApprovalContext,
  ref: unknown,
  clicker: Actor,
  what: 'approve' | 'deny',
): Promise<Outcome | Loaded> {
  const actor = actorSchema.safeParse(clicker);
  if (!actor.success)
    return refused(
      'invalid-request',
      'the click does not say who clicked',
      'this is a bug in the front end; report it',
    );
  const parsed = parseReference(ref);
  if (!parsed) {
    await ctx.record({
      event: 'action.refused',
      user: clicker.id,
      via: clicker.via,
      reason: `${what}: malformed approval reference`,
    });
    return refused(
      'invalid-reference',
      'this button does not carry a valid approval reference — nothing was run',
      'use the buttons on the approval card, or request the action again',
    );
  }
  const approval = (await ctx.records.get(parsed.id))?.approval;
  if (!approval) {
    await ctx.record({
      event: 'action.refused',
      user: clicker.id,
      via: clicker.via,
      approvalId: parsed.id,
      reason: `${what}: unknown approval id`,
    });
    return refused(
      'unknown-approval',
      'no such approval (unknown, or removed after its retention period) — nothing was run',
      'request the action again',
    );
  }
  if (tampered(parsed, approval)) {
    await ctx.record({
      ...ctx.base(approval),
      event: 'action.refused',
      user: clicker.id,
      via: clicker.via,
      reason:
        `${what}: the reference names ${clip(parsed.action ?? '?')} on ${clip(parsed.target ?? '?')}` +
        `, the approval is ${approval.action} on ${approval.target}`,
    });
    return refused(
      'tampered',
      'this button does not match the approval it names — refused, nothing was run',
      'use the buttons on the approval card; if this repeats, tell the bot owner',
    );
  }
  const card = approval.meta.channel;
  if (clicker.via === 'slack' && card !== undefined && clicker.channel !== card)
    return ctx.refuse(
      approval,
      clicker,
      'wrong-channel',
      `这个审批卡片在频道 ${card} / this approval's card is in channel ${card},` +
        ` but the click came from ${clicker.channel ? `channel ${clicker.channel}` : 'no channel'}` +
        ` — it does not count, nothing was run`,
      `approve or deny it on the card in channel ${card} (or in its thread)`,
    );
  if (approval.status === 'executing') {
    // Left executing by a run that is gone: settle it now rather than tell the clicker "running now".
    const why = abandoned(ctx, approval, ctx.now());
    const o = why ? await markUnknown(ctx, approval.id, why) : undefined;
    if (o) return o;
  }
  if (approval.status !== 'pending') return ctx.decidedRefusal(approval, clicker);
  if (Date.parse(approval.expiresAt) <= ctx.now().getTime()) {
    const o = await expireOne(ctx, approval.id, ctx.now());
    if (o) return o;
    const now = (await ctx.records.get(approval.id))?.approval;
    return now ? ctx.decidedRefusal(now, clicker) : refused('unknown-approval', 'no such approval', 'request again');
  }
  return { approval, policy: policyFor(ctx.deps.config.policy, approval.target) };
}

function tampered(ref: ApprovalRef, a: Approval): boolean {
  return (ref.action !== undefined && ref.action !== a.action) || (ref.target !== undefined && ref.target !== a.target);
}
