import { watchRunner } from '../app/watch.js';
import type { Report } from '../engine/report.js';
import { redact } from '../redact.js';
import { WatchScheduler } from '../watch/scheduler.js';
import type { SlackContext } from './feature.js';
import type { SlackWatchConfig } from './watch-config.js';
import { slackWatchPoster } from './watch-poster.js';

/**
 * The watches' scheduler of this bot, posting to Slack. Loaded by watch.ts only when the config has watches,
 * so a bot without any never holds the scheduler, the watch runner or the watch messages.
 */
export function slackWatchScheduler(ctx: SlackContext, cfg: SlackWatchConfig): WatchScheduler<Report> {
  const { deps, out, log } = ctx;
  return new WatchScheduler<Report>({
    watches: deps.config.watches ?? [],
    store: cfg.store,
    runner: watchRunner({
      ...deps,
      onAuditError: (e) => log(`could not write the audit log: ${redact(e.message)}`),
    }),
    poster: slackWatchPoster(out, log),
    holder: cfg.holder,
    now: cfg.now ?? Date.now,
    log,
    ...(cfg.tickMs ? { tickMs: cfg.tickMs } : {}),
  });
}
