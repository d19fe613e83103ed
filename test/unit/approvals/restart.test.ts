/** A bot restart with the file store: a pending approval survives, and a decided one never runs again. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalService } from '../../../src/approvals/service.js';
import { approvalReference } from '../../../src/approvals/reference.js';
import { AuditLog } from '../../../src/audit/audit-log.js';
import { findCheck } from '../../../src/checks/registry.js';
import { FileStore } from '../../../src/store/file-store.js';
import { APPROVER, APPROVER2, fakeServer, REQUESTER, testConfig } from './fake-server.js';

/** One "process" of the bot: everything built fresh from the data directory, as main.ts does. */
function boot(dataDir: string, server: ReturnType<typeof fakeServer>, now?: () => Date) {
  return new ApprovalService({
    config: testConfig(),
    store: new FileStore({ dir: join(dataDir, 'store'), ...(now ? { now: () => now().getTime() } : {}) }),
    audit: new AuditLog({ file: join(dataDir, 'audit.jsonl') }),
    transportFor: () => server.transport,
    findCheck,
    postCheckAttempts: 1,
    postCheckDelayMs: 0,
    ...(now ? { now } : {}),
  });
}

it('a pending approval survives a restart and then runs once', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'oms-restart-'));
  const server = fakeServer();
  const before = boot(dataDir, server);
  const r = await before.requestAction({
    action: 'restart-backend',
    target: 'prod',
    requester: { id: REQUESTER, via: 'slack' },
    reason: 'down',
  });
  if (r.kind !== 'requested') throw new Error('refused');

  const after = boot(dataDir, server);
  expect((await after.get(r.approval.id))?.status).toBe('pending');
  const value = approvalReference(r.approval);
  expect((await after.approve(value, { id: APPROVER, via: 'slack' })).kind).toBe('executed');

  // Restart again; the same click (a Slack retry) on the new process does not run it again.
  const third = boot(dataDir, server);
  const replay = await third.approve(value, { id: APPROVER2, via: 'slack' });
  expect(replay.kind === 'refused' && replay.code).toBe('already-decided');
  expect(server.state.sudo).toHaveLength(1);
});

it('a claim taken just before a crash (status not yet written) still blocks a second run after the restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'oms-restart-'));
  const server = fakeServer();
  const bot = boot(dataDir, server);
  const r = await bot.requestAction({
    action: 'restart-backend',
    target: 'prod',
    requester: { id: REQUESTER, via: 'slack' },
    reason: 'down',
  });
  if (r.kind !== 'requested') throw new Error('refused');
  // The crashed process had claimed it: simulate exactly that state.
  expect(await new FileStore({ dir: join(dataDir, 'store') }).claim(`decide:${r.approval.id}`, 60_000)).toBe(true);
  const restarted = boot(dataDir, server);
  const o = await restarted.approve(r.approval.id, { id: APPROVER, via: 'slack' });
  expect(o.kind === 'refused' && o.code).toBe('already-decided');
  expect(o.kind === 'refused' && o.message).toMatch(/runs once/);
  expect(server.state.sudo).toHaveLength(0);
});

it('an approval that expired while the bot was down stays expired after the restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'oms-restart-'));
  const server = fakeServer();
  const clock = { t: Date.parse('2026-11-22T10:00:00Z') };
  const now = () => new Date(clock.t);
  const r = await boot(dataDir, server, now).requestAction({
    action: 'restart-backend',
    target: 'prod',
    requester: { id: REQUESTER, via: 'slack' },
    reason: 'down',
  });
  if (r.kind !== 'requested') throw new Error('refused');
  clock.t += 60 * 60_000;
  const restarted = boot(dataDir, server, now);
  expect((await restarted.expire()).map((o) => o.kind)).toEqual(['expired']);
  clock.t -= 59 * 60_000; // even a clock stepped back does not revive it
  const o = await boot(dataDir, server, now).approve(r.approval.id, { id: APPROVER, via: 'slack' });
  expect(o.kind === 'refused' && o.code).toBe('already-decided');
  expect(server.state.sudo).toHaveLength(0);
});
