/**
 * A replayed signed request is answered once: the same signed `/oms run`
 * (within Slack's 5-minute window) posts one approval card, on one instance
 * or two sharing Redis; a replayed click has one effect; a repeat of the same
 * trigger_id with fresh signed bytes is dropped too. Through the real Bolt
 * HTTP receiver, with the de-duplication in the real store (file, Redis).
 */
import { RedisStore } from '../../src/store/redis-store.js';
import { FakeSlack, type ApiCall } from '../helpers/fake-slack.js';
import { SIGNING_SECRET, SlackHarness } from '../helpers/fake-slack-harness.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { ApprovalHarness, TestClock } from '../helpers/slack-approvals-harness.js';
import {
  blockActionPayload,
  interactionBody,
  newTriggerId,
  postSigned,
  slashCommandBody,
} from '../helpers/slack-sign.js';
import { fakeServer, REQUESTER } from '../unit/approvals/fake-server.js';

const FORM = 'application/x-www-form-urlencoded';
let redis: TestRedis | undefined;
let bots: ApprovalHarness[] = [];
let h: SlackHarness | undefined;
let slack: FakeSlack | undefined;

afterEach(async () => {
  await Promise.all(bots.map((b) => b.stop()));
  await h?.stop();
  await slack?.stop();
  bots = [];
  h = slack = undefined;
});
afterAll(async () => {
  await redis?.stop();
});

const cards = (calls: ApiCall[]) =>
  calls.filter((c) => c.method === 'chat.postMessage' && String(c.body.text).startsWith('审批请求'));

function runCommand(responseUrl: string, triggerId = newTriggerId()): string {
  return slashCommandBody({
    text: 'run restart-backend prod --reason "backend down since 10:02"',
    user: REQUESTER,
    responseUrl,
    triggerId,
  });
}

describe('a replayed /oms run', () => {
  it('the very same signed request twice (file store): one approval card, the copy acked with nothing', async () => {
    const bot = await ApprovalHarness.start();
    bots = [bot];
    const body = runCommand(bot.slack.responseUrl('cmd'));
    const timestamp = Math.floor(Date.now() / 1000) - 120; // inside the 5-minute window
    const first = await postSigned(bot.url, body, { secret: SIGNING_SECRET, contentType: FORM, timestamp });
    await bot.idle();
    const copy = await postSigned(bot.url, body, { secret: SIGNING_SECRET, contentType: FORM, timestamp });
    await bot.idle();
    expect([first.status, copy.status]).toEqual([200, 200]);
    expect(copy.body).toBe('');
    expect(cards(bot.slack.calls)).toHaveLength(1);
    expect(bot.logs.join('\n')).toMatch(
      /dropped a repeated delivery of the \/oms command by U0REQUESTER .* same trigger/,
    );
    // A new command (a new trigger_id) is a new request: a second card.
    await postSigned(bot.url, runCommand(bot.slack.responseUrl('cmd2')), { secret: SIGNING_SECRET, contentType: FORM });
    await bot.idle();
    expect(cards(bot.slack.calls)).toHaveLength(2);
  });

  it('the same trigger_id with fresh signed bytes is dropped too', async () => {
    const bot = await ApprovalHarness.start();
    bots = [bot];
    const trigger = newTriggerId();
    await postSigned(bot.url, runCommand(bot.slack.responseUrl('a'), trigger), {
      secret: SIGNING_SECRET,
      contentType: FORM,
    });
    await postSigned(bot.url, runCommand(bot.slack.responseUrl('b'), trigger), {
      secret: SIGNING_SECRET,
      contentType: FORM,
      timestamp: Math.floor(Date.now() / 1000) - 30,
    });
    await bot.idle();
    expect(cards(bot.slack.calls)).toHaveLength(1);
  });

  it('replayed to a second instance sharing Redis: still one card', async () => {
    redis ??= await startRedis();
    slack = await new FakeSlack().start();
    const server = fakeServer();
    const clock = new TestClock();
    const prefix = `replay-${Date.now()}:`;
    bots = await Promise.all(
      [1, 2].map(() =>
        ApprovalHarness.start({ slack, server, clock, store: new RedisStore({ url: redis!.url, prefix }) }),
      ),
    );
    const body = runCommand(slack.responseUrl('cmd'));
    const timestamp = Math.floor(Date.now() / 1000);
    for (const bot of bots) {
      const r = await postSigned(bot.url, body, { secret: SIGNING_SECRET, contentType: FORM, timestamp });
      expect(r.status).toBe(200);
      await bot.idle();
    }
    expect(cards(slack.calls)).toHaveLength(1);
    expect(server.state.sudo).toEqual([]);
  });
});

describe('a replayed click', () => {
  it('Re-run sent twice with the same signed bytes runs one diagnosis', async () => {
    h = await SlackHarness.start({ updateIntervalMs: 20 });
    await h.command('diagnose login prod');
    await h.idle();
    const report = h.slack.callsTo('chat.update').at(-1)!;
    const rerun = (report.body.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((b) => b.action_id === 'oms_rerun')!;
    const body = interactionBody(
      blockActionPayload({
        actionId: 'oms_rerun',
        value: rerun.value,
        messageTs: String(report.body.ts),
        responseUrl: h.slack.responseUrl('click'),
      }),
    );
    const runsBefore = h.transports.length;
    const postsBefore = h.slack.callsTo('chat.postMessage').length;
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 2; i++) {
      const r = await postSigned(h.url, body, { secret: SIGNING_SECRET, contentType: FORM, timestamp });
      expect(r.status).toBe(200);
    }
    await h.idle();
    expect(h.transports.length).toBe(runsBefore + 1);
    // One root message and one details message in its thread: one diagnosis.
    expect(h.slack.callsTo('chat.postMessage').length).toBe(postsBefore + 2);
    expect(h.logs.join('\n')).toMatch(/dropped a repeated delivery of the click on oms_rerun by U0ALICE/);
  });
});
