import type { WatchSpec } from '../config/watch.js';
import type { Report } from '../engine/report.js';
import { findPlaybook } from '../playbooks/find.js';
import { decideWatch, type TargetOutcome, type WatchPost } from '../watch/decide.js';
import type { TargetLine, WatchRunner } from '../watch/scheduler.js';
import { targetLine } from '../watch/target-line.js';
import { unknownWatch } from '../watch/control.js';
import type { WatchStore } from '../watch/watch-store.js';
import type { AppDeps } from './deps.js';
import type { FleetDeps } from './fleet.js';
import { runFleet } from './fleet.js';
import type { Target } from '../config/target.js';

/** The watch verbs' application side: run a watch's playbook, list, pause, resume, preview (front-end free). */

type RunDeps = FleetDeps & Pick<AppDeps, 'playbooks'>;

/**
 * Run a watch's playbook on all its targets through the fleet runner (src/app/fleet.ts): bounded, each target
 * with its own deadline, so a dead or hung host is one unreachable row and never holds the others; each run
 * audited as `watch:<id>`.
 */
export function watchRunner(deps: RunDeps): WatchRunner<Report> {
  return {
    async run(watch): Promise<TargetOutcome<Report>[]> {
      const playbook = findPlaybook(deps.playbooks, watch.playbook);
      const targets = watch.targets.map((t) => deps.config.targets.get(t));
      if (!playbook || targets.some((t) => !t))
        throw new Error(`watch ${watch.id}: its playbook or a target is no longer configured`);
      const actor = { id: `watch:${watch.id}`, via: 'slack' as const };
      const what = { kind: 'diagnose' as const, playbook };
      const { reports } = await runFleet(deps, { what, group: watch.id, targets: targets as Target[], actor });
      return reports.map((report, i): TargetOutcome<Report> => {
        const target = watch.targets[i]!;
        if (report.verdict === 'unreachable')
          return { target, kind: 'unreachable', error: report.error?.message ?? report.headline };
        return { target, kind: 'report', findings: report.findings, report };
      });
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
  const outcomes = await watchRunner(deps).run(watch);
  const { state } = await deps.watchStore.state(watch.id);
  const now = deps.now?.().getTime() ?? Date.now();
  const { posts } = decideWatch(state, outcomes, { now, remindEveryMs: watch.remindEveryMs });
  return { kind: 'preview', watch, targets: outcomes.map(targetLine), wouldPost: posts };
}
