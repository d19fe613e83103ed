import { APPROVAL_STATUSES, isDecided } from '../../../src/approvals/approval.js';
import { mayMove } from '../../../src/approvals/transitions.js';

it('no terminal state goes back to pending or executing', () => {
  for (const from of APPROVAL_STATUSES.filter(isDecided)) {
    expect(mayMove(from, 'pending')).toBe(false);
    expect(mayMove(from, 'executing')).toBe(false);
    expect(mayMove(from, from)).toBe(true);
  }
});

it('pending moves to executing, denied or expired; executing to a result or unknown; unknown only to a real result', () => {
  expect(['executing', 'denied', 'expired', 'succeeded'].map((to) => mayMove('pending', to as never))).toEqual([
    true,
    true,
    true,
    false,
  ]);
  expect(
    ['succeeded', 'failed', 'refused', 'unknown', 'pending'].map((to) => mayMove('executing', to as never)),
  ).toEqual([true, true, true, true, false]);
  expect(['succeeded', 'failed', 'refused', 'denied'].map((to) => mayMove('unknown', to as never))).toEqual([
    true,
    true,
    false,
    false,
  ]);
});
