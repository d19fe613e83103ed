import type { Severity } from '../playbooks/playbook.js';
import type { Report, Verdict } from './report.js';

/**
 * The summary of one run over several targets (a group): one row per target,
 * worst first, and the findings several targets share. Pure; the reports
 * themselves stay as they are (the fleet JSON lists them unchanged).
 */

/** Worst first: a target we cannot reach tells us least, then a found problem, then the milder verdicts. */
export const VERDICT_RANK: Readonly<Record<Verdict, number>> = Object.freeze({
  unreachable: 4,
  problem: 3,
  inconclusive: 2,
  warning: 1,
  ok: 0,
});

export interface FleetRow {
  target: string;
  verdict: Verdict;
  /** The root cause's title, the transport's message when unreachable, else null. */
  rootCause: string | null;
  durationMs: number;
}

/** A finding (same id) on more than one target, e.g. "3 targets: ALLOWED_HOSTS lacks …". */
export interface SharedFinding {
  id: string;
  severity: Severity;
  title: string;
  targets: string[];
}

export interface FleetSummary {
  /** The group named in the command (`prod`, `all`). */
  group: string;
  /** `diagnose login` or `check backend-service`. */
  what: string;
  startedAt: string;
  finishedAt: string;
  /** The worst verdict of any target. */
  verdict: Verdict;
  counts: Record<Verdict, number>;
  /** One per target, worst first; targets with the same verdict keep the group's order. */
  rows: FleetRow[];
  /** Findings seen on two or more targets, the most widespread first. */
  shared: SharedFinding[];
}

/** The root cause's title (first non-info finding, else the first), or the unreachable target's message. */
export function rootCauseOf(report: Report): string | null {
  if (report.verdict === 'unreachable') return report.error?.message ?? report.headline;
  const f = report.findings.find((x) => x.severity !== 'info') ?? report.findings[0];
  return f ? f.title : null;
}

/**
 * Summarise reports given in the group's order. `durationsMs` (same order) is each target's whole time,
 * layout discovery and connecting included; without it, the report's own start to end.
 */
export function summarizeFleet(
  reports: readonly Report[],
  run: { group: string; what: string; startedAt: string; finishedAt: string },
  durationsMs?: readonly number[],
): FleetSummary {
  const counts: Record<Verdict, number> = { ok: 0, warning: 0, problem: 0, inconclusive: 0, unreachable: 0 };
  for (const r of reports) counts[r.verdict]++;
  const rows = reports
    .map((r, i) => ({ r, i }))
    .sort((a, b) => VERDICT_RANK[b.r.verdict] - VERDICT_RANK[a.r.verdict] || a.i - b.i)
    .map(({ r, i }) => ({
      target: r.target.name,
      verdict: r.verdict,
      rootCause: rootCauseOf(r),
      durationMs: durationsMs?.[i] ?? Math.max(0, Date.parse(r.finishedAt) - Date.parse(r.startedAt)),
    }));
  return {
    ...run,
    verdict: worstVerdict(reports.map((r) => r.verdict)),
    counts,
    rows,
    shared: sharedFindings(reports),
  };
}

export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((w, v) => (VERDICT_RANK[v] > VERDICT_RANK[w] ? v : w), 'ok');
}

function sharedFindings(reports: readonly Report[]): SharedFinding[] {
  const byId = new Map<string, SharedFinding>();
  for (const r of reports) {
    for (const f of r.findings) {
      const s = byId.get(f.id) ?? { id: f.id, severity: f.severity, title: f.title, targets: [] };
      if (!s.targets.includes(r.target.name)) s.targets.push(r.target.name);
      byId.set(f.id, s);
    }
  }
  return [...byId.values()].filter((s) => s.targets.length > 1).sort((a, b) => b.targets.length - a.targets.length);
}
