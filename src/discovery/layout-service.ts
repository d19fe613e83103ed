/**
 * Discovery per target, cached with a TTL: `discover` always asks the server;
 * `targetFor` gives the target a diagnosis uses (unset paths filled from the
 * server, explicit config values kept) and asks the server only once per TTL.
 */
import type { Target } from '../config/target.js';
import type { Report } from '../engine/report.js';
import { TransportError, type Transport } from '../transport/transport.js';
import { applyLayout, type ResolvedLayout } from './apply-layout.js';
import { discover } from './discover.js';
import type { Discovery } from './layout.js';

export const DEFAULT_LAYOUT_TTL_MS = 10 * 60_000;

/** Signals of checks that looked for a file or directory of the layout and did not find it. */
const PATH_MISSING = new Set([
  'file-missing',
  'files-missing',
  'gunicorn-missing',
  'log-missing',
  'logdir-missing',
  'workdir-missing',
  'wsgi-missing',
  'dist-missing',
  'static-alias-missing',
  'media-alias-missing',
]);

/** Where discoveries are kept between requests (the memory cache below; any JSON key-value store fits). */
export interface LayoutCache {
  get(key: string): Discovery | undefined;
  put(key: string, value: Discovery, ttlMs: number): void;
  delete(key: string): void;
}

/** In-process cache with expiry; `now` is injected so tests need no sleeping. */
export function memoryLayoutCache(now: () => number = Date.now): LayoutCache {
  const entries = new Map<string, { value: Discovery; until: number }>();
  return {
    get(key) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.until <= now()) {
        entries.delete(key);
        return undefined;
      }
      return e.value;
    },
    put(key, value, ttlMs) {
      entries.set(key, { value, until: now() + ttlMs });
    },
    delete(key) {
      entries.delete(key);
    },
  };
}

export interface LayoutResult {
  discovery: Discovery;
  resolved: ResolvedLayout;
  /** The discovery came from the cache (no command ran). */
  cached: boolean;
}

export class LayoutService {
  private readonly ttlMs: number;
  private readonly cache: LayoutCache;

  constructor(private readonly deps: { transportFor(target: Target): Transport; cache?: LayoutCache; ttlMs?: number }) {
    this.ttlMs = deps.ttlMs ?? DEFAULT_LAYOUT_TTL_MS;
    this.cache = deps.cache ?? memoryLayoutCache();
  }

  /** Ask the server (or the cache unless `fresh`). Rejects with TransportError when the target is unreachable. */
  async discover(target: Target, options: { fresh?: boolean } = {}): Promise<LayoutResult> {
    const key = target.name;
    const hit = options.fresh ? undefined : this.cache.get(key);
    const discovery = hit ?? (await discover(this.deps.transportFor(target), target));
    if (!hit) this.cache.put(key, discovery, this.ttlMs);
    return { discovery, resolved: applyLayout(target, discovery), cached: hit !== undefined };
  }

  /**
   * The target a diagnosis runs on, and what the operator should know about its
   * layout (config values the server contradicts, parts discovery could not decide).
   * An unreachable target is returned as it is: the diagnosis reports it unreachable the usual way.
   */
  async layoutFor(target: Target): Promise<{ target: Target; notices: string[] }> {
    try {
      const r = await this.discover(target);
      const undecided = r.discovery.undecided.map((u) => `${u.keys.join(', ')}: ${u.reason}`);
      return { target: r.resolved.target, notices: [...r.resolved.conflicts, ...undecided] };
    } catch (e) {
      if (e instanceof TransportError) return { target, notices: [] };
      throw e;
    }
  }

  /** {@link layoutFor} without the notices. */
  async targetFor(target: Target): Promise<Target> {
    return (await this.layoutFor(target)).target;
  }

  /** The cached layout of a target, if discovery ran within the TTL (nothing runs). */
  cached(target: Target): ResolvedLayout | undefined {
    const d = this.cache.get(target.name);
    return d ? applyLayout(target, d) : undefined;
  }

  /** Forget a target's discovery: the next diagnosis asks the server again. */
  forget(target: Target): void {
    this.cache.delete(target.name);
  }

  /** A check found a path missing: the layout may have moved since it was discovered, so ask again next time. */
  afterReport(target: Target, report: Pick<Report, 'observations'>): void {
    if (report.observations.some((o) => o.signals.some((s) => PATH_MISSING.has(s)))) this.forget(target);
  }
}
