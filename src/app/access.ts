import type { Config } from '../config/config.js';
import type { Target } from '../config/target.js';
import { resolveTarget } from '../command/resolve.js';
import type { LayoutService } from '../discovery/layout-service.js';
import { redact } from '../redact.js';
import type { Unavailable, UnknownTarget } from './results.js';

/**
 * The single import point of `keyscan`, `sudoers` and `doctor` for the front
 * ends and main.ts (they live in src/access).
 */
export { accessTools, type AccessTools } from '../access/access-tools.js';
import type { AccessTools } from '../access/access-tools.js';

/** The answer of keyscan, sudoers or doctor: text to show, and whether all was well. */
export type AccessResult = { kind: 'text'; text: string; ok: boolean } | UnknownTarget | Unavailable;

/** What the access verbs need (a subset of AppDeps, declared here so deps.ts can import AccessTools). */
type AccessDeps = { config: Config; access?: AccessTools; layout?: LayoutService };

function withTarget(
  name: string | undefined,
  deps: AccessDeps,
  run: (tools: AccessTools, target: Target) => Promise<AccessResult>,
): Promise<AccessResult> {
  if (!deps.access) return Promise.resolve({ kind: 'unavailable', what: 'access' });
  const target = resolveTarget(name, deps.config);
  if (!target) return Promise.resolve({ kind: 'unknown-target', name: name ?? deps.config.defaultTarget });
  return run(deps.access, target);
}

/** `keyscan <target>`: the host key fingerprint to pin. */
export function keyscan(request: { target: string }, deps: AccessDeps): Promise<AccessResult> {
  return withTarget(request.target, deps, async (tools, t) => ({
    kind: 'text',
    text: await tools.keyscan(t),
    ok: true,
  }));
}

/** `sudoers [--user U] [--target T]`: the drop-in for the whitelisted actions. */
export function sudoers(request: { user?: string; target?: string }, deps: AccessDeps): Promise<AccessResult> {
  return withTarget(request.target, deps, async (tools, t) => ({
    kind: 'text',
    text: tools.sudoers(t, request.user ?? t.user ?? 'omsbot'),
    ok: true,
  }));
}

/**
 * `doctor [target]`: the bot's own access, step by step, on the layout a diagnosis would use (discovered
 * where the config is silent); then where the config disagrees with the server and what discovery could not
 * decide (warnings: they do not make doctor fail).
 */
export function doctor(request: { target?: string }, deps: AccessDeps): Promise<AccessResult> {
  return withTarget(request.target, deps, async (tools, t) => {
    const layout = deps.layout ? await deps.layout.layoutFor(t) : undefined;
    const r = await tools.doctor(layout?.target ?? t, deps.config);
    if (!layout) return { kind: 'text', ...r };
    const lines = layout.notices.length
      ? layout.notices.map((n) => `! warn layout                 ${n}`)
      : [`✔ ok   layout                 ${layout.cached ? 'from the cache' : 'discovered'} (\`discover ${t.name}\`)`];
    return { kind: 'text', text: redact([r.text, ...lines].join('\n')), ok: r.ok };
  });
}
