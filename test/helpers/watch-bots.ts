import { CHECKS, findCheck } from '../../src/checks/registry.js';
import { parseConfig } from '../../src/config/config.js';
import type { Report } from '../../src/engine/report.js';
import type { SlackBot } from '../../src/slack/app.js';
import type { WatchFeature } from '../../src/slack/watch.js';
import { MemoryDedupe } from '../../src/store/dedupe.js';
import { RedisStore } from '../../src/store/redis-store.js';
import type { WatchScheduler } from '../../src/watch/scheduler.js';
import { WatchStore } from '../../src/watch/watch-store.js';
import { withWatchPlaybooks } from '../../src/watch/playbooks.js';
import { realPlaybooks, SIGNING_SECRET, startTestBot, testApprovals } from './fake-slack-harness.js';
import type { FakeSlack } from './fake-slack.js';
import { postSigned, slashCommandBody } from './slack-sign.js';
import type { SimulatedFleet } from './watch-fleet.js';

/** One bot instance for the watch tests and benchmark: the real Bolt app, its scheduler driven by hand. */
export interface WatchBot {
  name: string;
  bot: SlackBot;
  url: string;
  scheduler: WatchScheduler<Report>;
  redis: RedisStore;
  watchStore: WatchStore;
  logs: string[];
  /** Stop it; `release: false` is a crash (its leases lapse instead of being given up). */
  stop(release: boolean): Promise<void>;
}

export async function startWatchBot(o: {
  name: string;
  configYaml: string;
  redisUrl: string;
  apiUrl: string;
  fleet: SimulatedFleet;
  now: () => number;
}): Promise<WatchBot> {
  const config = parseConfig(o.configYaml, 'watch.yml');
  const playbooks = await realPlaybooks();
  withWatchPlaybooks(config, playbooks);
  const redis = new RedisStore({ url: o.redisUrl, prefix: 'watch-test:', now: o.now });
  const watchStore = new WatchStore(redis, o.now);
  const logs: string[] = [];
  const { bot, url } = await startTestBot(
    {
      config,
      playbooks,
      checks: CHECKS,
      findCheck,
      transportFor: o.fleet.transportFor,
      dedupe: new MemoryDedupe(),
      log: (l) => logs.push(l),
      ...testApprovals(config, () => o.fleet.transportFor(config.targets.get('web1')!)),
      watch: { store: watchStore, holder: o.name, now: o.now, autoStart: false },
    },
    o.apiUrl,
  );
  const scheduler = (await (bot.features.find((f) => f.name === 'watch') as WatchFeature).scheduler())!;
  return {
    name: o.name,
    bot,
    url,
    scheduler,
    redis,
    watchStore,
    logs,
    async stop(release) {
      await scheduler.stop({ release });
      await bot.stop();
      await redis.close();
    },
  };
}

/** `/oms <text>` from U0ALICE in #C0OPS to the bot at `url`, signed; the answer posted to its response_url. */
export async function slashCommand(slack: FakeSlack, url: string, text: string, id: string): Promise<string> {
  const r = await postSigned(
    url,
    slashCommandBody({ text, responseUrl: slack.responseUrl(id), channel: 'C0OPS', user: 'U0ALICE' }),
    { secret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' },
  );
  if (r.status !== 200) throw new Error(`/oms ${text}: HTTP ${r.status}`);
  await slack.waitFor(() => slack.responses.some((p) => p.id === id), 10_000, `the answer to /oms ${text}`);
  return JSON.stringify(slack.responses.find((p) => p.id === id)!.body);
}
