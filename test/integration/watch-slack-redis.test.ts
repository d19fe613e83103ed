/**
 * Two bot instances (the real Bolt app, HTTP receiver) sharing one real
 * redis-server, posting to the fake Slack Web API: a watch over three
 * targets with a simulated clock. One post per change, no duplicates, the
 * lease taken over when the instance running the watch stops, a restart that
 * re-posts nothing, /oms watch pause|resume|list|run, a channel the bot is not in.
 */
import { FakeSlack } from '../helpers/fake-slack.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { slashCommand, startWatchBot, type WatchBot } from '../helpers/watch-bots.js';
import { fleetConfigYaml, SimulatedFleet } from '../helpers/watch-fleet.js';
import { WatchStore } from '../../src/watch/watch-store.js';

const CHANNEL = 'C0WATCH01';
const MIN = 60_000;
const TICK = 15_000;

type Instance = WatchBot;

let redis: TestRedis;
let slack: FakeSlack;
let clock = Date.parse('2026-11-30T08:00:00Z');
const fleet = new SimulatedFleet();
const running: Instance[] = [];
let responses = 0;

async function startInstance(name: string): Promise<Instance> {
  const inst = await startWatchBot({
    name,
    configYaml: fleetConfigYaml(3, { every: '1m', remindEvery: '4h', channel: CHANNEL }),
    redisUrl: redis.url,
    apiUrl: slack.apiUrl,
    fleet,
    now: () => clock,
  });
  running.push(inst);
  return inst;
}

async function stopInstance(inst: Instance, release: boolean): Promise<void> {
  running.splice(running.indexOf(inst), 1);
  await inst.stop(release);
}

/** Root posts in the watch's channel (thread replies are the details of a new finding). */
function rootPosts(): string[] {
  return slack.calls
    .filter(
      (c) => c.method === 'chat.postMessage' && c.body.channel === CHANNEL && !c.body.thread_ts && c.status === 200,
    )
    .map((c) => String(c.body.text));
}

/** The pause/resume notices (src/slack/watch-messages.ts) are not changes. */
const isNotice = (text: string) => /^(⏸|▶) watch /.test(text);

/** The watch's posts of changes. */
function channelPosts(): string[] {
  return rootPosts().filter((t) => !isNotice(t));
}

/** Advance the simulated clock by `ms` in 15 s ticks; every running instance ticks at once (they race). */
async function advance(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += TICK) {
    clock += TICK;
    await Promise.all(running.map((i) => i.scheduler.tick()));
  }
}

async function command(inst: Instance, text: string): Promise<string> {
  return slashCommand(slack, inst.url, text, `w${++responses}`);
}

beforeAll(async () => {
  redis = await startRedis();
  slack = await new FakeSlack().start();
});

afterAll(async () => {
  for (const i of [...running]) await stopInstance(i, true);
  await slack?.stop();
  await redis?.stop();
});

