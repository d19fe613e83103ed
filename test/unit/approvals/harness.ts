/**
 * Two "instances" of the approval service on one file store (as two bots on
 * one machine would be), with a store wrapper that can hold a write back:
 * a late write arrives after another instance has moved on.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCheck } from '../../../src/checks/registry.js';
import { ApprovalService, type ApprovalServiceDeps } from '../../../src/approvals/service.js';
import type { Actor } from '../../../src/approvals/approval.js';
import { AuditLog } from '../../../src/audit/audit-log.js';
import { FileStore } from '../../../src/store/file-store.js';
import type { Store } from '../../../src/store/store.js';
import { fakeServer, REQUESTER, testConfig, type ServerState } from './fake-server.js';

/** A store whose next compare-and-set can be held until released (a slow or late writer). */
export class GatedStore implements Store {
  private gate: { release: () => void; reached: () => void; wait: Promise<void> } | undefined;
  /** Resolves when a held write has read its version and is waiting. */
  held: Promise<void> = Promise.resolve();
  /** Throw on every call while set (Redis down, disk full). */
  failing: Error | undefined;

  constructor(readonly inner: Store) {}
  get describe() {
    return this.inner.describe;
  }
  /** Hold the next compare-and-set until `release()`. */
  holdNextWrite(): () => void {
    let release!: () => void;
    let reached!: () => void;
    const wait = new Promise<void>((r) => (release = r));
    this.held = new Promise<void>((r) => (reached = r));
    this.gate = { release, reached, wait };
    return release;
  }
  private check() {
    if (this.failing) throw this.failing;
  }
  async getRecord(...a: Parameters<Store['getRecord']>) {
    this.check();
    return this.inner.getRecord(...a);
  }
  async compareAndSet(...a: Parameters<Store['compareAndSet']>) {
    this.check();
    const g = this.gate;
    if (g && a[0] === 'approval') {
      this.gate = undefined;
      g.reached();
      await g.wait;
    }
    this.check();
    return this.inner.compareAndSet(...a);
  }
  async listRecords(...a: Parameters<Store['listRecords']>) {
    this.check();
    return this.inner.listRecords(...a);
  }
  async claim(k: string, t: number) {
    this.check();
    return this.inner.claim(k, t);
  }
  async seen(k: string, t: number) {
    this.check();
    return this.inner.seen(k, t);
  }
  async addMember(k: string, m: string, t: number) {
    this.check();
    return this.inner.addMember(k, m, t);
  }
  close() {
    return this.inner.close();
  }
}

export const slack = (id: string, channel = 'C0OPS'): Actor => ({ id, via: 'slack', channel });

export function twoInstances(
  options: { policy?: string; server?: Partial<ServerState>; deps?: Partial<ApprovalServiceDeps> } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'oms-approvals-cas-'));
  const clock = { t: Date.parse('2026-11-22T10:00:00Z') };
  const now = () => new Date(clock.t);
  const server = fakeServer(options.server);
  const audit = new AuditLog({ file: join(dir, 'audit.jsonl'), now });
  const make = (store: Store) =>
    new ApprovalService({
      config: testConfig(options.policy),
      store,
      audit,
      transportFor: () => server.transport,
      findCheck,
      now,
      postCheckAttempts: 1,
      postCheckDelayMs: 0,
      resultRetryMs: 1,
      ...options.deps,
    });
  const storeA = new GatedStore(new FileStore({ dir: join(dir, 'store'), now: () => clock.t }));
  const storeB = new GatedStore(new FileStore({ dir: join(dir, 'store'), now: () => clock.t }));
  const a = make(storeA);
  const b = make(storeB);
  const request = async (action = 'restart-backend') => {
    const o = await a.requestAction({
      action,
      target: 'prod',
      requester: slack(REQUESTER),
      reason: 'backend down',
      meta: { channel: 'C0OPS' },
    });
    if (o.kind !== 'requested') throw new Error(JSON.stringify(o));
    return o.approval;
  };
  return { dir, clock, server, audit, storeA, storeB, a, b, request, make };
}
