import { resolveTarget } from '../command/resolve.js';
import type { AppDeps, UnknownTarget } from './deps.js';

/** `users …`: the bulk import's sheets name the target's admin URL; an unknown target is refused. */
export function usersTarget(
  request: { target?: string },
  deps: Pick<AppDeps, 'config'>,
): { kind: 'target'; publicUrl: string; name: string } | UnknownTarget {
  const t = resolveTarget(request.target, deps.config);
  if (!t) return { kind: 'unknown-target', name: request.target ?? deps.config.defaultTarget };
  return { kind: 'target', publicUrl: t.publicUrl, name: t.name };
}
