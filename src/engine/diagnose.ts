import { findAction } from '../actions/registry.js';
import type { Target } from '../config/target.js';
import type { FindingRule, Playbook, SignalRef } from '../playbooks/playbook.js';
import { redact } from '../redact.js';
import type { ReportFinding, ReportObservation, Verdict } from './report.js';

const key = (r: SignalRef) => `${r.check}:${r.signal}`;

/** Every `<check>:<signal>` present in the observations. */
export function presentSignals(observations: readonly ReportObservation[]): Set<string> {
  const present = new Set<string>();
  for (const o of observations) for (const s of o.signals) present.add(`${o.check}:${s}`);
  return present;
}

/**
 * Does a finding rule fire on these signals? Returns the refs that matched, or null. With `ran` (the checks that
 * ran), a cause whose `unless` names a check that did not run is not judged: an absence nobody looked for proves
 * nothing (every playbook reaches every cause of the catalogue, whatever checks it runs).
 */
export function matchRule(rule: FindingRule, present: Set<string>, ran?: ReadonlySet<string>): string[] | null {
  if (ran && !rule.unless.every((r) => ran.has(r.check))) return null;
  const hits = rule.when.map(key).filter((k) => present.has(k));
  if (rule.when.length > 0 && hits.length === 0) return null;
  if (!rule.all.every((r) => present.has(key(r)))) return null;
  if (rule.unless.some((r) => present.has(key(r)))) return null;
  return [...hits, ...rule.all.map(key)];
}

/**
 * Correlate observations into findings, ranked as the playbook lists the causes of the catalogue
 * (root cause first), each with the evidence of the checks that triggered it
 * and the playbook's fix.
 */
export function diagnose(
  playbook: Playbook,
  observations: readonly ReportObservation[],
  target: Target,
): ReportFinding[] {
  const present = presentSignals(observations);
  const byCheck = new Map(observations.map((o) => [o.check, o]));
  const ran = new Set(byCheck.keys());
  const findings: ReportFinding[] = [];
  const seen = new Set<string>();
  for (const rule of playbook.findings) {
    if (seen.has(rule.id)) continue;
    const matched = matchRule(rule, present, ran);
    if (!matched) continue;
    seen.add(rule.id);
    const checks = [...new Set(matched.map((m) => m.split(':')[0]!))];
    const evidence = checks
      .map((c) => byCheck.get(c))
      .filter((o): o is ReportObservation => o !== undefined)
      .map((o) => `[${o.check}] ${o.summary}${o.evidence ? `\n${o.evidence}` : ''}`)
      .join('\n\n');
    const action = rule.action ? findAction(rule.action) : undefined;
    findings.push({
      id: rule.id,
      severity: rule.severity,
      title: rule.title,
      evidence: redact(evidence),
      fix: rule.fix,
      action: action
        ? {
            id: action.id,
            title: `${action.title} / ${action.titleEn}`,
            command: action.argv(target).map((argv) => ['sudo', '-n', ...argv].join(' ')),
          }
        : null,
      matched,
    });
  }
  return findings;
}

/** Overall verdict from findings and how many checks could not tell. */
export function verdictOf(
  findings: readonly ReportFinding[],
  observations: readonly ReportObservation[],
  unreachable: boolean,
): Verdict {
  if (unreachable) return 'unreachable';
  if (findings.some((f) => f.severity === 'critical' || f.severity === 'error')) return 'problem';
  if (observations.some((o) => o.status === 'fail')) return 'problem';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  const errors = observations.filter((o) => o.status === 'error').length;
  if (observations.length > 0 && errors * 2 >= observations.length) return 'inconclusive';
  if (errors > 0 || observations.some((o) => o.status === 'warn')) return 'warning';
  return 'ok';
}

const VERDICT_TEXT: Record<Verdict, string> = {
  ok: '一切正常 / all checks passed',
  warning: '有需要注意的地方 / works, with warnings',
  problem: '发现问题 / problem found',
  inconclusive: '无法判断：多数检查没能运行 / inconclusive: most checks could not run',
  unreachable: '无法连接服务器 / cannot reach the server',
};

/** One line for the top of a report. */
export function headline(verdict: Verdict, findings: readonly ReportFinding[]): string {
  const top = findings.find((f) => f.severity !== 'info') ?? findings[0];
  return top && verdict !== 'ok' ? `${VERDICT_TEXT[verdict]} — ${top.title}` : VERDICT_TEXT[verdict];
}
