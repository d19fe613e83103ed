import type { Report } from '../engine/report.js';
import { reportDetails } from '../render/blocks.js';
import type { PostResult, WatchPoster } from '../watch/scheduler.js';
import { isNotInChannel, slackErrorCode } from './errors.js';
import type { Outbox } from './outbox.js';
import { watchPostMessage } from './watch-messages.js';

/** Channels the bot cannot post in until someone changes them (invite the bot, unarchive). */
const CHANNEL_GONE = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/**
 * Posts a watch's changes through the Outbox (redacted, within Block Kit's
 * limits; 429s and 5xx waited out). A new finding gets the report's details in
 * its thread. Failures come back as values: the scheduler logs them and
 * `watch list` shows a channel the bot cannot post in.
 */
export function slackWatchPoster(out: Outbox, log: (line: string) => void): WatchPoster<Report> {
  return {
    async post(watch, p): Promise<PostResult> {
      let root: { channel: string; ts: string };
      try {
        root = await out.post(watch.channel, watchPostMessage(watch, p));
      } catch (e) {
        const code =
          slackErrorCode(e) ??
          String((e as Error).message)
            .split('\n')[0]!
            .slice(0, 200);
        return { ok: false, code, notInChannel: isNotInChannel(e) || CHANNEL_GONE.has(code) };
      }
      if (p.kind === 'new')
        await out.post(root.channel, reportDetails(p.report), root.ts).catch((e: Error) => {
          log(
            `watch ${watch.id}: the details of a new finding could not go in its thread ` +
              `(${slackErrorCode(e) ?? e.message})`,
          );
        });
      return { ok: true };
    },
  };
}
