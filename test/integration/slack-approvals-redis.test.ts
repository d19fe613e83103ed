/**
 * Two bot instances side by side, as with Socket Mode (each click goes to one
 * connection at random): two real Bolt apps with their own HTTP receivers,
 * Redis connections, approval services and audit files, sharing one real
 * redis-server on 127.0.0.1 and one fake Slack.
 */
import { readFileSync } from 'node:fs';
import { parseLine } from '../../src/audit/audit-record.js';
import { RedisStore } from '../../src/store/redis-store.js';
import { FakeSlack, type ApiCall } from '../helpers/fake-slack.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { ApprovalHarness, TestClock, textOf } from '../helpers/slack-approvals-harness.js';
import { APPROVER, APPROVER2, fakeServer, REQUESTER } from '../unit/approvals/fake-server.js';

let redis: TestRedis;
let slack: FakeSlack;
let bots: ApprovalHarness[] = [];
let run = 0;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
beforeEach(async () => {
  slack = await new FakeSlack().start();
});
afterEach(async () => {
  await Promise.all(bots.map((b) => b.stop()));
  bots = [];
  await slack.stop();
});

async function twoInstances(): Promise<[ApprovalHarness, ApprovalHarness]> {
  const server = fakeServer();
  const clock = new TestClock();
  const prefix = `two-bots-${++run}:`;
  bots = await Promise.all(
    [1, 2].map(() =>
      ApprovalHarness.start({ slack, server, clock, store: new RedisStore({ url: redis.url, prefix }) }),
    ),
  );
  return bots as [ApprovalHarness, ApprovalHarness];
}

type Btn = { action_id: string; value: string };
const buttonsOf = (call: ApiCall): Btn[] =>
  (call.body.blocks as Array<{ type: string; elements?: Btn[] }>)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements!);
const audit = (b: ApprovalHarness) =>
  readFileSync(b.auditFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => parseLine(l)!);

async function cardFrom(bot: ApprovalHarness): Promise<{ cardTs: string; value: string }> {
  await bot.command('run restart-backend prod --reason "backend down since 10:02"', { user: REQUESTER });
  await bot.idle();
  const posts = slack.callsTo('chat.postMessage');
  const card = posts.at(-1)!;
  expect(String(card.body.text)).toMatch(/^审批请求/);
  // The fake answers chat.postMessage with increasing ts: the n-th post got this one.
  const s = String(1_700_000_000_000_100 + 100 * posts.length);
  return { cardTs: `${s.slice(0, 10)}.${s.slice(10)}`, value: buttonsOf(card)[0]!.value };
}

it('the same approval clicked on both instances at the same moment executes exactly once; the other clicker is told it is already decided', async () => {
  const [bot1, bot2] = await twoInstances();
  const { cardTs, value } = await cardFrom(bot1);
  const answers = await Promise.all([
    bot1.click({ actionId: 'approval_approve', value, user: APPROVER, messageTs: cardTs }),
    bot2.click({ actionId: 'approval_approve', value, user: APPROVER2, messageTs: cardTs }),
  ]);
  expect(answers.map((a) => a.status)).toEqual([200, 200]);
  await Promise.all([bot1.idle(), bot2.idle()]);

  expect(bot1.server.state.sudo).toEqual([['/usr/bin/systemctl', 'restart', 'oms-backend']]);
  const executed = [...audit(bot1), ...audit(bot2)].filter((r) => r.event === 'action.executed');
  expect(executed).toHaveLength(1);
  const winner = executed[0]!.user!;
  const loser = winner === APPROVER ? APPROVER2 : APPROVER;

  const told = slack.callsTo('chat.postEphemeral');
  expect(told.map((c) => c.body.user)).toEqual([loser]);
  expect(String(told[0]!.body.text)).toMatch(
    /already approved by U0APPROVER|another click is handling this approval right now/,
  );
  expect(String(told[0]!.body.text)).toMatch(/nothing more was run|it runs once/);

  const updates = slack.callsTo('chat.update').filter((c) => c.body.ts === cardTs);
  expect(updates).toHaveLength(1);
  expect(textOf(updates[0])).toContain('executed and verified');
  expect(textOf(updates[0])).toContain(`<@${winner}>`);
  // Both instances read the same final state from Redis.
  const id = JSON.parse(value).id as string;
  expect((await bot1.service.get(id))?.status).toBe('succeeded');
  expect((await bot2.service.get(id))?.status).toBe('succeeded');
});

it('a card posted by one instance is updated by the other: a click on instance 2, and the expiry sweep running on both', async () => {
  const [bot1, bot2] = await twoInstances();
  const first = await cardFrom(bot1);
  const second = await cardFrom(bot1);
  // The click lands on instance 2, which never saw the request.
  await bot2.click({ actionId: 'approval_approve', value: first.value, user: APPROVER, messageTs: first.cardTs });
  await bot2.idle();
  expect(
    textOf(
      slack
        .callsTo('chat.update')
        .filter((c) => c.body.ts === first.cardTs)
        .at(-1),
    ),
  ).toContain('executed and verified');
  // Nobody approves the second one: both instances sweep at the same moment, it is expired and its card updated once.
  bot1.clock.advance(16 * 60_000);
  const swept = await Promise.all([bot1.bot.approvals!.sweep(), bot2.bot.approvals!.sweep()]);
  expect(swept.sort()).toEqual([0, 1]);
  const expiredUpdates = slack.callsTo('chat.update').filter((c) => c.body.ts === second.cardTs);
  expect(expiredUpdates).toHaveLength(1);
  expect(textOf(expiredUpdates[0])).toContain('已过期 / expired');
  expect(bot1.server.state.sudo).toHaveLength(1);
});
