/**
 * `/oms watch pause|resume` through the real Bolt app (HTTP receiver, signed
 * requests) against the fake Slack Web API, with the watch state in a real
 * redis-server: the asker gets the private answer, and the watch's channel
 * gets one short notice, so the others there know why it went quiet.
 */
import { FakeSlack } from '../helpers/fake-slack.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { slashCommand, startWatchBot, type WatchBot } from '../helpers/watch-bots.js';
import { fleetConfigYaml, SimulatedFleet } from '../helpers/watch-fleet.js';

const CHANNEL = 'C0WATCH02';
const MIN = 60_000;

let redis: TestRedis;
let slack: FakeSlack;
let bot: WatchBot;
let clock = Date.parse('2026-11-30T08:00:00Z');
const fleet = new SimulatedFleet();
let responses = 0;

/** Root posts in the watch's channel, a refused one included (the fake answers it 200 with `ok: false`). */
function channelPosts() {
  return slack.calls.filter(
    (c) => c.method === 'chat.postMessage' && c.body.channel === CHANNEL && !c.body.thread_ts && c.status === 200,
  );
}

async function command(text: string): Promise<string> {
  return slashCommand(slack, bot.url, text, `n${++responses}`);
}

beforeAll(async () => {
  redis = await startRedis();
  slack = await new FakeSlack().start();
  bot = await startWatchBot({
    name: 'bot-n',
    configYaml: fleetConfigYaml(2, { every: '1m', channel: CHANNEL }),
    redisUrl: redis.url,
    apiUrl: slack.apiUrl,
    fleet,
    now: () => clock,
  });
});

afterAll(async () => {
  await bot?.stop(true);
  await slack?.stop();
  await redis?.stop();
});

test('pause: the asker is answered, the channel gets one notice saying who and until when', async () => {
  const answer = await command('watch pause fleet-checklist for 2h');
  expect(answer).toMatch(/已暂停 \/ paused 直到 \/ until 2026-11-30 10:00 UTC/);
  expect(answer).toContain(`已通知 / told <#${CHANNEL}>`);

  const posts = channelPosts();
  expect(posts).toHaveLength(1);
  const blocks = JSON.stringify(posts[0]!.body.blocks);
  expect(blocks).toContain('⏸ 巡检 / watch `fleet-checklist` paused by <@U0ALICE> until 2026-11-30 10:00 UTC');
  expect(blocks).toContain('暂停至 2026-11-30 10:00 UTC');
  expect(blocks).toContain('/oms watch resume fleet-checklist');
  // The fallback text names the watch and the time; a mention there would be escaped, so it has none.
  expect(posts[0]!.body.text).toBe(
    '⏸ watch fleet-checklist paused by U0ALICE until 2026-11-30 10:00 UTC / 暂停至 2026-11-30 10:00 UTC',
  );

  // Paused: the scheduler neither runs nor posts anything more.
  const runs = fleet.runs.get('web1') ?? 0;
  clock += 5 * MIN;
  await bot.scheduler.tick();
  expect(fleet.runs.get('web1') ?? 0).toBe(runs);
  expect(channelPosts()).toHaveLength(1);
}, 60_000);

test('resume: one ▶ notice; resuming a watch that is not paused posts nothing', async () => {
  expect(await command('watch resume fleet-checklist')).toMatch(/已恢复 \/ resumed/);
  expect(channelPosts()).toHaveLength(2);
  const resumed = channelPosts()[1]!;
  expect(resumed.body.text).toBe('▶ watch fleet-checklist resumed by U0ALICE / 已恢复');
  expect(JSON.stringify(resumed.body.blocks)).toContain('▶ 巡检 / watch `fleet-checklist` resumed by <@U0ALICE>');

  const again = await command('watch resume fleet-checklist');
  expect(again).toMatch(/was not paused/);
  expect(again).not.toContain('已通知');
  expect(channelPosts()).toHaveLength(2);
}, 60_000);

test('a pause with no end says so in the channel', async () => {
  await command('watch pause fleet-checklist');
  expect(channelPosts()).toHaveLength(3);
  expect(channelPosts()[2]!.body.text).toBe('⏸ watch fleet-checklist paused by U0ALICE until resumed / 暂停至手动恢复');
  await command('watch resume fleet-checklist');
  expect(channelPosts()).toHaveLength(4);
}, 60_000);

test('a channel the bot is not in: the pause still holds, the asker is told the notice did not go', async () => {
  slack.fail('chat.postMessage', 'not_in_channel', { channel: CHANNEL, times: 1 });
  const answer = await command('watch pause fleet-checklist for 30m');
  expect(answer).toMatch(/已暂停 \/ paused/);
  expect(answer).toContain(`could not tell <#${CHANNEL}> (not_in_channel)`);
  expect(answer).toContain('/invite @oms-chatops');
  expect(bot.logs.join('\n')).toMatch(/watch fleet-checklist: the paused notice could not go to C0WATCH02/);
  expect(await command('watch list')).toMatch(/已暂停 \/ paused/);
  // Tried once (a refusal is final, nothing retried), and the next notice goes through again.
  expect(channelPosts()).toHaveLength(5);
  await command('watch resume fleet-checklist');
  expect(channelPosts()).toHaveLength(6);
  expect(channelPosts()[5]!.body.text).toMatch(/^▶ watch fleet-checklist resumed/);
}, 60_000);
