/** Rate limits and the stop after failed post-checks, through the service and the store (shared by instances). */
import { APPROVER, REQUESTER } from './fake-server.js';
import { slack, twoInstances } from './harness.js';

async function runOnce(t: ReturnType<typeof twoInstances>, via: 'a' | 'b' = 'a') {
  const r = await t[via].requestAction({
    action: 'restart-backend',
    target: 'prod',
    requester: slack(REQUESTER),
    reason: 'down',
    meta: { channel: 'C0OPS' },
  });
  if (r.kind !== 'requested') return r;
  return t[via].approve(r.approval.id, slack(APPROVER));
}

describe('at most N runs per target and action in any rolling hour', () => {
  it('the fourth restart within the hour is refused (on either instance) with when it opens again; then it opens', async () => {
    const t = twoInstances();
    for (const via of ['a', 'b', 'a'] as const) {
      expect((await runOnce(t, via)).kind).toBe('executed');
      t.clock.t += 10 * 60_000;
    }
    const fourth = await runOnce(t, 'b');
    expect(fourth.kind === 'refused' && fourth.code).toBe('rate-limited');
    expect(fourth.kind === 'refused' && fourth.message).toMatch(/ran 3 times on prod in the last hour \(limit 3/);
    // The first run was at 10:00: the window opens again at 11:00.
    expect(fourth.kind === 'refused' && fourth.hint).toMatch(
      /opens again at 2026-11-22T11:00:00.000Z \(in about 30 min\)/,
    );
    expect(t.server.state.sudo).toHaveLength(3);
    const events = (await t.audit.read()).filter((r) => r.event === 'action.refused').map((r) => r.reason);
    expect(events.some((r) => r?.startsWith('rate-limited'))).toBe(true);
    t.clock.t += 30 * 60_000 + 1;
    expect((await runOnce(t, 'b')).kind).toBe('executed');
    expect(t.server.state.sudo).toHaveLength(4);
  });

  it('requests approved before the limit filled are refused at run time, not run', async () => {
    const t = twoInstances({ policy: '  actionsPerHour: { restart-backend: 1 }\n' });
    const reqs = [];
    for (let i = 0; i < 2; i++) {
      const r = await t.a.requestAction({
        action: 'restart-backend',
        target: 'prod',
        requester: slack(REQUESTER),
        reason: 'down',
        meta: { channel: 'C0OPS' },
      });
      if (r.kind !== 'requested') throw new Error(r.kind);
      reqs.push(r.approval.id);
    }
    expect((await t.a.approve(reqs[0], slack(APPROVER))).kind).toBe('executed');
    const second = await t.b.approve(reqs[1], slack(APPROVER));
    expect(second.kind === 'executed' && second.result.verdict).toBe('precondition-failed');
    expect(second.kind === 'executed' && second.result.summary).toMatch(/limit 1: policy.actionsPerHour/);
    expect((await t.b.get(reqs[1]!))?.status).toBe('refused');
    expect(t.server.state.sudo).toHaveLength(1);
  });
});

describe('stop after 2 failed post-checks in a row until a person clears it', () => {
  it('stops, refuses with why and how to clear, and opens again after `run clear` by an approver', async () => {
    const t = twoInstances({
      server: { restartDoesNotHelp: true },
      policy: '  actionsPerHour: { restart-backend: 10 }\n',
    });
    const first = await runOnce(t);
    expect(first.kind === 'executed' && first.result.verdict).toBe('post-check-failed');
    const second = await runOnce(t, 'b');
    expect(second.kind === 'executed' && second.result.hint).toMatch(
      /now stopped on prod.*run clear restart-backend prod/,
    );
    const third = await runOnce(t);
    expect(third.kind === 'refused' && third.code).toBe('stopped');
    expect(third.kind === 'refused' && third.message).toMatch(/failed 2 times in a row/);
    expect(third.kind === 'refused' && third.hint).toMatch(/run clear restart-backend prod/);
    expect(t.server.state.sudo).toHaveLength(2);

    const byRequester = await t.a.clearStop('restart-backend', 'prod', slack(REQUESTER));
    expect(byRequester.ok).toBe(false);
    const cleared = await t.b.clearStop('restart-backend', 'prod', slack(APPROVER));
    expect(cleared).toMatchObject({ ok: true, message: expect.stringMatching(/cleared/) });
    expect((await t.audit.read()).filter((r) => r.event === 'action.cleared')).toHaveLength(1);
    t.server.state.restartDoesNotHelp = false;
    const fourth = await runOnce(t);
    expect(fourth.kind === 'executed' && fourth.result.verdict).toBe('succeeded');
  });

  it('a success in between resets the count', async () => {
    const t = twoInstances({
      server: { restartDoesNotHelp: true },
      policy: '  actionsPerHour: { restart-backend: 10 }\n',
    });
    expect((await runOnce(t)).kind).toBe('executed');
    t.server.state.restartDoesNotHelp = false;
    expect((await runOnce(t)).kind).toBe('executed');
    t.server.state.restartDoesNotHelp = true;
    const third = await runOnce(t);
    expect(third.kind === 'executed' && third.result.verdict).toBe('post-check-failed');
    expect((await runOnce(t)).kind).toBe('executed');
    expect(t.server.state.sudo).toHaveLength(4);
  });
});
