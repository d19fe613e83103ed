import { UNTIL_RESUMED, type WatchListing } from './control.js';
import type { WatchPost } from './decide.js';
import type { TargetLine } from './target-line.js';
import { displayWidth, padEndWidth } from '../render/text-width.js';

/** Plain-text forms of the watch's results, shared by the terminal and Slack (which escapes them). */

/** `3h 2m`, `45m`, `30s`. */
export function formatSpan(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** `2026-11-30 10:02 UTC`. */
export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `paused until 10:02 UTC by console:alice` / `paused until resumed`. */
export function pauseText(p: { until: number; by: string }): string {
  const until = p.until >= UNTIL_RESUMED ? '直到恢复 / until `watch resume`' : `直到 / until ${formatTime(p.until)}`;
  return `已暂停 / paused ${until} (by ${p.by})`;
}

/** One listing entry as lines. */
export function listingLines(l: WatchListing): string[] {
  const w = l.watch;
  const lines = [
    `${w.id}: ${w.playbook} on ${w.targetsText} (${w.targets.length} targets) every ${formatSpan(w.everyMs)} → ` +
      `${w.channel}, reminders every ${formatSpan(w.remindEveryMs)}`,
  ];
  const status: string[] = [];
  if (l.pause) status.push(pauseText(l.pause));
  status.push(l.lastRunAt !== undefined ? `last run ${formatTime(l.lastRunAt)}` : 'not run yet');
  if (l.holder) status.push(`run by ${l.holder}`);
  lines.push(`  ${status.join(' · ')}`);
  if (l.channelProblem)
    lines.push(
      `  无法在 ${w.channel} 发消息 / cannot post in ${w.channel} (${l.channelProblem.code}) since ` +
        `${formatTime(l.channelProblem.at)}: invite the bot there (/invite @oms-chatops)`,
    );
  if (l.problems.length === 0 && l.lastRunAt !== undefined) lines.push('  正常 / healthy');
  for (const p of l.problems)
    lines.push(`  ${p.target}: ${p.unreachable ? '连不上 / unreachable' : p.findings.join('; ')}`);
  return lines;
}

const STATUS: Record<TargetLine['status'], string> = {
  ok: '正常 / ok',
  problem: '有问题 / problem',
  unreachable: '连不上 / unreachable',
};

/** `web1  problem  ALLOWED_HOSTS lacks …`. */
export function targetLines(lines: readonly TargetLine[]): string[] {
  const width = Math.max(6, ...lines.map((l) => displayWidth(l.target)));
  const statusWidth = Math.max(...Object.values(STATUS).map(displayWidth));
  return lines.map((l) => {
    const details = l.details.length ? `  ${l.details.join('; ')}` : '';
    const status = details ? padEndWidth(STATUS[l.status], statusWidth) : STATUS[l.status];
    return `${padEndWidth(l.target, width)}  ${status}${details}`;
  });
}

/** What a post says, as one plain line (previews on the terminal, notification text in Slack). */
export function postSummary<R>(watchId: string, p: WatchPost<R>): string {
  switch (p.kind) {
    case 'new':
      return `[${watchId}] ${p.target}: 新发现 / new: ${p.findings.map((f) => f.title).join('; ')}`;
    case 'resolved':
      return `[${watchId}] ${p.target}: 已解决 / resolved: ${p.findings.map((f) => f.title).join('; ')}`;
    case 'unreachable':
      return `[${watchId}] ${p.target}: 连不上 / unreachable: ${p.error}`;
    case 'back':
      return `[${watchId}] ${p.target}: 恢复连接 / reachable again after ${formatSpan(p.downForMs)}`;
    case 'reminder':
      return (
        `[${watchId}] 仍未解决 / still open: ` +
        p.items
          .map((i) => `${i.target} (${formatSpan(i.forMs)}): ${i.unreachable ? 'unreachable' : i.findings.join('; ')}`)
          .join(' · ')
      );
  }
}
