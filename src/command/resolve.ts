import type { Check } from '../checks/check.js';
import type { Config } from '../config/config.js';
import { resolveTargetSpec } from '../config/groups.js';
import type { Target } from '../config/target.js';
import { matchIntent, type MatchChoice } from '../intent/match.js';
import { findPlaybook } from '../playbooks/find.js';
import type { HowtoSection, Playbook } from '../playbooks/playbook.js';

/** What `/oms diagnose <words> [target]` (or free text) comes to. Pure. */
export type Resolution =
  | { kind: 'run'; playbook: Playbook; target: Target; confidence?: number }
  /** A group was named: the playbook runs on each of its targets (src/app/fleet.ts). */
  | { kind: 'fleet'; playbook: Playbook; group: string; targets: Target[]; confidence?: number }
  /** `group` is set when a group was named (`target` is then its first member). */
  | { kind: 'ambiguous'; candidates: MatchChoice[]; target: Target; text: string; group?: string }
  | { kind: 'howto'; playbook: Playbook; section: HowtoSection; target: Target; text: string }
  | { kind: 'unknown-playbook'; text: string }
  | { kind: 'unknown-target'; name: string }
  /** A group with no target (`all` when only `local` is configured). */
  | { kind: 'empty-group'; name: string };

/** What a target-or-group name comes to: its targets (one for a target), or why there are none. */
export type TargetsOf =
  | { kind: 'target'; target: Target }
  | { kind: 'group'; group: string; targets: Target[] }
  | { kind: 'unknown-target'; name: string }
  | { kind: 'empty-group'; name: string };

/** Resolve a name given to `--target` (or a trailing word): a target, a group's targets, or why not. Pure. */
export function targetsOf(name: string | undefined, config: Config): TargetsOf {
  const spec = resolveTargetSpec(name ?? config.defaultTarget, { targets: config.targets, groups: groupsOf(config) });
  switch (spec.kind) {
    case 'target':
      return { kind: 'target', target: config.targets.get(spec.name)! };
    case 'group':
      return { kind: 'group', group: spec.name, targets: spec.targets.map((t) => config.targets.get(t)!) };
    case 'empty-group':
      return spec;
    case 'unknown':
      return { kind: 'unknown-target', name: spec.name };
  }
}

function groupsOf(config: Config): ReadonlyMap<string, string[]> {
  return config.groups ?? new Map<string, string[]>();
}

/** Same rules as the console: a trailing target name picks it; ids and aliases first, then intent matching. */
export function resolveDiagnose(
  query: string,
  explicitTarget: string | undefined,
  playbooks: readonly Playbook[],
  config: Config,
): Resolution {
  let words = query.trim().split(/\s+/).filter(Boolean);
  let targetName = explicitTarget;
  const last = words[words.length - 1];
  if (
    !targetName &&
    words.length > 1 &&
    last !== undefined &&
    (config.targets.has(last) || groupsOf(config).has(last))
  ) {
    targetName = last;
    words = words.slice(0, -1);
  }
  const named = targetsOf(targetName, config);
  if (named.kind === 'unknown-target' || named.kind === 'empty-group') return named;
  const text = words.join(' ');
  const exact = findPlaybook(playbooks, text);
  // `diagnose login prdo`: a playbook followed by a word that is no target and does not make a known phrase.
  if (
    !exact &&
    !targetName &&
    words.length === 2 &&
    findPlaybook(playbooks, words[0]!) &&
    /^[a-z0-9][a-z0-9_-]*$/.test(words[1]!)
  ) {
    const m = matchIntent(text, playbooks);
    if (m.confidence < 0.9) return { kind: 'unknown-target', name: words[1]! };
  }
  const target = named.kind === 'target' ? named.target : named.targets[0]!;
  const group = named.kind === 'group' ? { group: named.group } : {};
  const run = (playbook: Playbook, confidence?: number): Resolution => {
    const c = confidence !== undefined ? { confidence } : {};
    return named.kind === 'group'
      ? { kind: 'fleet', playbook, group: named.group, targets: named.targets, ...c }
      : { kind: 'run', playbook, target, ...c };
  };
  if (exact) return run(exact);
  const m = matchIntent(text, playbooks);
  if (!m.playbook) return { kind: 'unknown-playbook', text };
  if (m.outcome === 'howto') {
    const playbook = playbooks.find((p) => p.id === m.playbook!.id)!;
    const section = playbook.howto.find((h) => h.id === m.howto!.section)!;
    return { kind: 'howto', playbook, section, target, text };
  }
  if (m.outcome === 'choices') return { kind: 'ambiguous', candidates: m.choices ?? [], target, text, ...group };
  return run(
    playbooks.find((p) => p.id === m.playbook!.id)!,
    m.confidence,
  );
}

/** The target a command names, else the default; `undefined` when the name is not configured. Pure. */
export function resolveTarget(name: string | undefined, config: Config): Target | undefined {
  return config.targets.get(name ?? config.defaultTarget);
}

/** What `check <check-id> [target]` comes to. */
export type CheckResolution =
  | { kind: 'run'; check: Check; target: Target }
  | { kind: 'fleet'; check: Check; group: string; targets: Target[] }
  | { kind: 'unknown-check'; id: string }
  | { kind: 'unknown-target'; name: string }
  | { kind: 'empty-group'; name: string };

/** Same rules in every front end: the check id first (nothing runs for an unknown one), then the target. Pure. */
export function resolveCheck(
  checkId: string,
  explicitTarget: string | undefined,
  findCheck: (id: string) => Check | undefined,
  config: Config,
): CheckResolution {
  const check = findCheck(checkId);
  if (!check) return { kind: 'unknown-check', id: checkId };
  const named = targetsOf(explicitTarget, config);
  if (named.kind === 'target') return { kind: 'run', check, target: named.target };
  if (named.kind === 'group') return { kind: 'fleet', check, group: named.group, targets: named.targets };
  return named;
}
