import type { Check } from '../checks/check.js';
import type { Config } from '../config/config.js';
import type { Target } from '../config/target.js';
import { matchIntent, type MatchChoice } from '../intent/match.js';
import { findPlaybook } from '../playbooks/find.js';
import type { HowtoSection, Playbook } from '../playbooks/playbook.js';

/** What `/oms diagnose <words> [target]` (or free text) comes to. Pure. */
export type Resolution =
  | { kind: 'run'; playbook: Playbook; target: Target; confidence?: number }
  | { kind: 'ambiguous'; candidates: MatchChoice[]; target: Target; text: string }
  | { kind: 'howto'; playbook: Playbook; section: HowtoSection; target: Target; text: string }
  | { kind: 'unknown-playbook'; text: string }
  | { kind: 'unknown-target'; name: string };

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
  if (!targetName && words.length > 1 && last !== undefined && config.targets.has(last)) {
    targetName = last;
    words = words.slice(0, -1);
  }
  if (targetName !== undefined && !config.targets.has(targetName)) return { kind: 'unknown-target', name: targetName };
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
  const target = config.targets.get(targetName ?? config.defaultTarget)!;
  if (exact) return { kind: 'run', playbook: exact, target };
  const m = matchIntent(text, playbooks);
  if (!m.playbook) return { kind: 'unknown-playbook', text };
  if (m.outcome === 'howto') {
    const playbook = playbooks.find((p) => p.id === m.playbook!.id)!;
    const section = playbook.howto.find((h) => h.id === m.howto!.section)!;
    return { kind: 'howto', playbook, section, target, text };
  }
  if (m.outcome === 'choices') return { kind: 'ambiguous', candidates: m.choices ?? [], target, text };
  return { kind: 'run', playbook: playbooks.find((p) => p.id === m.playbook!.id)!, target, confidence: m.confidence };
}

/** The target a command names, else the default; `undefined` when the name is not configured. Pure. */
export function resolveTarget(name: string | undefined, config: Config): Target | undefined {
  return config.targets.get(name ?? config.defaultTarget);
}

/** What `check <check-id> [target]` comes to. */
export type CheckResolution =
  | { kind: 'run'; check: Check; target: Target }
  | { kind: 'unknown-check'; id: string }
  | { kind: 'unknown-target'; name: string };

/** Same rules in every front end: the check id first (nothing runs for an unknown one), then the target. Pure. */
export function resolveCheck(
  checkId: string,
  explicitTarget: string | undefined,
  findCheck: (id: string) => Check | undefined,
  config: Config,
): CheckResolution {
  const check = findCheck(checkId);
  if (!check) return { kind: 'unknown-check', id: checkId };
  const target = resolveTarget(explicitTarget, config);
  if (!target) return { kind: 'unknown-target', name: explicitTarget ?? config.defaultTarget };
  return { kind: 'run', check, target };
}
