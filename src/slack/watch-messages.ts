import type { WatchSpec } from '../config/watch.js';
import type { Report } from '../engine/report.js';
import { buttons, context, safe } from '../render/block-builders.js';
import type { Fitted } from '../render/block-limits.js';
import { mrkdwnMessage } from '../render/blocks.js';
import type { WatchPost } from '../watch/decide.js';
import { UNTIL_RESUMED } from '../watch/control.js';
import { formatSpan, formatTime, postSummary } from '../watch/format.js';
import { mention } from './escape.js';
import { reportButtons } from './report-buttons.js';

/** Lines of a reminder before `… +N`: a reminder stays a glance, `watch list` has the rest. */
const MAX_REMINDER_LINES = 20;

const EMOJI: Record<WatchPost<Report>['kind'], string> = {
  new: ':red_circle:',
  resolved: ':large_green_circle:',
  unreachable: ':no_entry:',
  back: ':white_check_mark:',
  reminder: ':hourglass:',
};

/**
 * A watch's post in its channel: one short message per change. A new finding
 * carries the report's buttons (Re-run, Show playbook, Request <action>); the
 * report's details go in its thread (src/slack/watch-poster.ts).
 */
export function watchPostMessage(watch: WatchSpec, p: WatchPost<Report>): Fitted {
  const head = `${EMOJI[p.kind]} *巡检 / watch \`${safe(watch.id)}\`* (${safe(watch.playbook)})`;
  const foot = context(
    `每 ${formatSpan(watch.everyMs)} 检查一次，只在变化时发消息 / checked every ` +
      `${formatSpan(watch.everyMs)}, posts only on change · \`/oms watch list\``,
  );
  const bullet = (items: readonly string[]) => items.map((t) => `• ${safe(t)}`).join('\n');
  switch (p.kind) {
    case 'new': {
      const lines = p.findings.map((f) => `[${f.severity.toUpperCase()}] ${f.title}`);
      const specs = reportButtons(p.report, '', `diagnose ${watch.playbook}`);
      return message(watch, p, `${head} · *${safe(p.target)}*: 新发现 / new finding\n${bullet(lines)}`, [
        foot,
        ...buttons(specs),
      ]);
    }
    case 'resolved':
      return message(
        watch,
        p,
        `${head} · *${safe(p.target)}*: 已解决 / resolved\n${bullet(p.findings.map((f) => f.title))}`,
        [foot],
      );
    case 'unreachable':
      return message(watch, p, `${head} · *${safe(p.target)}*: 连不上 / unreachable\n${bullet([p.error])}`, [
        context('恢复连接时会再发一条 / one more post when it is reachable again'),
      ]);
    case 'back':
      return message(
        watch,
        p,
        `${head} · *${safe(p.target)}*: 恢复连接 / reachable again after ${formatSpan(p.downForMs)}`,
        [foot],
      );
    case 'reminder': {
      // A long list is cut here, not by the Block Kit fitter (whose note points at a file this post has none of).
      const shown = p.items.slice(0, MAX_REMINDER_LINES);
      const lines = shown.map(
        (i) =>
          `${i.target} (${formatSpan(i.forMs)}): ${i.unreachable ? '连不上 / unreachable' : i.findings.join('; ')}`,
      );
      if (p.items.length > shown.length) lines.push(`… +${p.items.length - shown.length} (\`/oms watch list\`)`);
      return message(watch, p, `${head}: 仍未解决 / still open\n${bullet(lines.map((l) => l.slice(0, 200)))}`, [
        context(`每 ${formatSpan(watch.remindEveryMs)} 提醒一次 / reminded every ${formatSpan(watch.remindEveryMs)}`),
      ]);
    }
  }
}

function message(watch: WatchSpec, p: WatchPost<Report>, body: string, extra: Parameters<typeof mrkdwnMessage>[2]) {
  return mrkdwnMessage(postSummary(watch.id, p), body, extra);
}

/**
 * The one short notice in a watch's channel when someone pauses or resumes it from Slack, so that the others
 * there know why it went quiet (or why posts start again). The asker also gets the usual private answer.
 */
export function watchPauseNotice(
  change: { kind: 'paused'; watch: WatchSpec; until: number } | { kind: 'resumed'; watch: WatchSpec },
  user: string,
): Fitted {
  const id = change.watch.id;
  if (change.kind === 'resumed')
    return mrkdwnMessage(
      `▶ watch ${id} resumed by ${user} / 已恢复`,
      `▶ 巡检 / watch \`${safe(id)}\` resumed by ${mention(user)} / 已恢复`,
      [context('暂停期间的变化在下次检查时发出 / changes meanwhile are posted at the next check')],
    );
  const forever = change.until >= UNTIL_RESUMED;
  const until = forever
    ? 'until resumed / 暂停至手动恢复'
    : `until ${formatTime(change.until)} / 暂停至 ${formatTime(change.until)}`;
  return mrkdwnMessage(
    `⏸ watch ${id} paused by ${user} ${until}`,
    `⏸ 巡检 / watch \`${safe(id)}\` paused by ${mention(user)} ${until}`,
    [context(`暂停期间不检查、不发消息 / no checks and no posts meanwhile · \`/oms watch resume ${safe(id)}\``)],
  );
}
