import type { FindingRule, SignalRef } from '../playbooks/playbook.js';
import { explainsClosure } from './chains.js';
import { matchRule, presentSignals } from './diagnose.js';
import type { ReportObservation } from './report.js';

/** A check the engine added after the playbook's own, and why. */
export interface FollowUp {
  /** The check that was added. */
  check: string;
  /** The cause of the catalogue it confirms or rules out. */
  cause: string;
  /** The `<check>:<signal>` observed that pointed at that cause. */
  because: string[];
}

/** At most this many checks in the one extra round. */
export const FOLLOW_UP_MAX = 8;

const key = (r: SignalRef) => `${r.check}:${r.signal}`;

/**
 * Follow the evidence: the causes (above info, in the playbook's ranking) that an observation points at but whose
 * confirming checks did not run, and those checks — each once, at most `max`, none that already ran. A cause is
 * pointed at when one of its `suspect` signals is present (then any of its checks that did not run are added), or
 * when a `when` signal is present and it fails only for want of a check named in its `all` or `unless`. A signal
 * that a settled cause already accounts for points nowhere: one that confirmed it and that nothing in the
 * catalogue could explain, or that a confirmed cause explains (217/USER names its user; a restart loop that
 * unit-user-missing explains needs no port holder).
 */
export function planFollowUp(
  causes: readonly FindingRule[],
  observations: readonly ReportObservation[],
  max = FOLLOW_UP_MAX,
): FollowUp[] {
  const present = presentSignals(observations);
  const ran = new Set(observations.map((o) => o.check));
  const accounted = accountedFor(causes, present, ran);
  const plan: FollowUp[] = [];
  const planned = new Set<string>();
  for (const cause of causes) {
    if (plan.length >= max) break;
    if (cause.severity === 'info' || matchRule(cause, present, ran)) continue;
    const missing = (refs: readonly SignalRef[]) => refs.map((r) => r.check).filter((c) => !ran.has(c));
    const suspected = (cause.suspect ?? []).map(key).filter((k) => present.has(k) && !accounted.has(k));
    const held = heldBack(cause, present, ran).filter((k) => !accounted.has(k));
    const because = suspected.length > 0 ? suspected : held;
    if (because.length === 0) continue;
    const needed =
      suspected.length > 0 ? [...cause.when, ...cause.all, ...cause.unless] : [...cause.all, ...cause.unless];
    for (const check of new Set(missing(needed))) {
      if (plan.length >= max || planned.has(check)) continue;
      planned.add(check);
      plan.push({ check, cause: cause.id, because });
    }
  }
  return plan;
}

/** The signals matched by confirmed causes that are settled: nothing could explain them, or a confirmed cause does. */
function accountedFor(causes: readonly FindingRule[], present: Set<string>, ran: ReadonlySet<string>): Set<string> {
  const closure = explainsClosure(causes);
  const matched = new Map<string, string[]>();
  for (const c of causes) {
    const m = matchRule(c, present, ran);
    if (m) matched.set(c.id, m);
  }
  const explainable = (id: string) => causes.some((c) => closure.get(c.id)?.has(id));
  const explained = (id: string) => [...matched.keys()].some((y) => y !== id && closure.get(y)?.has(id));
  const out = new Set<string>();
  for (const [id, m] of matched) if (!explainable(id) || explained(id)) for (const k of m) out.add(k);
  return out;
}

/** The `when` signals present for a cause that fails only because a check of its `all` or `unless` did not run. */
function heldBack(cause: FindingRule, present: ReadonlySet<string>, ran: ReadonlySet<string>): string[] {
  const hits = cause.when.map(key).filter((k) => present.has(k));
  if (hits.length === 0) return [];
  if (cause.unless.some((r) => present.has(key(r)))) return [];
  if (!cause.all.every((r) => present.has(key(r)) || !ran.has(r.check))) return [];
  return hits;
}
