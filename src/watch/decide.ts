import type { StoredFinding, TargetState, WatchState } from './state.js';

/**
 * The watch's decision, pure: the previous state and this run's results →
 * the next state and what to post. Posts are about changes only — a new
 * finding, a finding resolved, a target that became unreachable or came back;
 * a problem that lasts is told again once every `remindEveryMs`; a healthy
 * watch says nothing. The first run of a watch posts the problems it finds
 * (they are new to the channel); a restart reads the state back and posts
 * nothing it already said.
 */

/** A finding as a run reports it. */
export interface SeenFinding {
  id: string;
  title: string;
  severity: string;
}

/** One target's result this run; `R` is the report, handed through to the post (its buttons). */
export type TargetOutcome<R> =
  | { target: string; kind: 'report'; findings: readonly SeenFinding[]; report: R }
  | { target: string; kind: 'unreachable'; error: string };

/** Something to say in the watch's channel. */
export type WatchPost<R> =
  | { kind: 'new'; target: string; findings: SeenFinding[]; report: R }
  | { kind: 'resolved'; target: string; findings: { id: string; title: string }[] }
  | { kind: 'unreachable'; target: string; error: string }
  | { kind: 'back'; target: string; downForMs: number }
  | { kind: 'reminder'; items: ReminderItem[] };

/** One lasting problem in a reminder. */
export interface ReminderItem {
  target: string;
  /** Titles of the findings still there (empty when the target is unreachable). */
  findings: string[];
  unreachable: boolean;
  /** How long the problem has lasted. */
  forMs: number;
}

export interface DecideOptions {
  now: number;
  remindEveryMs: number;
  /** A paused watch says nothing and its state stays as it was (it is not run; `watch run` while paused too). */
  paused?: boolean;
}

/** Severities that make a finding a problem; `info` is a note and never posted. */
const PROBLEM = new Set(['critical', 'error', 'warning']);

export function decideWatch<R>(
  prev: WatchState,
  results: readonly TargetOutcome<R>[],
  options: DecideOptions,
): { state: WatchState; posts: WatchPost<R>[] } {
  if (options.paused) return { state: prev, posts: [] };
  const { now } = options;
  const posts: WatchPost<R>[] = [];
  const targets: Record<string, TargetState> = {};
  const told = new Set<string>();
  for (const r of results) {
    const before: TargetState = prev.targets[r.target] ?? { findings: {} };
    const say = (p: WatchPost<R>) => (posts.push(p), told.add(r.target));
    if (r.kind === 'unreachable') {
      if (before.unreachable) {
        targets[r.target] = before;
        continue;
      }
      say({ kind: 'unreachable', target: r.target, error: r.error });
      targets[r.target] = { ...before, unreachable: { since: now, error: r.error }, toldAt: now };
      continue;
    }
    if (before.unreachable)
      say({ kind: 'back', target: r.target, downForMs: Math.max(0, now - before.unreachable.since) });
    const findings: Record<string, StoredFinding> = {};
    const fresh: SeenFinding[] = [];
    for (const f of r.findings) {
      if (!PROBLEM.has(f.severity) || findings[f.id]) continue;
      const old = before.findings[f.id];
      findings[f.id] = { title: f.title, severity: f.severity, since: old?.since ?? now };
      if (!old) fresh.push(f);
    }
    const gone = Object.entries(before.findings)
      .filter(([id]) => !findings[id])
      .map(([id, f]) => ({ id, title: f.title }));
    if (fresh.length) say({ kind: 'new', target: r.target, findings: fresh, report: r.report });
    if (gone.length) say({ kind: 'resolved', target: r.target, findings: gone });
    const next: TargetState = { findings };
    const toldAt = told.has(r.target) ? now : before.toldAt;
    if (toldAt !== undefined && Object.keys(findings).length) next.toldAt = toldAt;
    targets[r.target] = next;
  }
  const items = reminders(targets, told, options);
  if (items.length) {
    posts.push({ kind: 'reminder', items });
    for (const i of items) targets[i.target] = { ...targets[i.target]!, toldAt: now };
  }
  const state: WatchState = { v: 1, lastRunAt: now, targets };
  if (prev.channelProblem) state.channelProblem = prev.channelProblem;
  return { state, posts };
}

/** Lasting problems not told for `remindEveryMs`, in target order. */
function reminders(
  targets: Record<string, TargetState>,
  told: ReadonlySet<string>,
  { now, remindEveryMs }: DecideOptions,
): ReminderItem[] {
  const items: ReminderItem[] = [];
  for (const [target, t] of Object.entries(targets)) {
    if (told.has(target)) continue;
    const titles = Object.values(t.findings).map((f) => f.title);
    if (!t.unreachable && titles.length === 0) continue;
    const since = t.unreachable?.since ?? Math.min(...Object.values(t.findings).map((f) => f.since));
    const last = t.toldAt ?? since;
    if (now - last < remindEveryMs) continue;
    items.push({
      target,
      findings: t.unreachable ? [] : titles,
      unreachable: Boolean(t.unreachable),
      forMs: now - since,
    });
  }
  return items;
}
