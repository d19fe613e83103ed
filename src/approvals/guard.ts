import { z } from 'zod';
import type { EffectivePolicy } from '../config/config.js';
import type { Store } from '../store/store.js';
import type { ExecutionVerdict } from './approval.js';

/** Runs per target and action in any rolling hour when `policy.actionsPerHour` does not name the action. */
export const DEFAULT_ACTIONS_PER_HOUR = 3;
const HOUR_MS = 3_600_000;
/** A stop must outlive any retention: it lasts until a person clears it. */
const GUARD_TTL_MS = 365 * 24 * HOUR_MS;
const MAX_RACES = 20;

const guardSchema = z.object({
  /** Start times (ISO) of the runs within the last hour. */
  runs: z.array(z.string()),
  /** Failed post-checks in a row (a success resets it). */
  failures: z.number().int().min(0),
  stopped: z.object({ at: z.string(), approvalId: z.string() }).optional(),
});
type GuardState = z.infer<typeof guardSchema>;

export type GuardVerdict =
  { ok: true } | { ok: false; code: 'rate-limited' | 'stopped'; message: string; hint: string };

/**
 * Brakes on actions, per target and action, kept in the store so every bot
 * instance sees the same counts: at most N runs in any rolling hour, and a
 * stop after repeated failed post-checks (restarting a backend that does not
 * come back only makes things worse) until a person clears it.
 */
export class ActionGuard {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** May it run now? Read-only (a request is refused early; {@link reserve} decides). */
  async check(action: string, target: string, policy: EffectivePolicy): Promise<GuardVerdict> {
    const state = await this.read(action, target);
    return this.verdict(action, target, policy, state?.value ?? empty());
  }

  /** Take one run slot now, or say why not. Atomic across instances (compare-and-set). */
  async reserve(action: string, target: string, policy: EffectivePolicy): Promise<GuardVerdict> {
    let verdict: GuardVerdict = { ok: true };
    await this.change(action, target, (s) => {
      verdict = this.verdict(action, target, policy, s);
      return verdict.ok ? { ...s, runs: [...this.recent(s), this.now().toISOString()] } : undefined;
    });
    return verdict;
  }

  /** Count the run's outcome; true when this failure stopped the action. */
  async settle(
    action: string,
    target: string,
    policy: EffectivePolicy,
    verdict: ExecutionVerdict,
    approvalId: string,
  ): Promise<boolean> {
    if (verdict !== 'succeeded' && verdict !== 'post-check-failed') return false;
    let stoppedNow = false;
    await this.change(action, target, (s) => {
      if (verdict === 'succeeded') return s.failures === 0 ? undefined : { ...s, failures: 0 };
      const failures = s.failures + 1;
      stoppedNow = !s.stopped && failures >= policy.stopAfterFailedPostChecks;
      return {
        ...s,
        failures,
        ...(stoppedNow ? { stopped: { at: this.now().toISOString(), approvalId } } : {}),
      };
    });
    return stoppedNow;
  }

  /** A person lifts the stop (and the failure count); resolves with whether it was stopped. */
  async clear(action: string, target: string): Promise<boolean> {
    let was = false;
    await this.change(action, target, (s) => {
      was = s.stopped !== undefined;
      return was || s.failures > 0 ? { runs: s.runs, failures: 0 } : undefined;
    });
    return was;
  }

  private verdict(action: string, target: string, policy: EffectivePolicy, s: GuardState): GuardVerdict {
    if (s.stopped)
      return {
        ok: false,
        code: 'stopped',
        message:
          `${action} 在 ${target} 上已暂停 / ${action} on ${target} is stopped:` +
          ` its post-checks failed ${s.failures} times in a row` +
          ` (last: approval ${s.stopped.approvalId}, ${s.stopped.at}) — nothing was run`,
        hint:
          `看清服务器的状态（\`diagnose\`），然后由审批人解除 / look at the server first (\`diagnose\`),` +
          ` then an approver clears the stop: \`run clear ${action} ${target}\``,
      };
    const limit = policy.actionsPerHour[action] ?? DEFAULT_ACTIONS_PER_HOUR;
    const runs = this.recent(s);
    if (runs.length < limit) return { ok: true };
    const opens = limit > 0 ? new Date(Date.parse(runs[runs.length - limit]!) + HOUR_MS) : undefined;
    const minutes = opens ? Math.max(1, Math.ceil((opens.getTime() - this.now().getTime()) / 60_000)) : undefined;
    return {
      ok: false,
      code: 'rate-limited',
      message:
        `${action} 在 ${target} 上一小时内已运行 ${runs.length} 次 / ` +
        `${action} ran ${runs.length} times on ${target} in the last hour` +
        ` (limit ${limit}: policy.actionsPerHour) — nothing was run`,
      hint: opens
        ? `${opens.toISOString()} 后可再次运行（约 ${minutes} 分钟）/` +
          ` it opens again at ${opens.toISOString()} (in about ${minutes} min)` +
          `; if the server needs more, find out why first (\`diagnose\`)`
        : `policy.actionsPerHour.${action} is 0: this action is switched off for ${target}`,
    };
  }

  /** Start times within the last hour, oldest first. */
  private recent(s: GuardState): string[] {
    const since = this.now().getTime() - HOUR_MS;
    return s.runs.filter((t) => Date.parse(t) > since).sort();
  }

  private async read(action: string, target: string): Promise<{ value: GuardState; version: number } | undefined> {
    const rec = await this.store.getRecord('guard', `${action}@${target}`);
    const parsed = rec ? guardSchema.safeParse(rec.value) : undefined;
    return rec && parsed?.success ? { value: parsed.data, version: rec.version } : undefined;
  }

  /** Read → change → compare-and-set, again on a lost race; `change` answers undefined for "leave it". */
  private async change(action: string, target: string, fn: (s: GuardState) => GuardState | undefined): Promise<void> {
    const id = `${action}@${target}`;
    for (let race = 0; race < MAX_RACES; race++) {
      const rec = await this.store.getRecord('guard', id);
      const parsed = rec ? guardSchema.safeParse(rec.value) : undefined;
      const next = fn(parsed?.success ? parsed.data : empty());
      if (!next) return;
      if ((await this.store.compareAndSet('guard', id, rec?.version ?? 0, next, GUARD_TTL_MS)).ok) return;
    }
    throw new Error(`the run guard ${id} lost ${MAX_RACES} write races in a row`);
  }
}

function empty(): GuardState {
  return { runs: [], failures: 0 };
}
