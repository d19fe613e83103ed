/**
 * Faults in a real redis-server during approvals: Redis gone at the click,
 * Redis gone while the command runs, and two instances racing late writes
 * with approvalsNeeded 2. The server side is the scripted OMS server (every
 * sudo counted); the store is the real Redis store over TCP.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalService, type ApprovalServiceDeps } from '../../src/approvals/service.js';
import type { Outcome } from '../../src/approvals/outcome.js';
import { AuditLog } from '../../src/audit/audit-log.js';
import { findCheck } from '../../src/checks/registry.js';
import { RedisStore } from '../../src/store/redis-store.js';
import type { Transport } from '../../src/transport/transport.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { APPROVER, APPROVER2, fakeServer, REQUESTER, testConfig } from '../unit/approvals/fake-server.js';
import { GatedStore, slack } from '../unit/approvals/harness.js';

let redis: TestRedis;
const open: RedisStore[] = [];
let n = 0;

beforeAll(async () => {
  redis = await startRedis({ persist: true });
});
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  await redis?.stop();
});

function setup(policy = '', over: Partial<ApprovalServiceDeps> = {}) {
  const prefix = `f${n++}:`;
  const server = fakeServer();
  const dir = mkdtempSync(join(tmpdir(), 'oms-faults-redis-'));
  const audit = new AuditLog({ file: join(dir, 'audit.jsonl') });
  const instance = (transport: Transport = server.transport, store?: RedisStore) => {
    const s = store ?? new RedisStore({ url: redis.url, prefix });
    open.push(s);
    return {
      store: s,
      service: new ApprovalService({
        config: testConfig(policy),
        store: s,
        audit,
        transportFor: () => transport,
        findCheck,
        postCheckAttempts: 1,
        postCheckDelayMs: 0,
        ...over,
      }),
    };
  };
  const request = async (service: ApprovalService) => {
    const o = await service.requestAction({
      action: 'restart-backend',
      target: 'prod',
      requester: slack(REQUESTER),
      reason: 'backend down',
      meta: { channel: 'C0OPS' },
    });
    if (o.kind !== 'requested') throw new Error(JSON.stringify(o));
    return o.approval;
  };
  return { server, audit, instance, request, prefix };
}

it('Redis stopped before the click: a clear refusal, nothing run; Redis back: the same click runs it once', async () => {
  const t = setup();
  const { service } = t.instance();
  const a = await t.request(service);
  await redis.kill();
  try {
    const o = await service.approve(a.id, slack(APPROVER));
    expect(o.kind === 'refused' && o.code).toBe('store-unavailable');
    expect(o.kind === 'refused' && o.message).toMatch(/redis 127\.0\.0\.1:\d+.*nothing was run/);
    expect(o.kind === 'refused' && o.hint).toMatch(/Redis reachable/);
    const r = await service.requestAction({
      action: 'restart-backend',
      target: 'prod',
      requester: slack(REQUESTER),
      reason: 'again',
    });
    expect(r.kind === 'refused' && r.code).toBe('store-unavailable');
  } finally {
    await redis.start();
  }
  expect(t.server.state.sudo).toHaveLength(0);
  const again = await service.approve(a.id, slack(APPROVER));
  expect(again.kind === 'executed' && again.result.verdict).toBe('succeeded');
  expect((await service.approve(a.id, slack(APPROVER2))).kind).toBe('refused');
  expect(t.server.state.sudo).toHaveLength(1);
}, 60_000);

it('Redis stopped while the command runs: the result write is retried until Redis is back; it ran once', async () => {
  const t = setup('', { resultWriteAttempts: 8, resultRetryMs: 250 });
  let started!: () => void;
  const sudoStarted = new Promise<void>((r) => (started = r));
  let finish!: () => void;
  const gate = new Promise<void>((r) => (finish = r));
  const slow: Transport = {
    describe: 'slow',
    close: async () => undefined,
    exec: async (argv, opts) => {
      if (opts?.sudo) {
        started();
        await gate;
      }
      return t.server.transport.exec(argv, opts);
    },
  };
  const { service } = t.instance(slow);
  const a = await t.request(service);
  const run = service.approve(a.id, slack(APPROVER));
  await sudoStarted;
  await redis.kill();
  finish();
  // Back within the retries (250, 500, 1000, 2000 … ms).
  setTimeout(() => void redis.start(), 1_500);
  const o = await run;
  expect(o.kind === 'executed' && o.result.verdict).toBe('succeeded');
  await new Promise((r) => setTimeout(r, 200));
  expect((await service.get(a.id))?.status).toBe('succeeded');
  const events = (await t.audit.read()).filter((r) => r.approvalId === a.id).map((r) => r.event);
  expect(events).toContain('action.executed');
  expect(events).not.toContain('action.save-failed');
  expect(t.server.state.sudo).toHaveLength(1);
}, 60_000);

describe('two instances on one Redis, approvalsNeeded 2', () => {
  it('a late "1 of 2" write held back past a deny is refused: the approval stays denied, nothing runs', async () => {
    const t = setup('  approvalsNeeded: 2\n');
    const gated = new GatedStore(new RedisStore({ url: redis.url, prefix: t.prefix }));
    const one = new ApprovalService({
      config: testConfig('  approvalsNeeded: 2\n'),
      store: gated,
      audit: t.audit,
      transportFor: () => t.server.transport,
      findCheck,
    });
    open.push(gated.inner as RedisStore);
    const { service: two } = t.instance();
    const a = await t.request(two);
    const release = gated.holdNextWrite();
    const vote = one.approve(a.id, slack(APPROVER));
    await gated.held;
    expect((await two.deny(a.id, slack(APPROVER2), 'not now')).kind).toBe('denied');
    release();
    expect(((await vote) as Outcome & { code?: string }).code).toBe('already-decided');
    expect((await two.get(a.id))?.status).toBe('denied');
    expect(t.server.state.sudo).toHaveLength(0);
  }, 60_000);

  it('many clicks, denies, card writes and sweeps racing on both instances: never back to pending, never twice', async () => {
    const t = setup('  approvalsNeeded: 2\n  actionsPerHour: { restart-backend: 100 }\n');
    const x = t.instance();
    const y = t.instance();
    let runs = 0;
    for (let round = 0; round < 12; round++) {
      const a = await t.request(x.service);
      const before = t.server.state.sudo.length;
      const decided = (o: Outcome) => o.kind === 'executed' || o.kind === 'denied';
      const results = await Promise.all([
        x.service.approve(a.id, slack(APPROVER)),
        y.service.approve(a.id, slack(APPROVER2)),
        y.service.approve(a.id, slack(APPROVER)),
        x.service.approve(a.id, slack(APPROVER2)),
        ...(round % 3 === 0
          ? [x.service.deny(a.id, slack(APPROVER2), 'race'), y.service.deny(a.id, slack(APPROVER), 'race')]
          : []),
        x.service.setMeta(a.id, { ts: `1.${round}` }).then(() => ({ kind: 'meta' }) as never),
        y.service.expire().then(() => ({ kind: 'sweep' }) as never),
      ]);
      const final = (await x.service.get(a.id))!;
      expect(['succeeded', 'denied']).toContain(final.status);
      const ran = t.server.state.sudo.length - before;
      expect(ran).toBe(final.status === 'succeeded' ? 1 : 0);
      expect((results as Outcome[]).filter(decided)).toHaveLength(1);
      // A late write after the decision: the card details land, the state stays.
      expect((await y.service.setMeta(a.id, { late: 'yes' }))?.status).toBe(final.status);
      runs += ran;
    }
    expect(t.server.state.sudo).toHaveLength(runs);
  }, 120_000);
});
