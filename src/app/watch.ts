import type { WatchSpec } from '../config/watch.js';
import type { Report } from '../engine/report.js';
import { findPlaybook } from '../playbooks/find.js';
import { decideWatch, type TargetOutcome, type WatchPost } from '../watch/decide.js';
import type { TargetLine, WatchRunner } from '../watch/scheduler.js';
import { targetLine } from '../watch/target-line.js';
import { unknownWatch } from '../watch/control.js';
import type { WatchStore } from '../watch/watch-store.js';
import type { AppDeps } from './deps.js';
import { runRequest } from './run.js';

/** The watch verbs' application side: run a watch's playbook, list, pause, resume, preview (front-end free). */

type RunDeps = Pick<AppDeps, 'config' | 'playbooks' | 'transportFor' | 'findCheck' | 'now' | 'audit' | 'onAuditError'>;

/** Run a watch's playbook on one target through the same path as `diagnose` (audited as `watch:<id>`). */
export function watchRunner(deps: RunDeps): WatchRunner<Report> {
  return {
    async run(watch, targetName): Promise<TargetOutcome<Report>> {
      const playbook = findPlaybook(deps.playbooks, watch.playbook);
      const target = deps.config.targets.get(targetName);
      if (!playbook || !target)
        throw new Error(`watch ${watch.id}: ${targetName} or ${watch.playbook} is not configured`);
      const actor = { id: `watch:${watch.id}`, via: 'slack' as const };
      const r = await runRequest({ kind: 'diagnose', playbook, target }, actor, deps);
      if (r.kind !== 'report') throw new Error(`watch ${watch.id}: the run on ${targetName} was cancelled`);
      const report = r.report;
      if (report.verdict === 'unreachable')
        return { target: targetName, kind: 'unreachable', error: report.error?.message ?? report.headline };
      return { target: targetName, kind: 'report', findings: report.findings, report };
    },
  };
}

/** Where the bot is not running (CLI, console): run now and say what the bot would post; nothing is written. */
export async function previewWatch(
  id: string,
  watches: readonly WatchSpec[],
  deps: RunDeps & { watchStore: WatchStore },
): Promise<
  | { kind: 'preview'; watch: WatchSpec; targets: TargetLine[]; wouldPost: WatchPost<Report>[] }
  | { kind: 'unknown-watch'; id: string; known: string[] }
> {
  const watch = watches.find((w) => w.id === id);
  if (!watch) return unknownWatch(id, watches);
  const runner = watchRunner(deps);
  const outcomes = await Promise.all(
    watch.targets.map((t) =>
      runner
        .run(watch, t)
        .catch((e: Error): TargetOutcome<Report> => ({ target: t, kind: 'unreachable', error: e.message })),
    ),
  );
  const { state } = await deps.watchStore.state(watch.id);
  const now = deps.now?.().getTime() ?? Date.now();
  const { posts } = decideWatch(state, outcomes, { now, remindEveryMs: watch.remindEveryMs });
  return { kind: 'preview', watch, targets: outcomes.map(targetLine), wouldPost: posts };
}
