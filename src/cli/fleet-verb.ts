import { runFleet, type FleetWhat } from '../app/fleet.js';
import type { AppActor, AppDeps } from '../app/deps.js';
import type { Target } from '../config/target.js';
import type { Verdict } from '../engine/report.js';
import { fleetJson, renderFleetText, seconds } from '../render/fleet-text.js';
import { renderJson } from '../render/text.js';
import { PLAIN } from '../render/style.js';
import { EXIT_CODES as EXIT } from './exit.js';
import type { RunnerDeps } from './runner-deps.js';

/** Exit code of a fleet run: as for one target, the worst target wins (unreachable 3, problem 1, else 0). */
export function fleetExitCode(verdict: Verdict): number {
  if (verdict === 'unreachable') return EXIT.unreachable;
  return verdict === 'problem' ? EXIT.problem : EXIT.ok;
}

/**
 * `diagnose <playbook> --target <group>` and `check <id> <group>` on the terminal: every target at once
 * (src/app/fleet.ts), a progress line per finished target (humans only), then the fleet report or its JSON.
 */
export async function fleetVerb(
  deps: RunnerDeps,
  appDeps: AppDeps,
  run: { what: FleetWhat; group: string; targets: Target[]; actor: AppActor },
  flags: { json: boolean; verbose?: boolean },
): Promise<number> {
  const progress = flags.json ? undefined : deps.progress;
  progress?.(
    `诊断中 / running ${run.what.kind === 'diagnose' ? `diagnose ${run.what.playbook.id}` : `check ${run.what.check.id}`}` +
      ` on ${run.group}: ${run.targets.length} targets…`,
  );
  const r = await runFleet(appDeps, run, (report, done, total, ms) => {
    progress?.(`  [${done}/${total}] ${report.verdict.padEnd(11)} ${report.target.name} (${seconds(ms)})`);
  });
  deps.out(
    flags.json
      ? renderJson(fleetJson(r.summary, r.reports))
      : renderFleetText(r.summary, r.reports, deps.style ?? PLAIN, { verbose: flags.verbose }),
  );
  return fleetExitCode(r.summary.verdict);
}
