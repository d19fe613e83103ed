/** The sweep: executing past the action's deadline (another host's run) becomes unknown; a live run is left alone. */
import { approvalCard } from '../../../src/slack/approval-card.js';
import { APPROVER, REQUESTER } from './fake-server.js';
import { slack, twoInstances } from './harness.js';

async function leftExecuting(t: ReturnType<typeof twoInstances>, owner: { host: string; pid: number }) {
  const r = await t.a.requestAction({
    action: 'reload-nginx',
    target: 'prod',
    requester: slack(REQUESTER),
    reason: 'x',
    meta: { channel: 'C0OPS' },
  });
  if (r.kind !== 'requested') throw new Error(r.kind);
  const cur = await t.storeA.getRecord('approval', r.approval.id);
  const at = new Date(t.clock.t);
  await t.storeA.compareAndSet(
    'approval',
    r.approval.id,
    cur!.version,
    {
      ...r.approval,
      status: 'executing',
      approvedBy: [{ by: APPROVER, via: 'slack', at: at.toISOString() }],
      decidedAt: at.toISOString(),
      executingUntil: new Date(t.clock.t + 120_000).toISOString(),
      owner,
      verify: ['systemctl status nginx', 'journalctl -u nginx -n 50 --no-pager'],
    },
    3_600_000,
  );
  return r.approval.id;
}

it('a run owned by another host is left alone until its deadline, then becomes unknown with what to check', async () => {
  const t = twoInstances();
  const id = await leftExecuting(t, { host: 'other-bot-host', pid: 42 });
  t.clock.t += 119_000;
  expect(await t.b.expire()).toEqual([]);
  expect((await t.b.get(id))?.status).toBe('executing');
  t.clock.t += 2_000;
  const [o] = await t.b.expire();
  expect(o?.kind).toBe('unknown');
  expect(o?.message).toMatch(/no result was recorded by .* check `systemctl status nginx`/);
  const card = JSON.stringify(approvalCard(o!.approval!).message);
  expect(card).toMatch(/命令可能已执行，也可能没有 \/ the command may or may not have run/);
  expect(card).toMatch(/systemctl status nginx/);
  expect(card).not.toMatch(/approval_approve/); // no buttons on a decided card
  const audit = (await t.audit.read()).filter((r) => r.event === 'action.unknown');
  expect(audit).toMatchObject([{ approvalId: id, verdict: 'unknown', details: { verify: expect.any(Array) } }]);
  // Both instances sweep: exactly one reports it, and it stays unknown.
  expect([...(await t.a.expire()), ...(await t.b.expire())]).toEqual([]);
  expect(t.server.state.sudo).toHaveLength(0);
});

it('a run owned by a live process of this host is not touched before its deadline', async () => {
  const t = twoInstances({ deps: { instance: { host: 'h', pid: 1 }, isProcessAlive: (pid) => pid === 7 } });
  const alive = await leftExecuting(t, { host: 'h', pid: 7 });
  const dead = await leftExecuting(t, { host: 'h', pid: 8 });
  const swept = await t.a.expire();
  expect(swept.map((o) => o.kind === 'unknown' && o.approval.id)).toEqual([dead]);
  expect((await t.a.get(alive))?.status).toBe('executing');
});

it('a sweep by another service of the same process leaves a live run alone (no false unknown)', async () => {
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
          if (opts?.sudo && argv.includes('reload')) {
            started();
            await gate;
          }
          return t.server.transport.exec(argv, opts);
        },
      }),
    },
  });
  const r = await t.a.requestAction({
    action: 'reload-nginx',
    target: 'prod',
    requester: slack(REQUESTER),
    reason: 'x',
    meta: { channel: 'C0OPS' },
  });
  if (r.kind !== 'requested') throw new Error(r.kind);
  const run = t.a.approve(r.approval.id, slack(APPROVER));
  await running;
  expect(await t.b.expire()).toEqual([]);
  expect((await t.b.get(r.approval.id))?.status).toBe('executing');
  finish();
  expect((await run).kind).toBe('executed');
  expect((await t.b.get(r.approval.id))?.status).toBe('succeeded');
});
