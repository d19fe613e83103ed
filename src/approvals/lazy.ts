import type { ApprovalService } from './service.js';

/** What the front ends call on the approvals service (src/app/request-action.ts). */
export type ApprovalDesk = Pick<ApprovalService, 'requestAction' | 'approve' | 'deny' | 'clearStop'>;

/**
 * The approvals service, loaded on its first use: a `list` or a `diagnose` never touches approvals, so the
 * machinery (and zod, which validates its records) is not part of every start. `load` runs at most once.
 */
export function lazyApprovals(load: () => Promise<ApprovalDesk>): ApprovalDesk {
  let service: Promise<ApprovalDesk> | undefined;
  const get = () => (service ??= load());
  return {
    requestAction: async (req) => (await get()).requestAction(req),
    approve: async (ref, clicker) => (await get()).approve(ref, clicker),
    deny: async (ref, clicker, reason) => (await get()).deny(ref, clicker, reason),
    clearStop: async (action, targetName, who) => (await get()).clearStop(action, targetName, who),
  };
}
