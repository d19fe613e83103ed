/**
 * `/oms diagnose login prod` where prod is a group, through the real Bolt app and the fake Slack Web API:
 * one root message with the table, updated as targets finish, then a thread reply per target with a
 * problem carrying that target's buttons; a Re-run click runs that target alone; Slack's 429s while the
 * fleet posts are waited out without losing or doubling a message.
 */
import { findCheck } from '../../src/checks/registry.js';
import { parseConfig } from '../../src/config/config.js';
import type { Target } from '../../src/config/target.js';
import { TransportError, type Transport } from '../../src/transport/transport.js';
import type { ApiCall } from '../helpers/fake-slack.js';
import { SlackHarness, SlowTransport, testApprovals } from '../helpers/fake-slack-harness.js';

const config = parseConfig(
  `targets:
  web1: { host: 10.0.0.1, user: omsbot, privateKey: /nonexistent/key }
  web2: { host: 10.0.0.2, user: omsbot, privateKey: /nonexistent/key }
  web3: { host: 10.0.0.3, user: omsbot, privateKey: /nonexistent/key }
  dead: { host: 10.0.0.4, user: omsbot, privateKey: /nonexistent/key }
groups:
  prod: [web1, web2, web3, dead]
defaultTarget: web1
`,
  'fleet.yml',
);

/** web1, web2: ALLOWED_HOSTS lacks the public IP; web3 healthy (and slowest); dead refuses the connection. */
function transportFor(t: Target): Transport {
  if (t.name === 'dead')
    return {
      describe: 'omsbot@10.0.0.4:22',
      exec: async () => {
        throw new TransportError('connect_refused', 'Nothing answers on 10.0.0.4:22 (connection refused).', 'hint');
      },
      close: async () => undefined,
    };
  const delay = { web1: 5, web2: 15, web3: 40 }[t.name] ?? 5;
  return new SlowTransport(t.name === 'web3' ? 'healthy' : 'allowed-hosts-missing-ip', delay);
}

const ok = (calls: ApiCall[]) => calls.filter((c) => c.status === 200);
const blocksOf = (c: ApiCall) => JSON.stringify(c.body.blocks);

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function start() {
  return SlackHarness.start({
    updateIntervalMs: 20,
    bot: { webApiRetry: { backoffMs: 50 } },
    deps: {
      config,
      transportFor,
      findCheck,
      ...testApprovals(config, () => transportFor(config.targets.get('web1')!)),
    },
  });
}

describe('a fleet in Slack', () => {
  it('one root table updated live, worst first; a thread reply with buttons per target with a problem', async () => {
    h = await start();
    await h.command('diagnose login prod', { responseId: 'fleet' });
    await h.idle();
    const posts = ok(h.slack.callsTo('chat.postMessage'));
    const root = posts[0]!;
    expect(root.body.thread_ts).toBeUndefined();
    expect(String(root.body.text)).toMatch(/@ prod — 0\/4/);
    const rootTs = String(h.slack.callsTo('chat.update')[0]!.body.ts);
    const updates = ok(h.slack.callsTo('chat.update')).filter((c) => c.body.ts === rootTs);
    // Updated while targets finished (a partial count), then the final table.
    expect(updates.some((u) => /— [123]\/4/.test(String(u.body.text)))).toBe(true);
    const final = updates.at(-1)!;
    expect(String(final.body.text)).toMatch(/4\/4: 1 unreachable, 2 problem, 1 ok/);
    const table = blocksOf(final);
    const order = ['dead', 'web1', 'web2', 'web3'].map((n) => table.indexOf(`*${n}*`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(table).toMatch(/2 targets: /);
    // Thread replies: dead, web1, web2 (not the healthy web3), each with its own Re-run.
    const replies = posts.slice(1);
    expect(replies.every((p) => p.body.thread_ts === rootTs)).toBe(true);
    const targetsOfReplies = replies.map((p) => /"t\\":\\"([a-z0-9]+)\\"/.exec(blocksOf(p))?.[1]);
    expect(targetsOfReplies).toEqual(['dead', 'web1', 'web2']);
    expect(replies.every((p) => blocksOf(p).includes('oms_rerun'))).toBe(true);
    expect(h.slack.responses.filter((r) => r.id === 'fleet')).toEqual([]);
  });

  it('Re-run on a thread reply runs that target alone, in the thread', async () => {
    h = await start();
    await h.command('diagnose login prod');
    await h.idle();
    const posts = ok(h.slack.callsTo('chat.postMessage'));
    const reply = posts.find((p) => blocksOf(p).includes('\\"t\\":\\"web2\\"'))!;
    const rerun = (reply.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'oms_rerun')!;
    const before = h.slack.callsTo('chat.postMessage').length;
    await h.click({
      actionId: 'oms_rerun',
      value: rerun.value,
      messageTs: '1700000000.000200',
      threadTs: String(reply.body.thread_ts),
    });
    await h.idle();
    const after = h.slack.callsTo('chat.postMessage').slice(before);
    // One new root for the re-run, in the fleet's thread, about web2 only.
    expect(after.map((p) => String(p.body.text).match(/@ (\w+)/)?.[1])).toEqual(['web2', undefined]);
    expect(after[0]!.body.thread_ts).toBe(reply.body.thread_ts);
  });

  it('429s while the fleet posts: waited out, one root, one reply per problem target, nothing doubled', async () => {
    h = await start();
    h.slack.rateLimit('chat.postMessage', 1, 2);
    await h.command('diagnose login prod', { responseId: 'limited' });
    await h.idle();
    const all = h.slack.callsTo('chat.postMessage');
    expect(all.filter((c) => c.status === 429)).toHaveLength(2);
    const delivered = ok(all);
    expect(delivered.filter((p) => p.body.thread_ts === undefined)).toHaveLength(1);
    expect(delivered.filter((p) => p.body.thread_ts !== undefined)).toHaveLength(3);
    expect(h.logs.join('\n')).toMatch(/ratelimited; retrying in 1\.0 s/);
    expect(h.slack.responses.filter((r) => r.id === 'limited')).toEqual([]);
  });

  it('an unknown group is refused in the ack with the targets and groups; nothing runs', async () => {
    h = await start();
    const ack = await h.command('diagnose login --target prdo');
    await h.idle();
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
    const said = ack.body;
    expect(said).toMatch(/unknown target or group/);
    expect(said).toMatch(/prod \(group: web1, web2, web3, dead\)/);
  });
});
