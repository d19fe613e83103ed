/**
 * Slack answering 500 and 429 for a while: the bot's Web API calls are sent
 * again with backoff (Retry-After respected), nothing is lost and nothing is
 * posted twice. The outage is short (a few calls, Retry-After: 1) and the
 * backoff small, so the test stays quick; the policy is the production one.
 */
import type { ApiCall } from '../helpers/fake-slack.js';
import { SlackHarness } from '../helpers/fake-slack-harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const ok = (calls: ApiCall[]) => calls.filter((c) => c.status === 200);

describe('Slack answering 500 and 429 for a while', () => {
  it('a diagnosis still posts its root once, the final report and the details arrive; nobody is told of a failure', async () => {
    h = await SlackHarness.start({
      scenario: 'backend-stopped',
      updateIntervalMs: 20,
      bot: { webApiRetry: { backoffMs: 100 } },
    });
    // The first three calls get 500, the next two 429 with Retry-After: 1.
    h.slack.outage(500, 3);
    h.slack.outage(429, 2, { retryAfter: 1 });
    await h.command('diagnose api-not-found prod', { responseId: 'outage' });
    await h.idle();
    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts.filter((c) => c.status !== 200).length).toBeGreaterThanOrEqual(3);
    // Exactly one root message and one details message in its thread.
    const delivered = ok(posts);
    expect(delivered).toHaveLength(2);
    const rootTs = String(h.slack.callsTo('chat.update').find((c) => c.status === 200)?.body.ts);
    expect(delivered[1]!.body.thread_ts).toBe(rootTs);
    // The final report replaced the progress message.
    const last = ok(h.slack.callsTo('chat.update')).at(-1)!;
    expect(last.body.ts).toBe(rootTs);
    expect(String(last.body.text)).toMatch(/problem found|root cause|api-not-found|诊断/i);
    expect(JSON.stringify(last.body.blocks)).toContain('oms_rerun');
    // Nothing failed as far as the user can tell: no ephemeral, no response_url answer.
    expect(h.slack.responses.filter((r) => r.id === 'outage')).toEqual([]);
    expect(h.slack.callsTo('chat.postEphemeral')).toEqual([]);
    const logs = h.logs.join('\n');
    expect(logs).toMatch(/chat\.postMessage: Slack answered HTTP 500; retrying in 0\.1 s/);
    expect(logs).toMatch(/Slack answered ratelimited; retrying in 1\.0 s/);
    expect(logs).not.toMatch(/background task/);
  });

  it('Retry-After is respected between a 429 and the next try', async () => {
    h = await SlackHarness.start({ updateIntervalMs: 20, bot: { webApiRetry: { backoffMs: 100 } } });
    h.slack.outage(429, 1, { retryAfter: 1, methods: ['chat.postMessage'] });
    await h.command('check backend-service prod');
    await h.idle();
    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts[0]!.status).toBe(429);
    expect(posts[1]!.status).toBe(200);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(ok(posts)).toHaveLength(2);
  });

  it('an outage longer than the budget ends in a clear answer to the user, not silence', async () => {
    h = await SlackHarness.start({ updateIntervalMs: 20, bot: { webApiRetry: { backoffMs: 50, budgetMs: 300 } } });
    h.slack.outage(503, 50, { methods: ['chat.postMessage'] });
    await h.command('diagnose login prod', { responseId: 'down' });
    await h.idle();
    expect(ok(h.slack.callsTo('chat.postMessage'))).toEqual([]);
    const answer = JSON.stringify(h.slack.responses.find((r) => r.id === 'down')?.body ?? {});
    expect(answer).toMatch(/the diagnosis was not run/);
    expect(answer).toMatch(/Slack is not answering \(HTTP 503\)/);
    expect(answer).toMatch(/try again in a few minutes/);
  });
});
