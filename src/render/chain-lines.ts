import type { Report, ReportFinding } from '../engine/report.js';
import type { Severity } from '../playbooks/playbook.js';
import { safe } from './block-builders.js';
import { BECAUSE, chainDepths, followUpReason } from './chain-order.js';

export { orderedFindings } from './chain-order.js';

/** Severity as Slack shows it, Chinese first. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: '严重 CRITICAL',
  error: '错误 ERROR',
  warning: '注意 WARNING',
  info: '提示 INFO',
};

/** "↳ 因此 / because of this: [ERROR] title", indented by how deep it sits in its chain; a root gets its number. */
export function chainLine(f: ReportFinding, depth: number, n: number, action = true): string {
  const offered = action && f.action ? ` — _${safe(f.action.id)}_` : '';
  const what = `[${SEVERITY_LABEL[f.severity]}] ${safe(f.title)}${offered}`;
  return depth > 0 ? `${'\u2003'.repeat(depth)}${BECAUSE} ${what}` : `${n}. ${what}`;
}

/** Lines for findings after the first root: each root numbered, what it explains under it. */
export function findingLines(
  findings: readonly ReportFinding[],
  all: readonly ReportFinding[],
  first = 1,
  action = true,
): string[] {
  const depth = chainDepths(all);
  let n = first - 1;
  return findings.map((f) => {
    const d = depth.get(f.id) ?? 0;
    if (d === 0) n++;
    return chainLine(f, d, n, action);
  });
}

/** One line per check the engine added following the evidence, with why. */
export function followUpLines(report: Pick<Report, 'followUp'>): string[] {
  return (report.followUp ?? []).map((f) => `➕ \`${f.check}\` ${safe(followUpReason(f))}`);
}
