import type { Target } from '../../src/config/target.js';
import { TransportError, type Transport } from '../../src/transport/transport.js';
import { SlackHarness, SlowTransport } from '../helpers/fake-slack-harness.js';
import { ReplayTransport } from '../helpers/replay-transport.js';
import { testConfig } from '../unit/approvals/fake-server.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import { playbookRegistry } from '../../src/app/playbook-registry.js';

/**
 * `/oms compare` through the real Bolt app and HTTP receiver against the fake Web API: the ack, the root
 * message counting both sides (throttled), the final message with both verdicts and the differences that
 * explain a finding, every difference in the thread, and the refusals answered privately.
 */
let h: SlackHarness;
afterEach(async () => {
  await h?.stop();
});

const SECRETS = ['EVuWdnct2NUwk9oKAAJK', 'nxcG0fXEWVsXKBOJWBPhDY26', 'h6inws'];
const text = (v: unknown) => JSON.stringify(v);

/** prod and staging (from the config), each answering from its own captured situation. */
async function start(scenarios: Record<string, string | Error>, delayMs = 0): Promise<SlackHarness> {
  const transportFor = (t: Target): Transport => {
    const s = scenarios[t.name] ?? 'healthy';
    if (s instanceof Error) throw s;
    const tr = delayMs ? new SlowTransport(s, delayMs) : new ReplayTransport(s);
    h.transports.push(tr);
    return tr;
  };
  h = await SlackHarness.start({ deps: { config: testConfig(), transportFor } });
  return h;
}

describe('/oms compare', () => {
  it('prod broken, staging healthy: root message updated as both run, then verdicts and the cause; all in the thread', async () => {
    await start({ prod: 'allowed-hosts-missing-ip', staging: 'healthy' }, 60);
    const r = await h.command('compare login prod staging', { user: 'U0ALICE' });
    expect(r.status).toBe(200);
    expect(r.body).toBe('');
    await h.idle();

    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    const root = posts[0]!;
    expect(root.body.channel).toBe('C0OPS');
    expect(root.body.thread_ts).toBeUndefined();
    expect(text(root.body.blocks)).toMatch(/compare: login — prod ↔ staging/);
    const login = (await loadPlaybooks(defaultPlaybookDir(), playbookRegistry())).find((p) => p.id === 'login')!;
    const n = login.checks.length;
    expect(text(root.body.blocks)).toMatch(new RegExp(`\\*prod\\* 0/${n}.*\\*staging\\* 0/${n}`));
    expect(text(root.body.blocks)).toContain('<@U0ALICE>');

    const updates = h.slack.callsTo('chat.update');
    expect(updates.length).toBeGreaterThanOrEqual(2);
    // 2 × n observations, coalesced by the throttle (src/slack/throttle.ts) into a few updates; the last is the result.
    expect(updates.length).toBeLessThan(10);
    expect(text(updates[0]!.body.blocks)).toMatch(new RegExp(`\\*prod\\* \\d+/${n}`));
    const final = updates[updates.length - 1]!;
    const finalText = text(final.body.blocks);
    expect(finalText).toMatch(/\*prod\* :red_circle: 有问题 \/ problem/);
    expect(finalText).toMatch(/\*staging\* :large_green_circle: 正常 \/ ok/);
    expect(finalText).toMatch(
      /:small_orange_diamond: \*ALLOWED_HOSTS\* — prod: `localhost, 127.0.0.1` · staging: `172.29.91.61, localhost, 127.0.0.1` → `allowed-hosts`/,
    );
    expect(final.body.text).toMatch(/prod problem, staging ok/);

    const details = posts[1]!;
    expect(details.body.thread_ts).toBe(final.body.ts);
    const detailText = text(details.body.blocks);
    expect(detailText).toMatch(/\*settings\*/);
    expect(detailText).toMatch(/\*checks\*/);
    expect(detailText).toMatch(/values not compared: `DATABASE_PASSWORD`, `REDIS_PASSWORD`, `SECRET_KEY`/);
    for (const s of SECRETS) expect(h.slack.everythingSent()).not.toContain(s);
    // Both sides ran their checks.
    expect(h.transports).toHaveLength(2);
  });

  it('one side unreachable: both verdicts in the channel, the other side still reported, nothing compared', async () => {
    const refused = new TransportError('connect_refused', 'connection refused by 10.0.0.6:22', 'start sshd on staging');
    await start({ prod: 'healthy', staging: refused });
    await h.command('compare api-not-found prod staging');
    await h.idle();
    const final = h.slack.callsTo('chat.update').at(-1)!;
    const t = text(final.body.blocks);
    expect(t).toMatch(/\*prod\* :large_green_circle: 正常 \/ ok/);
    expect(t).toMatch(/\*staging\* :no_entry: 连不上 \/ unreachable/);
    expect(t).toMatch(/connection refused by 10.0.0.6:22/);
    expect(t).toMatch(/could not be reached: nothing was compared/);
  });

  it.each([
    ['compare login prod prdo', /unknown target "prdo"/],
    ['compare nope prod staging', /no playbook matches "nope"/],
    ['compare login prod prod', /compare needs two different targets, not prod twice/],
    ['compare login prod', /compare needs a playbook and two targets/],
    ['compare login prod all', /all is a group \(prod, staging\); compare takes two targets/],
  ])('%s: refused in the ack, privately; nothing posted or run', async (command, error) => {
    await start({});
    const body = (await h.command(command)).json() as { response_type: string; text: string; blocks: unknown };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(error);
    expect(text(body)).toMatch(/\/oms /);
    await h.idle();
    expect(h.slack.calls).toEqual([]);
    expect(h.transports).toEqual([]);
  });

  it('not in the channel: the comparison goes to the asker privately, with how to invite the bot', async () => {
    await start({ prod: 'nginx-api-location-missing', staging: 'healthy' });
    h.slack.fail('chat.postMessage', 'not_in_channel', { channel: 'C0ELSEWHERE' });
    await h.command('compare api-not-found prod staging', { channel: 'C0ELSEWHERE', responseId: 'nic' });
    await h.idle();
    const answers = h.slack.responses.filter((x) => x.id === 'nic');
    expect(answers).toHaveLength(2);
    expect(text(answers[0]!.body)).toContain('/invite @oms-chatops');
    expect(text(answers[1]!.body)).toMatch(/nginx location.*api-location-missing/);
    expect(h.slack.callsTo('chat.update')).toEqual([]);
  });
});
