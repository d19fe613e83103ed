import { fleetWhat, runFleet, type FleetWhat } from '../app/fleet.js';
import type { AppActor, AppDeps } from '../app/deps.js';
import { targetsOf } from '../command/resolve.js';
import type { Check } from '../checks/check.js';
import type { Config } from '../config/config.js';
import type { Playbook } from '../playbooks/playbook.js';
import { DEFAULT_FLEET } from '../config/fleet-settings.js';
import type { Target } from '../config/target.js';
import { createLimiter } from '../engine/limit.js';
import * as say from '../messages/catalogue.js';
import { fromHint, toTerminal } from '../messages/message.js';
import { TransportError } from '../transport/transport.js';
import { bundleVerb } from './layout-verbs.js';
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
  progress?.(`诊断中 / running ${fleetWhat(run.what)} on ${run.group}: ${run.targets.length} targets…`);
  const r = await runFleet(appDeps, { ...run, releaseWhenDone: deps.oneShot === true }, (report, done, total, ms) => {
    progress?.(`  [${done}/${total}] ${report.verdict.padEnd(11)} ${report.target.name} (${seconds(ms)})`);
  });
  deps.out(
    flags.json
      ? renderJson(fleetJson(r.summary, r.reports))
      : renderFleetText(r.summary, r.reports, deps.style ?? PLAIN, { verbose: flags.verbose }),
  );
  return fleetExitCode(r.summary.verdict);
}

/** A command that named a group: what runs on each target (a playbook, a check, a support bundle), or none. */
export type GroupRun =
  | { kind: 'fleet'; group: string; targets: Target[]; playbook: Playbook }
  | { kind: 'fleet'; group: string; targets: Target[]; check: Check }
  | { kind: 'fleet'; group: string; targets: Target[]; bundle: true; output?: string }
  | { kind: 'empty-group'; name: string };

/** `bundle <group> [-o FILE]` as a group run; undefined when it names a target (or an unknown name). */
export function bundleGroupOf(cmd: { target?: string; output?: string }, config: Config): GroupRun | undefined {
  if (cmd.target === undefined) return undefined;
  const t = targetsOf(cmd.target, config);
  if (t.kind === 'empty-group') return t;
  if (t.kind !== 'group') return undefined;
  const output = cmd.output ? { output: cmd.output } : {};
  return { kind: 'fleet', group: t.group, targets: t.targets, bundle: true, ...output };
}

export interface GroupContext {
  deps: RunnerDeps;
  appDeps: AppDeps;
  actor: AppActor;
  ref: (words: string) => string;
}

/** Run a group command on the terminal; the exit code is the worst target's. */
export async function groupVerb(ctx: GroupContext, r: GroupRun, flags: { json: boolean; verbose?: boolean }) {
  const { deps } = ctx;
  if (r.kind === 'empty-group') {
    deps.out(toTerminal(say.emptyGroup(r.name, deps.config.source, ctx.ref)));
    return EXIT.usage;
  }
  if (!('bundle' in r)) {
    const what: FleetWhat =
      'playbook' in r ? { kind: 'diagnose', playbook: r.playbook } : { kind: 'check', check: r.check };
    return fleetVerb(deps, ctx.appDeps, { what, group: r.group, targets: r.targets, actor: ctx.actor }, flags);
  }
  if (r.output) {
    deps.out(
      toTerminal({
        zh: `目标组 ${r.group} 的每个目标各有一个支持包，不能共用 -o ${r.output} — 没有运行任何东西`,
        en: `group ${r.group} gives one bundle per target, so -o ${r.output} cannot name them all — nothing was run`,
        next: {
          en:
            'drop -o (each bundle is named after its target), or name one target: ' +
            ctx.ref('bundle web1 -o b.tar.gz'),
        },
      }),
    );
    return EXIT.usage;
  }
  return bundleGroup(ctx, r.targets);
}

/** `bundle <group>`: one bundle per target, a few at a time; a target that cannot be reached is said and skipped. */
async function bundleGroup(ctx: GroupContext, targets: readonly Target[]): Promise<number> {
  const limit = createLimiter((ctx.deps.config.fleet ?? DEFAULT_FLEET).concurrency);
  const codes = await Promise.all(
    targets.map((t) =>
      limit(async () => {
        try {
          return await bundleVerb(t, undefined, { ...ctx.deps, ...ctx.appDeps }, ctx.actor);
        } catch (e) {
          if (!(e instanceof TransportError)) throw e;
          ctx.deps.out(`${t.name}: ${toTerminal(fromHint(e.message, e.hint))}`);
          return EXIT.unreachable;
        }
      }),
    ),
  );
  return Math.max(EXIT.ok, ...codes);
}
