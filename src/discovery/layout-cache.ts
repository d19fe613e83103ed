/**
 * Where discoveries are kept between requests: in this process (tests, the
 * built-in default), or in the store (file or Redis), so the command line, the
 * console and every bot instance share one discovery per target and TTL.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { Discovery } from './layout.js';

export interface LayoutCache {
  get(key: string): Promise<Discovery | undefined>;
  put(key: string, value: Discovery, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** In-process cache with expiry; `now` is injected so tests need no sleeping. */
export function memoryLayoutCache(now: () => number = Date.now): LayoutCache {
  const entries = new Map<string, { value: Discovery; until: number }>();
  return {
    async get(key) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.until <= now()) {
        entries.delete(key);
        return undefined;
      }
      return e.value;
    },
    async put(key, value, ttlMs) {
      entries.set(key, { value, until: now() + ttlMs });
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}

/** Record ids are a hash of the cache key (a target's name and how it is reached): safe for files and Redis. */
function recordId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** How long a forgotten entry is kept as a tombstone (any later `put` replaces it). */
const TOMBSTONE_MS = 60_000;

/**
 * The store's versioned records as a layout cache. Writes are compare-and-set on the version read just
 * before: two processes discovering at once both write, the later one wins, neither fails. The cache is an
 * optimisation: a store that cannot be read or written (Redis down, a data directory this user may not
 * write) costs a discovery per request, never a diagnosis; it is logged once.
 */
export function storeLayoutCache(store: Store, log?: (line: string) => void): LayoutCache {
  let told = false;
  const failed = (what: string, e: unknown) => {
    if (told) return;
    told = true;
    log?.(
      `警告 / warning: 布局缓存不可用 / the layout cache is unavailable: could not ${what} ${store.describe} ` +
        `(${(e as Error)?.message ?? e}); discovering on every request until it works again — ` +
        '检查 REDIS_URL，或 dataDir 是否可写 / check REDIS_URL, or that dataDir is writable',
    );
  };
  const write = async (key: string, discovery: Discovery | null, ttlMs: number) => {
    const id = recordId(key);
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = await store.getRecord('layout', id);
        const r = await store.compareAndSet('layout', id, current?.version ?? 0, { discovery }, ttlMs);
        if (r.ok) return;
      }
      log?.(`layout cache: ${key} changed under three writes in a row; left as the other writer put it`);
    } catch (e) {
      failed('write to', e);
    }
  };
  return {
    async get(key) {
      let rec: Awaited<ReturnType<Store['getRecord']>>;
      try {
        rec = await store.getRecord('layout', recordId(key));
      } catch (e) {
        failed('read', e);
        return undefined;
      }
      if (!rec) return undefined;
      // The record's schema (zod) is loaded on the first read, not with every start of the command.
      const { recordSchema } = await import('./layout-record.js');
      const parsed = recordSchema.safeParse(rec.value);
      if (!parsed.success) {
        log?.(`layout cache: the stored record for ${key} does not parse; discovering again`);
        return undefined;
      }
      return (parsed.data.discovery as Discovery | null) ?? undefined;
    },
    put: (key, value, ttlMs) => write(key, value, ttlMs),
    delete: (key) => write(key, null, TOMBSTONE_MS),
  };
}
