import { compareReports, type Comparison } from '../compare/diff.js';
import type { Target } from '../config/target.js';
import { headline } from '../engine/diagnose.js';
import type { Report, ReportObservation } from '../engine/report.js';
import { findPlaybook } from '../playbooks/find.js';
import type { Playbook } from '../playbooks/playbook.js';
import type { Message } from '../messages/message.js';
import { redact } from '../redact.js';
import { TransportError } from '../transport/transport.js';
import type { AppActor, AppDeps } from './deps.js';
import { runRequest, type RunHooks } from './run.js';

export type { Comparison } from '../compare/diff.js';

/** `compare <playbook> <target-a> <target-b>` as typed. */
export interface CompareRequest {
  playbook: string;
  a: string;
  b: string;
}

/** What a compare request comes to before anything runs (pure). */
export type ComparePlan =
  | { kind: 'run'; playbook: Playbook; a: Target; b: Target }
  | { kind: 'unknown-playbook'; text: string }
  | { kind: 'unknown-target'; name: string }
  | { kind: 'same-target'; name: string }
  /** A group where a target is needed: compare sets exactly two targets side by side. */
  | { kind: 'group'; name: string; members: readonly string[] };

/** The playbook by id or alias (no free text: both sides must run the same checks), then two different targets. */
export function planCompare(request: CompareRequest, deps: Pick<AppDeps, 'playbooks' | 'config'>): ComparePlan {
  const playbook = findPlaybook(deps.playbooks, request.playbook);
  if (!playbook) return { kind: 'unknown-playbook', text: request.playbook };
  for (const name of [request.a, request.b]) {
    const members = deps.config.targets.has(name) ? undefined : deps.config.groups?.get(name);
    if (members) return { kind: 'group', name, members };
  }
  const a = deps.config.targets.get(request.a);
  if (!a) return { kind: 'unknown-target', name: request.a };
  const b = deps.config.targets.get(request.b);
  if (!b) return { kind: 'unknown-target', name: request.b };
  if (a.name === b.name) return { kind: 'same-target', name: a.name };
  return { kind: 'run', playbook, a, b };
}

export type CompareResult =
  | Exclude<ComparePlan, { kind: 'run' }>
  | { kind: 'compared'; comparison: Comparison; reports: [Report, Report] }
  | { kind: 'cancelled' };

/** Progress of each side, told apart by the target's name. */
export interface CompareHooks extends Pick<RunHooks, 'onLayoutNotices'> {
  onStart?(sides: { a: string; b: string; checks: readonly string[] }): void;
  onObservation?(side: 'a' | 'b', observation: ReportObservation, done: number, total: number): void;
}

/**
 * Run the playbook on both targets at once, each through {@link runRequest} (so each is audited and
 * redacted as a diagnosis is), then compare what their checks saw. A side that cannot be reached, even
 * before its first check (no host key pinned, a key that will not load), still leaves the other side's report.
 */
export async function compareTargets(
  request: CompareRequest,
  actor: AppActor,
  deps: Pick<
    AppDeps,
    'playbooks' | 'config' | 'transportFor' | 'findCheck' | 'now' | 'audit' | 'onAuditError' | 'layout'
  >,
  hooks: CompareHooks = {},
): Promise<CompareResult> {
  const plan = planCompare(request, deps);
  if (plan.kind !== 'run') return plan;
  return runCompare(plan, actor, deps, hooks);
}

/** The second half of {@link compareTargets}, for front ends that answer bad names before running (Slack's ack). */
export async function runCompare(
  plan: Extract<ComparePlan, { kind: 'run' }>,
  actor: AppActor,
  deps: Parameters<typeof runRequest>[2],
  hooks: CompareHooks = {},
): Promise<CompareResult> {
  hooks.onStart?.({ a: plan.a.name, b: plan.b.name, checks: plan.playbook.checks });
  const one = async (target: Target, side: 'a' | 'b'): Promise<Report> => {
    const onObservation = hooks.onObservation;
    try {
      const r = await runRequest({ kind: 'diagnose', playbook: plan.playbook, target }, actor, deps, {
        ...(onObservation ? { onObservation: (o, done, total) => onObservation(side, o, done, total) } : {}),
        ...(hooks.onLayoutNotices ? { onLayoutNotices: hooks.onLayoutNotices } : {}),
      });
      // runRequest cancels only when an onStart hook says so, and none is passed here.
      if (r.kind !== 'report') throw new Error('a compare run was cancelled without being asked to');
      return r.report;
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      return unreachableReport(plan.playbook, target, e, deps.now ?? (() => new Date()));
    }
  };
  const reports: [Report, Report] = await Promise.all([one(plan.a, 'a'), one(plan.b, 'b')]);
  return { kind: 'compared', comparison: compareReports(reports[0], reports[1]), reports };
}

/** The report of a side that failed before its checks could run. */
function unreachableReport(playbook: Playbook, target: Target, e: TransportError, now: () => Date): Report {
  const at = now().toISOString();
  return {
    target: { name: target.name, host: target.host, transport: `${target.user ?? '?'}@${target.host}:${target.port}` },
    playbook: { id: playbook.id, title: playbook.title, titleEn: playbook.titleEn },
    startedAt: at,
    finishedAt: at,
    verdict: 'unreachable',
    headline: headline('unreachable', []),
    findings: [],
    observations: [],
    error: { code: e.code, message: redact(e.message), hint: redact(e.hint) },
  };
}

/** What to say for a plan that runs nothing and is not an unknown name (same target twice, a group). */
export function compareRefusal(
  plan: Extract<ComparePlan, { kind: 'same-target' | 'group' }>,
  playbook: string,
  ref: (words: string) => string,
): Message {
  if (plan.kind === 'same-target')
    return {
      zh: `要对比两台不同的服务器，${plan.name} 出现了两次——没有运行任何东西`,
      en: `compare needs two different targets, not ${plan.name} twice — nothing was run`,
      next: { en: `e.g. ${ref(`compare ${playbook} ${plan.name} <another target>`)}` },
    };
  const [x, y] = plan.members;
  return {
    zh: `${plan.name} 是一组服务器（${plan.members.join(', ')}），对比需要两台具体的服务器——没有运行任何东西`,
    en: `${plan.name} is a group (${plan.members.join(', ')}); compare takes two targets — nothing was run`,
    next: { en: `e.g. ${ref(`compare ${playbook} ${x ?? '<target>'} ${y ?? '<another target>'}`)}` },
    choices: plan.members,
  };
}
