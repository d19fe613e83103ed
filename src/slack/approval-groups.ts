import type { IsInGroup } from '../approvals/index.js';

/** Lists a Slack user group's members (usergroups.users.list). */
export type ListGroupMembers = (groupId: string) => Promise<string[]>;

/**
 * Slack user-group membership for `policy.approverGroups`, looked up at click
 * time and cached for a short while (default 60 s), so a membership change
 * applies within a minute without a lookup on every click. A failed lookup is
 * not cached and counts as "not a member" (the policy never approves on an
 * error).
 */
export class SlackUserGroups {
  private readonly cache = new Map<string, { until: number; members: Promise<Set<string>> }>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly list: ListGroupMembers,
    options: { ttlMs?: number; now?: () => number } = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  readonly isInGroup: IsInGroup = async (userId, groupId) => (await this.members(groupId)).has(userId);

  private members(groupId: string): Promise<Set<string>> {
    const now = this.now();
    const hit = this.cache.get(groupId);
    if (hit && hit.until > now) return hit.members;
    const members = this.list(groupId).then((users) => new Set(users));
    this.cache.set(groupId, { until: now + this.ttlMs, members });
    // Errors are not remembered: the next click asks Slack again.
    members.catch(() => {
      if (this.cache.get(groupId)?.members === members) this.cache.delete(groupId);
    });
    return members;
  }
}

/** usergroups.users.list through a WebClient (needs the `usergroups:read` scope). */
export function slackGroupLister(client: {
  usergroups: { users: { list(args: { usergroup: string }): Promise<{ users?: string[] }> } };
}): ListGroupMembers {
  return async (groupId) => (await client.usergroups.users.list({ usergroup: groupId })).users ?? [];
}
