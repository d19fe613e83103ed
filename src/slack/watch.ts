import type { WatchCommand } from '../command/watch-args.js';
import type { Report } from '../engine/report.js';
import { noWatches, unknownWatch, watchesUnavailable } from '../messages/watch.js';
import { mrkdwnMessage, safe } from '../render/blocks.js';
import { redact } from '../redact.js';
import { listWatches, pauseWatch, resumeWatch } from '../watch/control.js';
import { listingLines, pauseText, targetLines } from '../watch/format.js';
import type { WatchRunResult, WatchScheduler } from '../watch/scheduler.js';
import type { SlackContext, SlackFeature } from './feature.js';
import { channelLink, mention } from './escape.js';
import { slackErrorCode } from './errors.js';
import { noticeFor, slackRef } from './notice.js';
import type { Outgoing } from './outbox.js';
import { watchPauseNotice } from './watch-messages.js';

export interface WatchFeature extends SlackFeature {
  /** The scheduler, built on first need; undefined when no store is wired or the config has no watch. */
  scheduler(): Promise<WatchScheduler<Report> | undefined>;
}

/**
 * The watches in the bot: the scheduler starts and stops with it, and
 * `/oms watch list|pause|resume|run` answers the asker privately; a pause or
 * resume also puts one short notice in the watch's channel. The scheduler (watch-schedule.ts) is loaded
 * only when the config has watches: with none it would never run anything.
 */
export function watchFeature(ctx: SlackContext): WatchFeature {
  const { deps, out, log } = ctx;
  const cfg = deps.watch;
  const watches = deps.config.watches ?? [];
  const now = cfg?.now ?? Date.now;
  let loading: Promise<WatchScheduler<Report>> | undefined;
  const scheduler = async (): Promise<WatchScheduler<Report> | undefined> => {
    if (!cfg || watches.length === 0) return undefined;
    // A load that fails is not kept: the next use tries again.
    loading ??= import('./watch-schedule.js')
      .then((m) => m.slackWatchScheduler(ctx, cfg))
      .catch((e: unknown) => {
        loading = undefined;
        throw e;
      });
    return loading;
  };
  /** The watch's channel gets one notice; a failure is logged and told to the asker, and changes nothing else. */
  const tellChannel = async (change: Parameters<typeof watchPauseNotice>[0], user: string): Promise<string> => {
    const channel = change.watch.channel;
    try {
      await out.post(channel, watchPauseNotice(change, user));
      return `\n已通知 / told ${channelLink(channel)}`;
    } catch (e) {
      const code = slackErrorCode(e) ?? (e as Error).message.split('\n')[0]!.slice(0, 200);
      log(`watch ${change.watch.id}: the ${change.kind} notice could not go to ${channel} (${code})`);
      return (
        `\n未能通知 ${channelLink(channel)} / could not tell ${channelLink(channel)} (${safe(code)}): ` +
        '邀请机器人加入该频道 / invite the bot there (`/invite @oms-chatops`)'
      );
    }
  };
  const answer = async (cmd: WatchCommand, user: string): Promise<Outgoing> => {
    if (!cfg) return noticeFor(watchesUnavailable(slackRef));
    if (watches.length === 0) return noticeFor(noWatches(deps.config.source));
    const by = `slack:${user}`;
    const text = (title: string, lines: readonly string[]) =>
      mrkdwnMessage(title, `*${safe(title)}*\n\`\`\`${lines.map(redact).join('\n')}\`\`\``);
    switch (cmd.sub) {
      case 'list': {
        const list = await listWatches(watches, cfg.store);
        return text(
          '巡检 / watches',
          list.flatMap((l) => [...listingLines(l), '']),
        );
      }
      case 'pause':
      case 'resume': {
        const r =
          cmd.sub === 'pause'
            ? await pauseWatch({ id: cmd.id, by, ...(cmd.forMs ? { forMs: cmd.forMs } : {}) }, watches, cfg.store, now)
            : await resumeWatch({ id: cmd.id, by }, watches, cfg.store);
        if (r.kind === 'unknown-watch') return noticeFor(unknownWatch(r.id, r.known, slackRef));
        const said =
          r.kind === 'paused' ? pauseText({ until: r.until, by }) : r.wasPaused ? '已恢复 / resumed' : 'was not paused';
        // Resuming a watch that was not paused changes nothing: no notice.
        const told = r.kind === 'paused' || r.wasPaused ? await tellChannel(r, user) : '';
        return mrkdwnMessage(
          `${r.watch.id}: ${said}`,
          `\`${safe(r.watch.id)}\`: ${safe(said)} · ${mention(user)}${told}`,
        );
      }
      case 'run':
        return runAnswer(await (await scheduler())!.runNow(cmd.id));
    }
  };
  return {
    name: 'watch',
    verbs: ['watch'],
    scheduler,
    command(cmd, where) {
      if (cmd.verb !== 'watch') return { kind: 'answer', message: noticeFor(noWatches(deps.config.source)) };
      return { kind: 'work', task: 'command', run: async (reply) => reply(await answer(cmd, where.user)) };
    },
    start() {
      if (!cfg || watches.length === 0) return;
      if (cfg.autoStart !== false)
        scheduler().then(
          (s) => s?.start(),
          (e: unknown) => log(`watches: the scheduler could not be loaded: ${redact((e as Error).message)}`),
        );
      log(`watches: ${watches.map((w) => w.id).join(', ')} (state and leases in ${cfg.store.describe})`);
    },
    // A scheduler never loaded has nothing running and holds no lease.
    stop: async () => {
      if (loading) await (await loading.catch(() => undefined))?.stop();
    },
  };
}

function runAnswer(r: WatchRunResult): Outgoing {
  if (r.kind === 'unknown-watch') return noticeFor(unknownWatch(r.id, r.known, slackRef));
  if (r.kind === 'conflict')
    return mrkdwnMessage(
      `${r.watch.id}: another instance ran it at the same time`,
      `\`${safe(r.watch.id)}\`: 另一个实例同时运行了它，它的消息为准 / another instance ran it at the same time; ` +
        'its posts stand, nothing was posted twice',
    );
  const posted = r.paused
    ? `已暂停，没有发消息 / ${pauseText(r.paused)}: nothing was posted`
    : `${r.posts} 条变化发到 / change(s) posted to <#${r.watch.channel}>` +
      (r.failedPosts ? ` (${r.failedPosts} failed: see \`/oms watch list\`)` : '');
  return mrkdwnMessage(
    `watch ${r.watch.id}: ${r.targets.length} targets`,
    `*巡检 / watch \`${safe(r.watch.id)}\`*\n\`\`\`${redact(targetLines(r.targets).join('\n'))}\`\`\`\n${safe(posted)}`,
  );
}
