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

it('a crash right after the move to executing: the restart never runs it again and marks it unknown, audited', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'oms-restart-'));
  const server = fakeServer();
  const r = await boot(dataDir, server).requestAction({
    action: 'restart-backend',
    target: 'prod',
    requester: { id: REQUESTER, via: 'slack' },
    reason: 'down',
  });
  if (r.kind !== 'requested') throw new Error('refused');
  // What the crashed process left: the record says executing, owned by a process of this host that is gone.
  const store = new FileStore({ dir: join(dataDir, 'store') });
  const cur = await store.getRecord('approval', r.approval.id);
  const executing = {
    ...r.approval,
    status: 'executing',
    approvedBy: [{ by: APPROVER, via: 'slack', at: new Date().toISOString() }],
    decidedAt: new Date().toISOString(),
    executingUntil: new Date(Date.now() + 600_000).toISOString(),
    owner: { host: 'this-host', pid: 999_999 },
    verify: ['systemctl status oms-backend'],
  };
  expect((await store.compareAndSet('approval', r.approval.id, cur!.version, executing, 60_000)).ok).toBe(true);

  const restarted = new ApprovalService({
    config: testConfig(),
    store: new FileStore({ dir: join(dataDir, 'store') }),
    audit: new AuditLog({ file: join(dataDir, 'audit.jsonl') }),
    transportFor: () => server.transport,
    findCheck,
    instance: { host: 'this-host', pid: 1234 },
    isProcessAlive: (pid) => pid === 1234,
  });
  // A click on it after the restart settles it at once: unknown (the card is updated), never run again.
  const o = await restarted.approve(r.approval.id, { id: APPROVER2, via: 'slack' });
  expect(o.kind).toBe('unknown');
  expect(o.kind === 'unknown' && o.message).toMatch(/is gone.*may or may not have run.*systemctl status oms-backend/);
  expect(await restarted.expire()).toEqual([]);
  expect((await restarted.get(r.approval.id))?.status).toBe('unknown');
  const audit = await new AuditLog({ file: join(dataDir, 'audit.jsonl') }).read();
  expect(audit.filter((a) => a.event === 'action.unknown')).toHaveLength(1);
  expect(server.state.sudo).toHaveLength(0);
  // Unknown is terminal: no later click, retry or sweep brings it back.
  expect((await restarted.approve(r.approval.id, { id: APPROVER, via: 'slack' })).kind).toBe('refused');
  expect(await restarted.expire()).toEqual([]);
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
