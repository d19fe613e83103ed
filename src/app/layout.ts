import type { Target } from '../config/target.js';
import { resolveTarget } from '../command/resolve.js';
import type { LayoutResult } from '../discovery/layout-service.js';
import { renderLayout } from '../discovery/render-layout.js';
import { runPlaybook } from '../engine/engine.js';
import type { Report } from '../engine/report.js';
import { findPlaybook } from '../playbooks/find.js';
import { renderText } from '../render/text.js';
import { PLAIN } from '../render/style.js';
import type { Bundle } from '../support-bundle/collect.js';
import { oncePerRun } from '../transport/once-per-run.js';
import { TransportError } from '../transport/transport.js';
import type { AppActor, AppDeps } from './deps.js';
import { recordReport } from './run.js';
import type { UnknownTarget } from './results.js';

/** Discovery is not wired in this process (a runner built without a LayoutService): nothing was run. */
export interface NoDiscovery {
  kind: 'no-discovery';
}

/** The target could not be reached (connection, key, host key): nothing was collected. */
export interface Unreachable {
  kind: 'unreachable';
  target: string;
  message: string;
  hint: string;
}

/** What `discover [target]` comes to. */
export type DiscoverResult =
  { kind: 'layout'; target: Target; layout: LayoutResult } | UnknownTarget | NoDiscovery | Unreachable;

function unreachable(target: Target, e: unknown): Unreachable {
  if (!(e instanceof TransportError)) throw e;
  return { kind: 'unreachable', target: target.name, message: e.message, hint: e.hint };
}

/** `discover [target]`: ask the server now (the answer also refreshes the cache a diagnosis uses). */
export async function discoverLayout(
  request: { target?: string },
  deps: Pick<AppDeps, 'config' | 'layout'>,
): Promise<DiscoverResult> {
  const target = resolveTarget(request.target, deps.config);
  if (!target) return { kind: 'unknown-target', name: request.target ?? deps.config.defaultTarget };
  if (!deps.layout) return { kind: 'no-discovery' };
  try {
    return { kind: 'layout', target, layout: await deps.layout.discover(target, { fresh: true }) };
  } catch (e) {
    return unreachable(target, e);
  }
}

/** What `bundle [target]` comes to: the archive (not yet written or uploaded), or why there is none. */
export type BundleResult =
  { kind: 'bundle'; target: Target; bundle: Bundle; fileName: string; report?: Report } | UnknownTarget | Unreachable;

export interface BundleHooks {
  /** Called once the layout is known, before the bundle's commands run (a progress line, a root message). */
  onStart?(start: { target: Target; transport: string }): Promise<void> | void;
}

/**
 * `bundle [target]`: discover the layout (when wired), then collect the bundle's
 * parts while the checklist runs; the checklist report is recorded in the audit
 * log like any diagnosis and put in the bundle. The front end writes or uploads it.
 */
export async function collectBundle(
  request: { target?: string },
  actor: AppActor,
  deps: Pick<
    AppDeps,
    'config' | 'layout' | 'transportFor' | 'playbooks' | 'findCheck' | 'now' | 'audit' | 'onAuditError'
  >,
  hooks: BundleHooks = {},
): Promise<BundleResult> {
  const base = resolveTarget(request.target, deps.config);
  if (!base) return { kind: 'unknown-target', name: request.target ?? deps.config.defaultTarget };
  let target = base;
  let layout: string | undefined;
  // Discovery, the bundle's parts and the checklist ask for some commands more than once (`nginx -T`, the unit
  // file, the .env files): through one wrapper each runs once.
  const transport = oncePerRun(deps.transportFor(base));
  try {
    if (deps.layout) {
      const r = await deps.layout.discover(base, { fresh: true, via: transport });
      target = r.resolved.target;
      layout = renderLayout(base.name, r.discovery, r.resolved);
    }
    await hooks.onStart?.({ target, transport: transport.describe });
    const checklist = findPlaybook(deps.playbooks, 'checklist');
    let report: Report | undefined;
    // The bundle writer (tar, gzip) loads only when a bundle is asked for.
    const { buildBundle } = await import('../support-bundle/collect.js');
    const { defaultBundleName } = await import('../support-bundle/command.js');
    const now = deps.now?.() ?? new Date();
    const bundle = await buildBundle({
      target,
      transport,
      now,
      layout,
      diagnosis: checklist
        ? (async () => {
            report = await runPlaybook(checklist, target, transport, { findCheck: deps.findCheck, now: deps.now });
            await recordReport(report, actor, deps);
            return renderText(report, PLAIN, { verbose: true });
          })()
        : undefined,
    });
    return {
      kind: 'bundle',
      target,
      bundle,
      fileName: defaultBundleName(base.name, now),
      ...(report ? { report } : {}),
    };
  } catch (e) {
    return unreachable(base, e);
  }
}
