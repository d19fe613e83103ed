import type { CheckStatus } from './check.js';

/** How bad each status is; `skipped` counts as `ok`. */
const RANK: Record<CheckStatus, number> = { ok: 0, skipped: 0, warn: 1, fail: 2, error: 3 };

/** The worse of two statuses (the first when they are as bad): a check's status as its findings add up. */
export function worseStatus(a: CheckStatus, b: CheckStatus): CheckStatus {
  return RANK[b] > RANK[a] ? b : a;
}
