/**
 * Groups of targets (`groups: { prod: [web1, web2], everything: [prod, staging] }`).
 *
 * A member is a target or another group; groups are flattened here once, at
 * load, so every front end sees a plain ordered list of target names. `all`
 * is built in: every configured target except the built-in `local`.
 */

/** The built-in group of every configured target but `local`. */
export const ALL_GROUP = 'all';

/** A problem with one group, for the config loader to turn into file:line: key. */
export interface GroupProblem {
  /** The key path under `groups`, e.g. `groups.prod` or `groups.prod.1`. */
  key: string[];
  problem: string;
}

export type GroupsResult = { ok: true; groups: Map<string, string[]> } | { ok: false; error: GroupProblem };

/**
 * Flatten `raw` (group name → members) against the configured target names.
 * Refuses: a name that is also a target or is `all`, an unknown member, a
 * cycle, and a group that ends up with no target. Members keep their order;
 * a target reached twice is listed once.
 */
export function resolveGroups(raw: Record<string, string[]>, targetNames: readonly string[]): GroupsResult {
  const targets = new Set(targetNames);
  const groups = new Map<string, string[]>();
  for (const name of Object.keys(raw)) {
    if (name === ALL_GROUP)
      return fail([name], '`all` is built in (every target but local): choose another name for this group');
    if (targets.has(name))
      return fail([name], `is also a target name: a group needs a name of its own (targets: ${list(targetNames)})`);
  }
  const visit = (name: string, path: string[]): string[] | GroupProblem => {
    const done = groups.get(name);
    if (done) return done;
    const out: string[] = [];
    const members = raw[name]!;
    for (const [i, member] of members.entries()) {
      if (targets.has(member)) {
        if (!out.includes(member)) out.push(member);
        continue;
      }
      if (member === ALL_GROUP) {
        for (const t of allTargets(targetNames)) if (!out.includes(t)) out.push(t);
        continue;
      }
      if (!Object.hasOwn(raw, member))
        return {
          key: [name, String(i)],
          problem:
            `names no target or group: ${JSON.stringify(member)} ` +
            `(targets: ${list(targetNames)}; groups: ${list(Object.keys(raw))})`,
        };
      if (path.includes(member))
        return {
          key: [name, String(i)],
          problem: `groups include each other in a cycle: ${[...path, member].join(' → ')}; remove one of the links`,
        };
      const inner = visit(member, [...path, member]);
      if (!Array.isArray(inner)) return inner;
      for (const t of inner) if (!out.includes(t)) out.push(t);
    }
    if (out.length === 0) return { key: [name], problem: 'is empty: list at least one target (or remove the group)' };
    groups.set(name, out);
    return out;
  };
  for (const name of Object.keys(raw)) {
    const r = visit(name, [name]);
    if (!Array.isArray(r)) return { ok: false, error: r };
  }
  groups.set(ALL_GROUP, allTargets(targetNames));
  return { ok: true, groups };
}

/** Every configured target but the built-in `local`, in config order. */
function allTargets(targetNames: readonly string[]): string[] {
  return targetNames.filter((t) => t !== 'local');
}

function fail(key: string[], problem: string): GroupsResult {
  return { ok: false, error: { key, problem } };
}

function list(names: readonly string[]): string {
  return names.length > 0 ? names.join(', ') : '(none)';
}

/** What a `--target` value names: one target, or a group's targets. */
export type TargetSpec =
  | { kind: 'target'; name: string }
  | { kind: 'group'; name: string; targets: string[] }
  | { kind: 'empty-group'; name: string }
  | { kind: 'unknown'; name: string };

/**
 * Resolve a name a command gives: a target wins (names never collide, the
 * loader refuses that), then a group. `all` with no configured targets is
 * `empty-group`, so the front end can say to configure one.
 */
export function resolveTargetSpec(
  name: string,
  config: { targets: ReadonlyMap<string, unknown>; groups: ReadonlyMap<string, string[]> },
): TargetSpec {
  if (config.targets.has(name)) return { kind: 'target', name };
  const members = config.groups.get(name);
  if (!members) return { kind: 'unknown', name };
  if (members.length === 0) return { kind: 'empty-group', name };
  return { kind: 'group', name, targets: [...members] };
}
