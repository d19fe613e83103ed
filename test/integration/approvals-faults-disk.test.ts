/**
 * A full disk under the store and the audit log: a real 64 KiB tmpfs (the
 * tests run as root), filled to the last block. New requests are refused
 * with a clear message and nothing runs; once space is back everything works
 * and the audit chain has no half-written line.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalService } from '../../src/approvals/service.js';
import { AuditLog } from '../../src/audit/audit-log.js';
import { findCheck } from '../../src/checks/registry.js';
import { FileStore } from '../../src/store/file-store.js';
import { APPROVER, fakeServer, REQUESTER, testConfig } from '../unit/approvals/fake-server.js';

let mount: string;
const ops = { id: REQUESTER, via: 'slack' as const, channel: 'C0OPS' };

beforeAll(() => {
  mount = mkdtempSync(join(tmpdir(), 'oms-faults-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', mount]);
});
afterAll(() => {
  execFileSync('umount', [mount]);
  rmSync(mount, { recursive: true, force: true });
});

/** Fill the file system to the last byte; returns a function that frees it again. */
function fill(dir: string): () => void {
  const filler = join(dir, 'filler');
  const chunk = Buffer.alloc(1024, 120);
  try {
    for (;;) appendFileSync(filler, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  }
  try {
    for (;;) appendFileSync(filler, 'x');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  }
  return () => unlinkSync(filler);
}

function setup(where: { store: string; audit: string }) {
  const server = fakeServer();
  mkdirSync(where.store, { recursive: true });
  const audit = new AuditLog({ file: where.audit });
  const store = new FileStore({ dir: where.store });
  const service = new ApprovalService({
    config: testConfig(),
    store,
    audit,
    transportFor: () => server.transport,
    findCheck,
    postCheckAttempts: 1,
    postCheckDelayMs: 0,
    resultRetryMs: 1,
  });
  const request = () =>
    service.requestAction({
      action: 'restart-backend',
      target: 'prod',
      requester: ops,
      reason: 'down',
      meta: { channel: 'C0OPS' },
    });
  return { server, audit, store, service, request };
}

it('store and audit log on a full disk: the request is refused (audit log), nothing stored; space back: it works', async () => {
  const dir = join(mount, 'both');
  const t = setup({ store: join(dir, 'store'), audit: join(dir, 'audit.jsonl') });
  await t.store.listRecords('approval'); // the store's directories exist before the disk fills
  const free = fill(mount);
  const o = await t.request();
  expect(o.kind === 'refused' && o.code).toBe('audit-unavailable');
  expect(o.kind === 'refused' && o.message).toMatch(/audit log cannot be written.*nothing will run/);
  expect(o.kind === 'refused' && o.hint).toMatch(/df -h/);
  free();
  expect(await t.store.listRecords('approval')).toEqual([]);
  const ok = await t.request();
  if (ok.kind !== 'requested') throw new Error(JSON.stringify(ok));
  expect((await t.service.approve(ok.approval.id, { id: APPROVER, via: 'slack', channel: 'C0OPS' })).kind).toBe(
    'executed',
  );
  expect(t.server.state.sudo).toHaveLength(1);
  expect(await t.audit.verify()).toMatchObject({ ok: true });
});

it('only the store on a full disk: requests refused (store), a pending approval cannot be approved; nothing runs', async () => {
  const dir = join(mount, 'store-only');
  const t = setup({ store: join(dir, 'store'), audit: join(mkdtempSync(join(tmpdir(), 'oms-audit-')), 'audit.jsonl') });
  const pending = await t.request();
  if (pending.kind !== 'requested') throw new Error(JSON.stringify(pending));
  const free = fill(mount);
  try {
    const o = await t.request();
    expect(o.kind === 'refused' && o.code).toBe('store-unavailable');
    expect(o.kind === 'refused' && o.message).toMatch(/ENOSPC|no space left/);
    const click = await t.service.approve(pending.approval.id, { id: APPROVER, via: 'slack', channel: 'C0OPS' });
    expect(click.kind === 'refused' && click.code).toBe('store-unavailable');
    expect(click.kind === 'refused' && click.message).toMatch(/nothing was run/);
    expect(t.server.state.sudo).toHaveLength(0);
  } finally {
    free();
  }
  expect((await t.service.get(pending.approval.id))?.status).toBe('pending');
});

it('only the audit log on a full disk: an approved action is not run unrecorded', async () => {
  const dir = join(mount, 'audit-only');
  mkdirSync(dir, { recursive: true });
  const t = setup({ store: join(mkdtempSync(join(tmpdir(), 'oms-store-')), 'store'), audit: join(dir, 'audit.jsonl') });
  const pending = await t.request();
  if (pending.kind !== 'requested') throw new Error(JSON.stringify(pending));
  const free = fill(mount);
  try {
    const o = await t.service.approve(pending.approval.id, { id: APPROVER, via: 'slack', channel: 'C0OPS' });
    expect(o.kind === 'executed' && o.result.verdict).toBe('precondition-failed');
    expect(o.kind === 'executed' && o.result.summary).toMatch(/audit log cannot be written.*nothing was run/);
    expect(t.server.state.sudo).toHaveLength(0);
    expect((await t.service.get(pending.approval.id))?.status).toBe('refused');
  } finally {
    free();
  }
  // No half-written line was left behind: the chain is whole.
  expect(await t.audit.verify()).toMatchObject({ ok: true });
});
