import type { EffectivePolicy } from '../config/config.js';
import type { Actor, Approval } from './approval.js';

/** Is `userId` in the Slack user group `groupId`? Slack's usergroups.users.list plugs in here. */
export type IsInGroup = (userId: string, groupId: string) => Promise<boolean>;

export type PolicyVerdict = { ok: true } | { ok: false; code: PolicyRefusalCode; message: string; hint: string };
export type PolicyRefusalCode =
  'not-allowed-to-request' | 'not-authorised' | 'no-approvers' | 'self-approval' | 'console-approval-disabled';

const yes: PolicyVerdict = { ok: true };

/**
 * May `actor` ask for an action? With neither `requesters` nor
 * `requesterChannels` set, anyone may ask (approval is the gate); otherwise the
 * user or the channel must be listed. On the console, asking needs
 * `consoleApproval` (nobody else could approve it there).
 */
export function mayRequest(policy: EffectivePolicy, actor: Actor, target: string): PolicyVerdict {
  if (actor.via !== 'slack') {
    return policy.consoleApproval
      ? yes
      : refuse(
          'console-approval-disabled',
          `local approval is disabled for target ${target} (policy.consoleApproval is false) — nothing was run`,
          `ask in Slack with \`/oms run …\`` +
            `, or set \`consoleApproval: true\` under policy (or policy.targets.${target}) if the console may approve`,
        );
  }
  if (policy.requesters.length === 0 && policy.requesterChannels.length === 0) return yes;
  if (policy.requesters.includes(actor.id)) return yes;
  if (actor.channel && policy.requesterChannels.includes(actor.channel)) return yes;
  return refuse(
    'not-allowed-to-request',
    `you may not request actions on ${target}`,
    `ask someone listed in policy.requesters, or ask in one of the channels in policy.requesterChannels`,
  );
}

/**
 * May `clicker` approve (or deny) `approval`, checked at click time so a change
 * of the approver list or group applies at once. Self-approval is refused
 * unless `selfApproval: true`. On the console the confirmation is the approval
 * when `consoleApproval: true` (the operator at the bot's own terminal).
 */
export async function mayApprove(
  policy: EffectivePolicy,
  clicker: Actor,
  approval: Approval,
  isInGroup: IsInGroup,
): Promise<PolicyVerdict> {
  if (clicker.via !== 'slack') {
    return policy.consoleApproval
      ? yes
      : refuse(
          'console-approval-disabled',
          `local approval is disabled for target ${approval.target} (policy.consoleApproval is false)`,
          'an approver must approve it in Slack',
        );
  }
  if (clicker.id === approval.requester.id && !policy.selfApproval) {
    return refuse(
      'self-approval',
      'you requested this action, so you cannot approve it yourself',
      'ask another approver (policy.approvers / policy.approverGroups); self-approval is off by default',
    );
  }
  if (await isApprover(policy, clicker.id, isInGroup)) return yes;
  if (policy.approvers.length === 0 && policy.approverGroups.length === 0) {
    return refuse(
      'no-approvers',
      `nobody may approve actions on ${approval.target}: the policy lists no approvers`,
      'set policy.approvers (Slack user IDs) or policy.approverGroups (user group IDs) in the config file',
    );
  }
  return refuse(
    'not-authorised',
    `you are not an approver for ${approval.target}`,
    'ask someone in policy.approvers or in one of policy.approverGroups',
  );
}

/** May `clicker` deny it: an approver, or the requester withdrawing their own request. */
export async function mayDeny(
  policy: EffectivePolicy,
  clicker: Actor,
  approval: Approval,
  isInGroup: IsInGroup,
): Promise<PolicyVerdict> {
  if (clicker.id === approval.requester.id && clicker.via === approval.requester.via) return yes;
  if (clicker.via !== 'slack')
    return policy.consoleApproval
      ? yes
      : refuse(
          'console-approval-disabled',
          'local approval is disabled (policy.consoleApproval is false)',
          'deny it in Slack',
        );
  if (await isApprover(policy, clicker.id, isInGroup)) return yes;
  return refuse(
    'not-authorised',
    `you are not an approver for ${approval.target}, so you cannot deny it`,
    'ask someone in policy.approvers or in one of policy.approverGroups',
  );
}

async function isApprover(policy: EffectivePolicy, userId: string, isInGroup: IsInGroup): Promise<boolean> {
  if (policy.approvers.includes(userId)) return true;
  for (const group of policy.approverGroups) {
    // A failing group lookup must never approve: it counts as "not in the group".
    if (await isInGroup(userId, group).catch(() => false)) return true;
  }
  return false;
}

function refuse(code: PolicyRefusalCode, message: string, hint: string): PolicyVerdict {
  return { ok: false, code, message, hint };
}

/** May `who` clear a stopped action on `target`: a Slack approver, or the console where local approval is on. */
export async function mayClear(
  policy: EffectivePolicy,
  who: Actor,
  target: string,
  isInGroup: IsInGroup,
): Promise<PolicyVerdict> {
  if (who.via !== 'slack')
    return policy.consoleApproval
      ? yes
      : refuse(
          'console-approval-disabled',
          `local approval is disabled for target ${target} (policy.consoleApproval is false)` +
            `, so the stop cannot be cleared here`,
          'an approver clears it in Slack: `/oms run clear <action> <target>`',
        );
  if (await isApprover(policy, who.id, isInGroup)) return yes;
  return refuse(
    'not-authorised',
    `you are not an approver for ${target}, so you cannot clear the stop`,
    'ask someone in policy.approvers or in one of policy.approverGroups',
  );
}
