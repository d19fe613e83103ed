import type { ApprovalStatus } from './approval.js';

/**
 * Which state changes an approval may make. Every write is a compare-and-set
 * on the record's version and is checked here first, so no late or stale
 * write can move a decided approval back: terminal states (succeeded, failed,
 * refused, denied, expired, unknown) never return to pending or executing.
 *
 * The one move out of a terminal state is `unknown` → the result: when the
 * real result arrives after the sweep gave up on it, the truth replaces the guess.
 */
const NEXT: Record<ApprovalStatus, readonly ApprovalStatus[]> = {
  pending: ['pending', 'executing', 'denied', 'expired'],
  executing: ['executing', 'succeeded', 'failed', 'refused', 'unknown'],
  succeeded: ['succeeded'],
  failed: ['failed'],
  refused: ['refused'],
  denied: ['denied'],
  expired: ['expired'],
  unknown: ['unknown', 'succeeded', 'failed'],
};

/** True when an approval in state `from` may be written as `to` (the same state: a meta or vote update). */
export function mayMove(from: ApprovalStatus, to: ApprovalStatus): boolean {
  return NEXT[from].includes(to);
}
