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
import { memoryLayoutCache, type LayoutCache } from './layout-cache.js';
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

export { memoryLayoutCache, storeLayoutCache, type LayoutCache } from './layout-cache.js';

export interface LayoutResult {
  discovery: Discovery;
  resolved: ResolvedLayout;
  /** The discovery came from the cache (no command ran). */
  cached: boolean;
}

/** What a diagnosis runs on: the target with its layout filled in, and what the operator should know. */
export interface TargetLayout {
  target: Target;
  notices: string[];
  /** The layout came from the cache (discovered by an earlier request). */
  cached: boolean;
}

/** The cache key: the target's name and how it is reached (a changed host or service is another server). */
function cacheKey(t: Target): string {
  return JSON.stringify([t.name, t.host, t.port, t.service]);
}

function layoutOf(t: Target): string {
  return JSON.stringify([t.paths, t.backendBind, t.nginxListen]);
}

export class LayoutService {
  private readonly ttlMs: number;
  private readonly cache: LayoutCache;

  constructor(private readonly deps: { transportFor(target: Target): Transport; cache?: LayoutCache; ttlMs?: number }) {
    this.ttlMs = deps.ttlMs ?? DEFAULT_LAYOUT_TTL_MS;
    this.cache = deps.cache ?? memoryLayoutCache();
  }

  /**
   * Ask the server (or the cache unless `fresh`). Rejects with TransportError when the target is unreachable.
   * `via` is the transport of the run that asks (src/app/run.ts: one run shares identical commands).
   */
  async discover(target: Target, options: { fresh?: boolean; via?: Transport } = {}): Promise<LayoutResult> {
    const key = cacheKey(target);
    const hit = options.fresh ? undefined : await this.cache.get(key);
    const discovery = hit ?? (await discover(options.via ?? this.deps.transportFor(target), target));
    if (!hit) await this.cache.put(key, discovery, this.ttlMs);
    return { discovery, resolved: applyLayout(target, discovery), cached: hit !== undefined };
  }

  /**
   * The target a diagnosis runs on, and what the operator should know about its
   * layout (config values the server contradicts, parts discovery could not decide).
   * An unreachable target is returned as it is: the diagnosis reports it unreachable the usual way.
   */
  async layoutFor(target: Target, via?: Transport): Promise<TargetLayout> {
    try {
      const r = await this.discover(target, via ? { via } : {});
      const undecided = r.discovery.undecided.map((u) => `${u.keys.join(', ')}: ${u.reason}`);
      return { target: r.resolved.target, notices: [...r.resolved.conflicts, ...undecided], cached: r.cached };
    } catch (e) {
      if (e instanceof TransportError) return { target, notices: [], cached: false };
      throw e;
    }
  }

  /** {@link layoutFor} without the notices. */
  async targetFor(target: Target): Promise<Target> {
    return (await this.layoutFor(target)).target;
  }

  /** The cached layout of a target, if discovery ran within the TTL (nothing runs on the server). */
  async cached(target: Target): Promise<ResolvedLayout | undefined> {
    const d = await this.cache.get(cacheKey(target));
    return d ? applyLayout(target, d) : undefined;
  }

  /** Forget a target's discovery: the next diagnosis asks the server again. */
  async forget(target: Target): Promise<void> {
    await this.cache.delete(cacheKey(target));
  }

  /**
   * After a report on a layout from the cache: when a check found a path of it missing, the server may have
   * moved since, so ask it again now. Answers the fresh layout when it differs from the one `used` (the
   * caller diagnoses once more with it), else undefined. A layout discovered for this very request is not
   * asked again: the path is missing on the server, which is what the report says.
   */
  async afterReport(
    base: Target,
    used: TargetLayout,
    report: Pick<Report, 'observations'>,
    via?: Transport,
  ): Promise<TargetLayout | undefined> {
    if (!used.cached) return undefined;
    if (!report.observations.some((o) => o.signals.some((s) => PATH_MISSING.has(s)))) return undefined;
    let fresh: LayoutResult;
    try {
      fresh = await this.discover(base, { fresh: true, ...(via ? { via } : {}) });
    } catch (e) {
      if (e instanceof TransportError) return undefined;
      throw e;
    }
    if (layoutOf(fresh.resolved.target) === layoutOf(used.target)) return undefined;
    const before = new Map(applyLayoutRows(base, used.target));
    const changed = fresh.resolved.rows
      .filter((r) => before.get(r.key) !== show(r.value))
      .map((r) => `${r.key}: ${before.get(r.key) ?? '?'} → ${show(r.value)} (${r.source})`);
    const notice =
      '布局已变化，已用新布局重新诊断 / the layout changed since it was discovered; diagnosed again with the fresh one: ' +
      changed.join('; ');
    return { target: fresh.resolved.target, notices: [notice], cached: false };
  }
}

function show(v: string | readonly string[]): string {
  return typeof v === 'string' ? v : v.join(', ');
}

/** The layout rows of a filled target, as `key → value` text. */
function applyLayoutRows(base: Target, filled: Target): [string, string][] {
  const none = { values: {}, notes: [], undecided: [] };
  const asExplicit = { ...filled, name: base.name, configured: [] };
  return applyLayout(asExplicit, none).rows.map((r) => [r.key, show(r.value)]);
}
