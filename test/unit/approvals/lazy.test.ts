import { lazyApprovals, type ApprovalDesk } from '../../../src/approvals/lazy.js';
import type { Actor } from '../../../src/approvals/approval.js';
import type { Outcome } from '../../../src/approvals/outcome.js';

describe('lazyApprovals', () => {
  it('loads the service on the first call only, and passes every call through', async () => {
    const calls: string[] = [];
    let loads = 0;
    const actor: Actor = { id: 'console:alice', via: 'console' };
    const refused = (message: string): Outcome => ({ kind: 'refused', code: 'unknown-approval', message, hint: '' });
    const service: ApprovalDesk = {
      requestAction: async (req) => (calls.push(`request ${req.action}`), refused('r')),
      approve: async (ref) => (calls.push(`approve ${String(ref)}`), refused('a')),
      deny: async (ref, _who, why) => (calls.push(`deny ${String(ref)} ${why}`), refused('d')),
      clearStop: async (action, target) => (calls.push(`clear ${action} ${target}`), { ok: true, message: 'ok' }),
    };
    const desk = lazyApprovals(async () => {
      loads++;
      return service;
    });
    expect(loads).toBe(0);
    await desk.requestAction({ action: 'restart-backend', target: 'prod', requester: actor } as never);
    await desk.approve('a', actor);
    await desk.deny('b', actor, 'no');
    await expect(desk.clearStop('restart-backend', 'prod', actor)).resolves.toEqual({ ok: true, message: 'ok' });
    expect(loads).toBe(1);
    expect(calls).toEqual(['request restart-backend', 'approve a', 'deny b no', 'clear restart-backend prod']);
  });
});
