/** Approve and deny as compare-and-set: no late write resurrects a decided approval; exactly one run. */
import { APPROVER, APPROVER2, REQUESTER } from './fake-server.js';
import { slack, twoInstances } from './harness.js';

describe('late writes never resurrect a decided approval (approvalsNeeded 2)', () => {
  const policy = '  approvalsNeeded: 2\n';

  it('a "1 of 2" vote read before a deny and written after it is refused; the approval stays denied', async () => {
    const { a, b, storeA, request, server } = twoInstances({ policy });
    const ap = await request();
    const release = storeA.holdNextWrite();
    const vote = a.approve(ap.id, slack(APPROVER));
    await storeA.held; // instance A has read version 1 and is about to write "1 of 2"
    expect((await b.deny(ap.id, slack(APPROVER2), 'not now')).kind).toBe('denied');
    release();
    const late = await vote;
    expect(late.kind === 'refused' && late.code).toBe('already-decided');
    expect(late.kind === 'refused' && late.message).toMatch(/denied/);
    expect((await a.get(ap.id))?.status).toBe('denied');
    expect(server.state.sudo).toHaveLength(0);
  });

  it('a "1 of 2" vote written after the other approvals executed it does not bring it back to pending', async () => {
    const { a, b, storeA, request, server } = twoInstances({
      policy,
      deps: { isInGroup: async (user) => user === 'U0GROUPIE' },
    });
    const ap = await request();
    expect((await b.approve(ap.id, slack(APPROVER2))).kind).toBe('waiting');
    const release = storeA.holdNextWrite();
    const late = a.approve(ap.id, slack('U0GROUPIE'));
    await storeA.held;
    expect((await b.approve(ap.id, slack(APPROVER))).kind).toBe('executed');
    release();
    const o = await late;
    expect(o.kind === 'refused' && o.code).toBe('already-decided');
    expect((await a.get(ap.id))?.status).toBe('succeeded');
    expect(server.state.sudo).toHaveLength(1);
  });

  it('the card-details write (setMeta) racing the run keeps the new state and adds the details', async () => {
    const { a, b, storeA, request } = twoInstances({ policy: '  approvalsNeeded: 1\n' });
    const ap = await request();
    const release = storeA.holdNextWrite();
    const meta = a.setMeta(ap.id, { ts: '1700000000.000100' });
    await storeA.held;
    expect((await b.approve(ap.id, slack(APPROVER))).kind).toBe('executed');
    release();
    const written = await meta;
    expect(written?.status).toBe('succeeded');
    expect(written?.meta.ts).toBe('1700000000.000100');
    expect((await b.get(ap.id))?.status).toBe('succeeded');
  });

  it('twenty approvers, deniers and sweeps racing on two instances: one decision, at most one run', async () => {
    const { a, b, request, server, clock } = twoInstances({ policy });
    const ap = await request();
    const clicks = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).approve(ap.id, slack(i % 3 ? APPROVER : APPROVER2))),
      ...Array.from({ length: 4 }, (_, i) => (i % 2 ? b : a).deny(ap.id, slack(APPROVER2), 'race')),
      ...Array.from({ length: 4 }, (_, i) => (i % 2 ? a : b).setMeta(ap.id, { n: String(i) })),
      a.expire(new Date(clock.t)),
      b.expire(new Date(clock.t)),
    ]);
    const final = (await a.get(ap.id))!;
    expect(['denied', 'succeeded']).toContain(final.status);
    expect(server.state.sudo.length).toBe(final.status === 'succeeded' ? 1 : 0);
    expect(clicks.filter((o) => !Array.isArray(o) && o && 'kind' in o && o.kind === 'executed').length).toBe(
      final.status === 'succeeded' ? 1 : 0,
    );
  });
});

describe('channel binding', () => {
  it('a click from another channel does not count: refused with the card channel named, nothing recorded as a vote', async () => {
    const { a, request, server } = twoInstances();
    const ap = await request();
    const o = await a.approve(ap.id, slack(APPROVER, 'C0ELSEWHERE'));
    expect(o.kind === 'refused' && o.code).toBe('wrong-channel');
    expect(o.kind === 'refused' && o.message).toMatch(/C0OPS.*C0ELSEWHERE/);
    const noChannel = await a.deny(ap.id, { id: APPROVER, via: 'slack' }, 'x');
    expect(noChannel.kind === 'refused' && noChannel.code).toBe('wrong-channel');
    expect((await a.get(ap.id))?.status).toBe('pending');
    expect((await a.get(ap.id))?.approvedBy).toEqual([]);
    expect((await a.approve(ap.id, slack(APPROVER, 'C0OPS'))).kind).toBe('executed');
    expect(server.state.sudo).toHaveLength(1);
  });
});

