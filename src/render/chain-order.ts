/** Causal chains and follow-up checks as every renderer reads them (src/engine/chains.ts, src/engine/follow-up.ts). */
import type { Report, ReportFinding, ReportFollowUp } from '../engine/report.js';

/** Shown before a finding listed under the cause that explains it. */
export const BECAUSE = '↳ 因此 / because of this:';
/** Heading of the checks the engine added following the evidence. */
export const FOLLOW_UP_HEADING = '追加的检查 / Checks added following the evidence:';

/** Why a check was added, one line: the cause it confirms or rules out, and the signal that pointed at it. */
export function followUpReason(f: ReportFollowUp): string {
  return `为确认或排除 ${f.cause} / to confirm or rule out ${f.cause} (因为 / because: ${f.because.join(', ')})`;
}

/** How deep each finding sits in its causal chain (0 for a root). */
export function chainDepths(findings: readonly ReportFinding[]): Map<string, number> {
  const by = new Map(findings.map((f) => [f.id, f]));
  const depth = new Map<string, number>();
  const of = (f: ReportFinding, seen: number): number => {
    if (!f.explainedBy || seen > findings.length) return 0;
    const parent = by.get(f.explainedBy);
    return parent ? 1 + of(parent, seen + 1) : 0;
  };
  for (const f of findings) depth.set(f.id, of(f, 0));
  return depth;
}

/**
 * Findings in reading order: the causal chains of src/engine/chains.ts as they come (a root, then what it
 * explains), roots above info before hints. A report without chains keeps its root cause first, hints last.
 */
export function orderedFindings(report: Pick<Report, 'findings'>): ReportFinding[] {
  const under = new Map<string, ReportFinding[]>();
  for (const f of report.findings)
    if (f.explainedBy) under.set(f.explainedBy, [...(under.get(f.explainedBy) ?? []), f]);
  const known = new Set(report.findings.map((f) => f.id));
  const roots = report.findings.filter((f) => !f.explainedBy || !known.has(f.explainedBy));
  const out: ReportFinding[] = [];
  const add = (f: ReportFinding): void => {
    if (out.includes(f)) return;
    out.push(f);
    for (const k of under.get(f.id) ?? []) add(k);
  };
  for (const r of [...roots.filter((f) => f.severity !== 'info'), ...roots.filter((f) => f.severity === 'info')])
    add(r);
  return out;
}
