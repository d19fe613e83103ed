import type { Store } from '../store/store.js';
import type { Pause } from './records.js';
import type { WatchState } from './state.js';

export type { Pause } from './records.js';

/** The records' schemas (zod), loaded on the first read rather than with every start of the command. */
const records = () => import('./records.js');

/** How long a watch's records are kept after their last write (a watch removed from the config is forgotten). */
const RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * The watches' shared records in the store (file or Redis): the state of each
 * watch (versioned: a write based on an older read is refused), the lease that
 * says which bot instance runs it, and pauses. Times are the injected clock's,
 * so a test or the benchmark can run an hour in a second.
 */
export class WatchStore {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  get describe(): string {
    return this.store.describe;
  }

  /** The state and its version (0: never written). */
  async state(id: string): Promise<{ state: WatchState; version: number }> {
    const r = await this.store.getRecord('watch', id);
    const { parseWatchState } = await records();
    return { state: parseWatchState(r?.value), version: r?.version ?? 0 };
  }

  /** Write the state if nobody wrote since `version` was read; false: someone did, nothing was written. */
  async saveState(id: string, version: number, state: WatchState): Promise<boolean> {
    return (await this.store.compareAndSet('watch', id, version, state, RETENTION_MS)).ok;
  }

  /**
   * Take or renew the lease on a watch for `ttlMs`: granted when nobody holds
   * it, when `holder` already does, or when the holder let it expire (died).
   * Two instances asking at once: the compare-and-set lets one win.
   */
  async acquire(id: string, holder: string, ttlMs: number): Promise<boolean> {
    const cur = await this.store.getRecord('watch-lease', id);
    const lease = (await records()).leaseSchema.safeParse(cur?.value);
    const now = this.now();
    if (cur && lease.success && lease.data.holder !== holder && lease.data.expiresAt > now) return false;
    const next = { holder, expiresAt: now + ttlMs };
    return (await this.store.compareAndSet('watch-lease', id, cur?.version ?? 0, next, RETENTION_MS)).ok;
  }

  /** Give the lease up (a clean stop), so another instance takes the watch at its next tick. */
  async release(id: string, holder: string): Promise<void> {
    const cur = await this.store.getRecord('watch-lease', id);
    const lease = (await records()).leaseSchema.safeParse(cur?.value);
    if (!cur || !lease.success || lease.data.holder !== holder) return;
    await this.store.compareAndSet('watch-lease', id, cur.version, { holder, expiresAt: 0 }, RETENTION_MS);
  }

  /** Who holds the lease now, if anyone (for `watch list`). */
  async holder(id: string): Promise<string | undefined> {
    const { leaseSchema } = await records();
    const lease = leaseSchema.safeParse((await this.store.getRecord('watch-lease', id))?.value);
    return lease.success && lease.data.expiresAt > this.now() ? lease.data.holder : undefined;
  }

  /** The pause in force, if any. */
  async pause(id: string): Promise<Pause | undefined> {
    const { pauseSchema } = await records();
    const p = pauseSchema.safeParse((await this.store.getRecord('watch-pause', id))?.value);
    return p.success && p.data.until > this.now() ? p.data : undefined;
  }

  /** Pause until `until` (ms since the epoch), or lift the pause (`until` 0). Retries a concurrent write. */
  async setPause(id: string, until: number, by: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const cur = await this.store.getRecord('watch-pause', id);
      const r = await this.store.compareAndSet('watch-pause', id, cur?.version ?? 0, { until, by }, RETENTION_MS);
      if (r.ok) return;
    }
    throw new Error(`the pause of watch ${id} is being changed by another instance: try again`);
  }
}
