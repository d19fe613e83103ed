/**
 * Two bot instances sharing a real redis-server: each has its own Redis
 * connection, approval service and audit file, as two processes would. Socket
 * Mode may deliver clicks on the same approval to both at the same moment.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalService } from '../../src/approvals/service.js';
import { approvalReference } from '../../src/approvals/reference.js';
import { AuditLog } from '../../src/audit/audit-log.js';
import { parseLine } from '../../src/audit/audit-record.js';
import { findCheck } from '../../src/checks/registry.js';
import { RedisStore } from '../../src/store/redis-store.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { APPROVER, APPROVER2, fakeServer, REQUESTER, testConfig } from '../unit/approvals/fake-server.js';

let redis: TestRedis;
const stores: RedisStore[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await redis?.stop();
});

function instances(prefix: string, server: ReturnType<typeof fakeServer>) {
  const dir = mkdtempSync(join(tmpdir(), 'oms-two-bots-'));
  return [1, 2].map((n) => {
    const store = new RedisStore({ url: redis.url, prefix });
    stores.push(store);
    const audit = new AuditLog({ file: join(dir, `bot${n}.jsonl`), mirrors: [store] });
    const service = new ApprovalService({
      config: testConfig(),
      store,
      audit,
      transportFor: () => server.transport,
      findCheck,
      postCheckAttempts: 1,
      postCheckDelayMs: 0,
    });
    return { store, audit, service, file: join(dir, `bot${n}.jsonl`) };
  });
}

it('one approval clicked on both instances at once executes exactly once', async () => {
  const server = fakeServer();
  const [bot1, bot2] = instances('once:', server);
  const req = await bot1!.service.requestAction({
    action: 'restart-backend',
    target: 'prod',
    requester: { id: REQUESTER, via: 'slack' },
    reason: 'backend down',
  });
  expect(req.kind).toBe('requested');
  if (req.kind !== 'requested') return;
  const value = approvalReference(req.approval);
  // Two approvers at the same second, each click also retried by Slack, spread over both instances.
  const outcomes = await Promise.all([
    bot1!.service.approve(value, { id: APPROVER, via: 'slack' }),
    bot2!.service.approve(value, { id: APPROVER2, via: 'slack' }),
    bot2!.service.approve(value, { id: APPROVER, via: 'slack' }),
    bot1!.service.approve(value, { id: APPROVER2, via: 'slack' }),
  ]);
  expect(outcomes.filter((o) => o.kind === 'executed')).toHaveLength(1);
  expect(outcomes.filter((o) => o.kind === 'refused' && o.code === 'already-decided')).toHaveLength(3);
  expect(server.state.sudo).toEqual([['/usr/bin/systemctl', 'restart', 'oms-backend']]);
  // Either instance sees the final state.
  expect((await bot2!.service.get(req.approval.id))?.status).toBe('succeeded');
  expect((await bot1!.service.get(req.approval.id))?.status).toBe('succeeded');
  // The audit trail of both instances is in Redis, one executed record in all.
  const shared = (await bot1!.store.readList('audit')).map((l) => parseLine(l)!);
  expect(shared.filter((r) => r.event === 'action.executed')).toHaveLength(1);
  expect(shared.filter((r) => r.event === 'action.refused')).toHaveLength(3);
  const files = [bot1!.file, bot2!.file].map((f) => readFileSync(f, 'utf8').trim().split('\n').length);
  expect(files[0]! + files[1]!).toBe(shared.length);
  // The mirror carries each file's chained lines as written (prev hashes included); each file verifies.
  expect(shared.every((r) => typeof r.prev === 'string' && /^[0-9a-f]{64}$/.test(r.prev))).toBe(true);
  for (const f of [bot1!.file, bot2!.file])
    expect(await new AuditLog({ file: f }).verify()).toMatchObject({ ok: true });
});

it('a pending approval requested on one instance is approved on the other; expiry sweeps on both mark it once', async () => {
  const server = fakeServer();
  const [bot1, bot2] = instances('cross:', server);
  const a = await bot1!.service.requestAction({
    action: 'restart-backend',
    target: 'prod',
    requester: { id: REQUESTER, via: 'slack' },
    reason: 'down',
  });
  const b = await bot1!.service.requestAction({
    action: 'restart-backend',
    target: 'prod',
    requester: { id: REQUESTER, via: 'slack' },
    reason: 'down again',
  });
  if (a.kind !== 'requested' || b.kind !== 'requested') throw new Error('requests refused');
  expect((await bot2!.service.approve(a.approval.id, { id: APPROVER, via: 'slack' })).kind).toBe('executed');
  const later = new Date(Date.now() + 16 * 60_000);
  const [e1, e2] = await Promise.all([bot1!.service.expire(later), bot2!.service.expire(later)]);
  expect([...e1, ...e2].map((o) => o.kind === 'expired' && o.approval.id)).toEqual([b.approval.id]);
  expect(server.state.sudo).toHaveLength(1);
});
