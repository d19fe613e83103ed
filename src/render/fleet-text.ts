import type { FleetSummary, SharedFinding } from '../engine/fleet-summary.js';
import type { Report, Verdict } from '../engine/report.js';
import { redact } from '../redact.js';
import { PLAIN, type Style } from './style.js';
import { renderText } from './text.js';
import { clipWidth, displayWidth, padEndWidth, padStartWidth } from './text-width.js';

/**
 * A run over a group for the terminal: the table (target, verdict, root
 * cause, time) worst first, the findings several targets share, then each
 * target with a problem in full. Pure.
 */

const VERDICT_WORD: Record<Verdict, string> = {
  unreachable: 'unreachable',
  problem: 'problem',
  inconclusive: 'inconclusive',
  warning: 'warning',
  ok: 'ok',
};

/** Widest root-cause text in the table, in terminal columns; the whole text is in the target's details below. */
const CAUSE_WIDTH = 64;

function colorVerdict(s: Style, v: Verdict, text: string): string {
  if (v === 'ok') return s.green(text);
  if (v === 'warning' || v === 'inconclusive') return s.yellow(text);
  return s.red(text);
}

/** `3 targets: ALLOWED_HOSTS lacks … (web1, web2, web3)`. */
export function sharedLine(f: Pick<SharedFinding, 'title' | 'targets'>, maxNames = 8): string {
  const names =
    f.targets.length > maxNames
      ? `${f.targets.slice(0, maxNames).join(', ')}, … +${f.targets.length - maxNames}`
      : f.targets.join(', ');
  return `${f.targets.length} targets: ${f.title} (${names})`;
}

/** `2 problem, 1 unreachable, 3 ok`: the counts that are not zero, worst first. */
export function countsText(summary: Pick<FleetSummary, 'counts'>): string {
  const order: Verdict[] = ['unreachable', 'problem', 'inconclusive', 'warning', 'ok'];
  return order
    .filter((v) => summary.counts[v] > 0)
    .map((v) => `${summary.counts[v]} ${VERDICT_WORD[v]}`)
    .join(', ');
}

/** One line of at most `columns` terminal columns (a Chinese character takes two). */
function clipText(text: string, columns: number): string {
  return clipWidth(text.replace(/\s*\n\s*/g, ' ').trim(), columns);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The whole fleet report: table, shared findings, details of every target that is not ok. */
export function renderFleetText(
  summary: FleetSummary,
  reports: readonly Report[],
  style: Style = PLAIN,
  options: { verbose?: boolean } = {},
): string {
  const s = style;
  const total = summary.rows.length;
  const wall = Date.parse(summary.finishedAt) - Date.parse(summary.startedAt);
  const lines: string[] = [
    s.bold(`${summary.what} @ ${summary.group} (${total} targets): ${countsText(summary)} · ${seconds(wall)}`),
    '',
  ];
  const nameWidth = Math.max(6, ...summary.rows.map((r) => displayWidth(r.target)));
  const verdictWidth = 11;
  // Padded by terminal columns (src/render/text-width.ts): target names and causes may be Chinese.
  const row = (target: string, verdict: string, cause: string, time: string) =>
    `${padEndWidth(target, nameWidth)}  ${verdict}  ${padEndWidth(cause, CAUSE_WIDTH)}  ${time}`;
  lines.push(s.dim(row('target', 'verdict'.padEnd(verdictWidth), 'root cause', padStartWidth('time', 6))));
  for (const r of summary.rows) {
    const verdict = colorVerdict(s, r.verdict, VERDICT_WORD[r.verdict].padEnd(verdictWidth));
    lines.push(
      row(r.target, verdict, clipText(r.rootCause ?? '—', CAUSE_WIDTH), padStartWidth(seconds(r.durationMs), 6)),
    );
  }
  if (summary.shared.length > 0) {
    lines.push('', s.bold('共有的发现 / Findings shared by several targets:'));
    for (const f of summary.shared) lines.push(`  ${sharedLine(f)}`);
  }
  const byName = new Map(reports.map((r) => [r.target.name, r]));
  for (const row of summary.rows) {
    if (row.verdict === 'ok') continue;
    const report = byName.get(row.target);
    if (!report) continue;
    lines.push('', s.bold(`── ${row.target} ──`), renderText(report, s, options));
  }
  lines.push('', s.dim('details: add --verbose · machine-readable: --json · one target: --target <name>'));
  return redact(lines.join('\n'));
}

/** `--json` over a group: each single-target report unchanged, and the summary. */
export function fleetJson(summary: FleetSummary, reports: readonly Report[]): { reports: Report[]; summary: unknown } {
  return { reports: [...reports], summary };
}
