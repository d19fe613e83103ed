/**
 * The layout a diagnosis uses: explicit config values win, then what
 * discovery found, then the defaults (the notes' layout). Says where each value
 * came from and where an explicit value disagrees with the server. Pure.
 */
import { targetPaths, type Target } from '../config/target.js';
import { layoutValueValid } from '../config/target-defaults.js';
import { LAYOUT_KEYS, type Discovery, type LayoutKey, type LayoutValue } from './layout.js';

export interface LayoutRow {
  key: LayoutKey;
  value: LayoutValue;
  /** `config`, `default`, or the discovery source (`unit WorkingDirectory`, `nginx -T FILE:LINE` …). */
  source: string;
}

export interface ResolvedLayout {
  target: Target;
  rows: LayoutRow[];
  /** `paths.backend is /opt/OMS/backend but the server says /srv/oms/backend (unit WorkingDirectory)` */
  conflicts: string[];
}

function current(target: Target, key: LayoutKey): LayoutValue {
  if (key === 'backendBind' || key === 'nginxListen') return target[key];
  const name = key.slice('paths.'.length) as keyof ReturnType<typeof targetPaths>;
  return targetPaths(target)[name];
}

function same(a: LayoutValue, b: LayoutValue): boolean {
  const norm = (v: string) => (v.length > 1 ? v.replace(/\/+$/, '') : v);
  if (typeof a === 'string' || typeof b === 'string')
    return typeof a === 'string' && typeof b === 'string' && norm(a) === norm(b);
  return a.length === b.length && a.every((v, i) => norm(v) === norm(b[i]!));
}

function show(v: LayoutValue): string {
  return typeof v === 'string' ? v : v.join(', ');
}

/** Fill the target's unset layout from `discovery`; explicit config values are kept and compared. */
export function applyLayout(target: Target, discovery: Discovery): ResolvedLayout {
  const explicit = new Set(target.configured ?? []);
  const paths: Record<string, unknown> = { ...target.paths };
  const top: Partial<Record<'backendBind' | 'nginxListen', string>> = {};
  const conflicts: string[] = [];
  const taken = new Map<LayoutKey, string>();
  for (const key of LAYOUT_KEYS) {
    const found = discovery.values[key];
    if (explicit.has(key)) {
      const mine = current(target, key);
      if (found && !same(mine, found.value))
        conflicts.push(
          `${key} 配置为 ${show(mine)}，但服务器上是 ${show(found.value)} / ` +
            `${key} is ${show(mine)} but the server says ${show(found.value)} (${found.source})`,
        );
      continue;
    }
    if (!found) continue;
    taken.set(key, found.source);
    if (key === 'backendBind' || key === 'nginxListen') top[key] = show(found.value);
    else paths[key.slice('paths.'.length)] = found.value;
  }
  // Re-validate: discovered values pass the same rules as configured ones (src/config/target-defaults.ts).
  const valid = [...taken.keys()].every((key) =>
    layoutValueValid(key, key.startsWith('paths.') ? paths[key.slice('paths.'.length)] : top[key as 'backendBind']),
  );
  const filled: Target = valid ? { ...target, ...top, paths: paths as Target['paths'] } : target;
  const rows = LAYOUT_KEYS.map((key) => ({
    key,
    value: current(filled, key),
    source: explicit.has(key) ? 'config' : valid ? (taken.get(key) ?? 'default') : 'default',
  }));
  return { target: filled, rows, conflicts };
}