describe('store failures', () => {
  it('the store failing at the click: refused with what to check, nothing run; once it is back the click works', async () => {
    const { a, storeA, request, server } = twoInstances();
    const ap = await request();
    storeA.failing = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    const o = await a.approve(ap.id, slack(APPROVER));
    expect(o.kind === 'refused' && o.code).toBe('store-unavailable');
    expect(o.kind === 'refused' && o.message).toMatch(/nothing was run/);
    expect(server.state.sudo).toHaveLength(0);
    storeA.failing = undefined;
    expect((await a.approve(ap.id, slack(APPROVER))).kind).toBe('executed');
    expect(server.state.sudo).toHaveLength(1);
  });

  it('the store failing at the request: refused, nothing stored', async () => {
    const { a, storeA } = twoInstances();
    storeA.failing = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const o = await a.requestAction({
      action: 'restart-backend',
      target: 'prod',
      requester: slack(REQUESTER),
      reason: 'x',
    });
    expect(o.kind === 'refused' && o.code).toBe('store-unavailable');
    expect(o.kind === 'refused' && o.message).toMatch(/no space left/);
  });

  it('the result write failing: retried with backoff, audited; another instance marks it unknown, then the held result lands', async () => {
    const sleeps: number[] = [];
    const { a, b, storeA, request, server, audit, clock } = twoInstances({
      deps: { resultWriteAttempts: 4, resultRetryMs: 100, sleep: async (ms) => void sleeps.push(ms) },
    });
    const ap = await request();
    // Every approval write after the move to executing fails (a full disk).
    const inner = storeA.inner;
    let writes = 0;
    storeA.compareAndSet = async (...args) => {
      if (args[0] === 'approval' && ++writes > 1) throw new Error('ENOSPC: no space left on device');
      return inner.compareAndSet(...args);
    };
    const o = await a.approve(ap.id, slack(APPROVER));
    expect(o.kind === 'executed' && o.result.verdict).toBe('succeeded');
    expect(sleeps).toEqual([100, 200, 400]);
    const events = (await audit.read()).map((r) => r.event);
    expect(events).toEqual(expect.arrayContaining(['action.executed', 'action.save-failed']));
    expect((await a.get(ap.id))?.status).toBe('executing');
    // Instance B does not hold the result: past the deadline it is unknown, with what to check.
    clock.t += 60 * 60_000;
    const swept = await b.expire();
    expect(swept.map((x) => x.kind)).toEqual(['unknown']);
    expect(swept[0]?.kind === 'unknown' && swept[0].approval.verify).toEqual([
      'systemctl status oms-backend',
      'journalctl -u oms-backend -n 50 --no-pager',
    ]);
    expect((await b.get(ap.id))?.status).toBe('unknown');
    // The store is back: A's sweep writes the result it held; the truth replaces the guess.
    storeA.compareAndSet = (...args) => inner.compareAndSet(...args);
    expect(await a.expire()).toEqual([]);
    expect((await a.get(ap.id))?.status).toBe('succeeded');
    expect(server.state.sudo).toHaveLength(1);
  });
});

describe('clicks racing inside one process', () => {
  it('losing clicks never make a live run look abandoned: one executes, the others are told it runs once', async () => {
    const { a, b, request, server } = twoInstances({ policy: '  actionsPerHour: { restart-backend: 10 }\n' });
    for (let round = 0; round < 5; round++) {
      const ap = await request();
      const outcomes = await Promise.all([
        a.approve(ap.id, slack(APPROVER)),
        a.approve(ap.id, slack(APPROVER2)),
        b.approve(ap.id, slack(APPROVER)),
        b.approve(ap.id, slack(APPROVER2)),
        a.expire(),
      ]);
      const clicks = outcomes.slice(0, 4) as Array<{ kind: string; code?: string }>;
      expect(clicks.filter((o) => o.kind === 'executed')).toHaveLength(1);
      expect(clicks.filter((o) => o.kind === 'refused' && o.code === 'already-decided')).toHaveLength(3);
      expect(outcomes[4]).toEqual([]);
      expect((await a.get(ap.id))?.status).toBe('succeeded');
    }
    expect(server.state.sudo).toHaveLength(5);
  });

  it('a click that lost the race while the winner runs does not release the winner: a later click is not told unknown', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const t = twoInstances({
      deps: {
        transportFor: () => ({
          describe: 'slow',
          close: async () => undefined,
          exec: async (argv, opts) => {
            if (opts?.sudo) {
              started();
              await gate;
            }
            return t.server.transport.exec(argv, opts);
          },
        }),
      },
    });
    const ap = await t.request();
    const release = t.storeB.holdNextWrite();
    const loser = t.b.approve(ap.id, slack(APPROVER2)); // read pending; its write is held
    await t.storeB.held;
    const winner = t.a.approve(ap.id, slack(APPROVER));
    await running;
    release();
    expect(((await loser) as { code?: string }).code).toBe('already-decided');
    const later = await t.a.approve(ap.id, slack(APPROVER2));
    expect(later.kind === 'refused' && later.code).toBe('already-decided');
    expect(await t.b.expire()).toEqual([]);
    finish();
    expect((await winner).kind).toBe('executed');
    expect(t.server.state.sudo).toHaveLength(1);
  });
});