test('two instances, one watch: one post per change, none twice, take-over, restart, pause, not in channel', async () => {
  const a = await startInstance('bot-a');
  const b = await startInstance('bot-b');

  // Healthy: silence (info findings are notes), and exactly one instance runs each minute.
  await advance(3 * MIN);
  expect(channelPosts()).toEqual([]);
  const firstRuns = fleet.runs.get('web1') ?? 0;
  expect(firstRuns).toBeGreaterThan(0);
  await advance(MIN);
  const perRun = (fleet.runs.get('web1') ?? 0) - firstRuns;
  expect(perRun).toBeGreaterThan(0);
  await advance(MIN);
  expect((fleet.runs.get('web1') ?? 0) - firstRuns).toBe(2 * perRun);

  // A new finding on web2: one post with the report's buttons, its details in the thread; then silence.
  fleet.set('web2', 'allowed-hosts-missing-ip');
  await advance(3 * MIN);
  expect(channelPosts()).toHaveLength(1);
  expect(channelPosts()[0]).toMatch(/\[fleet-checklist\] web2: 新发现 \/ new: .*ALLOWED_HOSTS/);
  const post = slack.calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === CHANNEL)!;
  expect(JSON.stringify(post.body.blocks)).toContain('oms_rerun');
  expect(JSON.stringify(post.body.blocks)).not.toContain('oms_share');
  expect(slack.calls.some((c) => c.method === 'chat.postMessage' && c.body.thread_ts)).toBe(true);

  // web3 goes down: one post.
  fleet.set('web3', 'down');
  await advance(2 * MIN);
  expect(channelPosts()).toHaveLength(2);
  expect(channelPosts()[1]).toMatch(/web3: 连不上 \/ unreachable: connect ECONNREFUSED/);

  // The instance holding the lease dies (no release): the other takes over within one interval.
  const holder = await new WatchStore(a.redis, () => clock).holder('fleet-checklist');
  const [dead, alive] = holder === 'bot-a' ? [a, b] : [b, a];
  await stopInstance(dead, false);
  fleet.set('web2', 'healthy');
  await advance(MIN + TICK);
  expect(await new WatchStore(alive.redis, () => clock).holder('fleet-checklist')).toBe(alive.name);
  expect(channelPosts()).toHaveLength(3);
  expect(channelPosts()[2]).toMatch(/web2: 已解决 \/ resolved/);

  // A restarted instance reads the state back: nothing already said is posted again.
  const c = await startInstance('bot-c');
  await advance(3 * MIN);
  expect(channelPosts()).toHaveLength(3);

  // Paused (from Slack, through the real app): says until when; nothing runs or posts meanwhile.
  expect(await command(c, 'watch pause fleet-checklist for 2h')).toMatch(
    /paused 直到 \/ until 2026-11-30 \d\d:\d\d UTC/,
  );
  fleet.set('web3', 'healthy');
  const before = fleet.runs.get('web1');
  await advance(5 * MIN);
  expect(fleet.runs.get('web1')).toBe(before);
  expect(channelPosts()).toHaveLength(3);
  expect(await command(alive, 'watch list')).toMatch(/已暂停 \/ paused/);
  expect(await command(alive, 'watch resume fleet-checklist')).toMatch(/resumed/);
  // Each told the channel once, whichever instance was asked.
  expect(rootPosts().filter(isNotice)).toEqual([
    expect.stringMatching(/^⏸ watch fleet-checklist paused by U0ALICE until 2026-11-30 \d\d:\d\d UTC/),
    '▶ watch fleet-checklist resumed by U0ALICE / 已恢复',
  ]);
  await advance(MIN);
  expect(channelPosts()).toHaveLength(4);
  expect(channelPosts()[3]).toMatch(/web3: 恢复连接 \/ reachable again after/);

  // Not in the channel: a log line, no crash, and watch list says so; the watch keeps running.
  slack.fail('chat.postMessage', 'not_in_channel', { channel: CHANNEL });
  fleet.set('web1', 'backend-stopped');
  await advance(2 * MIN);
  const logs = [...alive.logs, ...c.logs].join('\n');
  expect(logs).toMatch(/watch fleet-checklist: cannot post in channel C0WATCH01 \(not_in_channel\): invite the bot/);
  const list = await command(alive, 'watch list');
  expect(list).toMatch(/cannot post in C0WATCH01 \(not_in_channel\)/);
  expect(list).toMatch(/web1: /);

  // `watch run` from Slack: the targets' lines for the asker.
  const run = await command(c, 'watch run fleet-checklist');
  expect(run).toMatch(/web1 +有问题 \/ problem/);
  expect(run).toMatch(/web2 +正常 \/ ok/);
  expect(await command(c, 'watch run nope')).toMatch(/no watch is called \\"nope\\"/);

  // Across every step: no post twice (the same text at the same simulated minute would be a duplicate).
  const texts = channelPosts();
  expect(new Set(texts).size).toBe(texts.length);
}, 120_000);
