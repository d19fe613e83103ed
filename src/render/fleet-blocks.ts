import type { FleetRow, FleetSummary } from '../engine/fleet-summary.js';
import { redact } from '../redact.js';
import { context, header, safe, section } from './block-builders.js';
import { fitMessage, type Block, type Fitted } from './block-limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { countsText, seconds, sharedLine } from './fleet-text.js';
import { VERDICT_EMOJI } from './blocks.js';

/**
 * The root message of a run over a group, as Block Kit: one row per target
 * (worst first), packed into sections under Slack's 3,000 characters each.
 * Past {@link FULL_ROWS} targets, rows with the same verdict and root cause
 * fold into one line, so a large fleet stays inside 50 blocks and Slack's
 * total text limit; what still does not fit goes to the thread as a file. Pure.
 */

/** Up to this many targets every row is shown; beyond it, `ok` rows become one line of names. */
export const FULL_ROWS = 40;
/** Root causes are cut here in the table; the thread reply of that target has the whole report. */
const CAUSE_MAX = 90;
const SECTION_MAX = 2900;

export interface FleetRunInfo {
  requester: string;
  /** `diagnose login` or `check backend-service`, and the playbook's title when there is one. */
  what: string;
  title: string;
  group: string;
  /** Every target of the group, in its order. */
  targets: readonly string[];
}

function clip(text: string, max: number): string {
  const one = text.replace(/\s*\n\s*/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

function rowLine(r: FleetRow): string {
  const cause = r.rootCause ? ` — ${safe(clip(r.rootCause, CAUSE_MAX))}` : '';
  return `${VERDICT_EMOJI[r.verdict]} *${escapeMrkdwn(r.target)}* ${r.verdict}${cause} _(${seconds(r.durationMs)})_`;
}

function pack(lines: readonly string[], heading: string): Block[] {
  const out: Block[] = [];
  let cur = heading;
  for (const l of lines) {
    if (cur && cur.length + l.length + 1 > SECTION_MAX) {
      out.push(section(cur));
      cur = '';
    }
    cur = cur ? `${cur}\n${l}` : l;
  }
  if (cur) out.push(section(cur));
  return out;
}

/**
 * The table's lines: every row; or, past {@link FULL_ROWS} targets, one line per verdict and root cause
 * listing the targets it applies to (`:red_circle: problem — ALLOWED_HOSTS lacks … (12): web1, web6, …`).
 */
export function tableLines(rows: readonly FleetRow[]): string[] {
  if (rows.length <= FULL_ROWS) return rows.map(rowLine);
  const groups = new Map<string, FleetRow[]>();
  for (const r of rows) {
    const key = `${r.verdict}\u0000${r.rootCause ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((g) => {
    const first = g[0]!;
    const cause = first.rootCause ? ` — ${safe(clip(first.rootCause, CAUSE_MAX))}` : '';
    const names = clip(g.map((r) => escapeMrkdwn(r.target)).join(', '), 600);
    return `${VERDICT_EMOJI[first.verdict]} *${first.verdict}*${cause} *(${g.length}):* ${names}`;
  });
}

/**
 * The root message: while targets run (`summary` holds the finished ones, `finished` < targets) and at the
 * end. Pending targets are listed by name on one line.
 */
export function fleetMessage(run: FleetRunInfo, summary: FleetSummary, final: boolean): Fitted {
  const done = new Set(summary.rows.map((r) => r.target));
  const pending = run.targets.filter((t) => !done.has(t));
  const total = run.targets.length;
  const wall = Date.parse(summary.finishedAt) - Date.parse(summary.startedAt);
  const status = final
    ? `*${countsText(summary) || 'no targets'}* · ${seconds(wall)}`
    : `:mag: *诊断中 / running:* ${done.size}/${total} 个目标已完成 / targets finished`;
  const lines = tableLines(summary.rows);
  if (pending.length > 0)
    lines.push(`:hourglass_flowing_sand: ${clip(pending.map((t) => `\`${escapeMrkdwn(t)}\``).join(' '), 1500)}`);
  const blocks: Block[] = [
    header(`${run.title} @ ${run.group}`),
    context(
      `目标组 / group: *${safe(run.group)}* (${total} targets) · 请求人 / asked by <@${run.requester}> · ` +
        `\`${safe(run.what)}\``,
    ),
    ...pack(lines, status),
  ];
  if (final && summary.shared.length > 0)
    blocks.push(
      section(
        `*共有的发现 / Findings shared by several targets:*\n` +
          summary.shared
            .slice(0, 10)
            .map((f) => `• ${safe(clip(sharedLine(f), 250))}`)
            .join('\n'),
      ),
    );
  if (final && summary.rows.some((r) => r.verdict !== 'ok'))
    blocks.push(
      context('每个有问题的目标在消息串里有完整报告和按钮 / each target with a problem: full report in the thread'),
    );
  return fitMessage({
    text: redact(`${run.title} @ ${run.group} — ${done.size}/${total}${final ? `: ${countsText(summary)}` : ''}`),
    blocks,
  });
}
