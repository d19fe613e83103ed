import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS, findCheck } from '../../src/checks/registry.js';
import { SlackBot } from '../../src/slack/app.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { MemoryDedupe } from '../../src/store/dedupe.js';
import { realPlaybooks, testApprovals, testConfig } from '../helpers/fake-slack-harness.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { FakeSocketMode } from '../helpers/fake-socket-mode.js';

/**
 * Socket Mode, the bot's default transport, end to end: `npm start`
 * (src/main.ts as a child process) with SLACK_BOT_TOKEN + SLACK_APP_TOKEN and
 * SLACK_API_URL pointing at a fake Slack on 127.0.0.1, whose
 * apps.connections.open hands out a ws://127.0.0.1 URL of a fake Socket Mode
 * server. The real Bolt App, SocketModeReceiver and @slack/socket-mode client
 * do the rest. The steps share one bot process and run in order.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BOT_TOKEN = 'xoxb-socket-test-5f1d2a9c0b7e';
const APP_TOKEN = 'xapp-1-A0OMS-socket-test-8c3e6b1f4d2a';

/** The reconnect waits clientPingTimeout (5 s) before a new apps.connections.open; generous margins around that. */
const RECONNECT_MS = 25_000;

interface Bot {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
  exitCode: () => number | null | undefined;
}

function startBot(env: Record<string, string>, cwd: string): Bot {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'main.ts')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  let code: number | null | undefined;
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (c) => {
      code = c;
      resolve(c);
    }),
  );
  return { child, stderr: () => err, exited, exitCode: () => code };
}

async function waitFor(cond: () => boolean, ms: number, what: string, stderr: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end)
      throw new Error(`timed out after ${ms} ms waiting for ${what}; bot stderr so far:\n${stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const blocksText = (blocks: unknown) => JSON.stringify(blocks);
const PHRASE_TS = '1700000500.000100';
const phrase = {
  type: 'message',
  channel: 'C0OPS',
  user: 'U0BOB',
  text: '超级管理员登录不上',
  ts: PHRASE_TS,
  channel_type: 'channel',
};

describe('npm start in Socket Mode against a fake Socket Mode server on 127.0.0.1', () => {
  let slack: FakeSlack;
  let sm: FakeSocketMode;
  let bot: Bot;
  let cwd: string;
  const opens = () => slack.callsTo('apps.connections.open').filter((c) => c.authorization === `Bearer ${APP_TOKEN}`);
  const suggestions = () => slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === PHRASE_TS);

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    sm = await new FakeSocketMode().start();
    sm.serveConnectionsOpen(slack);
    // A fresh working directory: no oms-chatops.yml (built-in config, target `local`), its own data dir.
    cwd = mkdtempSync(join(tmpdir(), 'oms-socket-mode-'));
    bot = startBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl }, cwd);
  });

  afterAll(async () => {
    if (bot.exitCode() === undefined) {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
    await sm.stop();
    await slack.stop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('connects: apps.connections.open with the app token at SLACK_API_URL, a ws:// connection, hello, then says "Socket Mode" on stderr', async () => {
    await waitFor(() => /Slack front end, Socket Mode/.test(bot.stderr()), 30_000, 'the Socket Mode line', bot.stderr);
    expect(bot.stderr()).toContain(`Socket Mode (SLACK_APP_TOKEN), Web API ${slack.apiUrl};`);
    expect(bot.stderr()).toMatch(/default target local/);
    // The app token opened the connection, once; the bot token verified itself with auth.test.
    expect(opens().length).toBe(1);
    expect(slack.callsTo('apps.connections.open').length).toBe(1);
    expect(slack.callsTo('auth.test').map((c) => c.authorization)).toContain(`Bearer ${BOT_TOKEN}`);
    expect(sm.connections.length).toBe(1);
    expect(sm.connections[0]!.closed).toBeUndefined();
    expect(sm.refused).toEqual([]);
    expect(bot.stderr()).not.toContain(BOT_TOKEN);
    expect(bot.stderr()).not.toContain(APP_TOKEN);
  });

  // Ack latency is measured in bench/slack.ts, not asserted here.
  it('/oms help: the envelope is acked on the socket (envelope_id echoed) with the ephemeral help as the ack payload', async () => {
    const id = sm.slashCommand({ text: 'help', responseUrl: slack.responseUrl('help') });
    const ack = await sm.ackFor(id);
    expect(ack.connection).toBe(1);
    const payload = ack.message.payload as { response_type: string; text: string; blocks: unknown[] };
    expect(payload.response_type).toBe('ephemeral');
    expect(blocksText(payload.blocks)).toContain('/oms diagnose');
    for (const pb of ['login', 'api-not-found']) expect(blocksText(payload.blocks)).toContain(`\`${pb}\``);
    expect(blocksText(payload.blocks)).toContain('`local`');
    expect(sm.acksFor(id).length).toBe(1);
    // Answered in the ack: nothing went to response_url or chat.*.
    expect(slack.responses.filter((r) => r.id === 'help')).toEqual([]);
  });

  it('/oms diagnose login local: acked empty before the diagnosis, then the root message and the final report are posted to the Web API (OMS is not installed here)', async () => {
    const id = sm.slashCommand({
      text: 'diagnose login local',
      responseUrl: slack.responseUrl('diag'),
      user: 'U0ALICE',
    });
    const ack = await sm.ackFor(id, 20_000);
    expect(ack.message.payload).toEqual({});

    await slack.waitFor(
      () => slack.callsTo('chat.postMessage').some((c) => c.body.thread_ts === undefined),
      30_000,
      'the root message',
    );
    const root = slack.callsTo('chat.postMessage').find((c) => c.body.thread_ts === undefined)!;
    expect(root.body.channel).toBe('C0OPS');
    expect(root.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(blocksText(root.body.blocks)).toContain('<@U0ALICE>');
    const rootTs = await (async () => {
      // The fake answers each postMessage with a new ts; the report edits the root message in place.
      await slack.waitFor(
        () => slack.callsTo('chat.update').some((u) => /Verdict/.test(blocksText(u.body.blocks))),
        60_000,
        'the final report',
      );
      return slack.callsTo('chat.update').find((u) => /Verdict/.test(blocksText(u.body.blocks)))!.body.ts as string;
    })();
    const final = slack
      .callsTo('chat.update')
      .filter((u) => u.body.ts === rootTs)
      .at(-1)!;
    const finalText = blocksText(final.body.blocks);
    expect(final.body.channel).toBe('C0OPS');
    expect(finalText).toMatch(/Verdict/);
    expect(finalText).toContain('OMS is not installed here');
    expect(finalText).toContain('oms_rerun');
    // The ack did not wait for the diagnosis (eleven checks) to finish.
    expect(ack.at).toBeLessThanOrEqual(final.at);
    expect(sm.acksFor(id).length).toBe(1);
    // No token in what the bot posted (Bolt's own auth.test may carry the bot token to the Web API; nothing else may).
    const posted =
      JSON.stringify(slack.calls.filter((c) => c.method !== 'auth.test').map((c) => c.body)) +
      JSON.stringify(slack.responses);
    expect(posted).toContain('OMS is not installed here');
    expect(posted).not.toContain(BOT_TOKEN);
    expect(slack.everythingSent()).not.toContain(APP_TOKEN);
    expect(JSON.stringify(sm.received)).not.toMatch(/xoxb-|xapp-/);
  });

  it('a chat message "超级管理员登录不上" (events_api) gets exactly one threaded suggestion; the same event re-sent with retry_attempt 1 is acked and dropped', async () => {
    const first = sm.event(phrase, 'EvSocket1');
    expect((await sm.ackFor(first)).message.payload).toEqual({});
    await slack.waitFor(() => suggestions().length > 0, 20_000, 'the threaded suggestion');
    const s = suggestions()[0]!;
    expect(s.body.channel).toBe('C0OPS');
    expect(blocksText(s.body.blocks)).toContain('"action_id":"oms_run_diagnosis"');

    const retry = sm.event(phrase, 'EvSocket1', { attempt: 1, reason: 'timeout' });
    await sm.ackFor(retry);
    // The drop is logged by the middleware before any listener, with the retry details from the envelope.
    await waitFor(
      () => bot.stderr().includes('dropped a repeated delivery of EvSocket1 (retry 1, timeout)'),
      10_000,
      'the dropped retry',
      bot.stderr,
    );
    expect(suggestions().length).toBe(1);
  });

  it('a "disconnect" from the server: the client closes that socket, opens a new one with a second apps.connections.open, and keeps working', async () => {
    const old = sm.disconnect('refresh_requested');
    await sm.waitFor(() => old.closed !== undefined, 10_000, 'the old socket to close');
    expect(old.closed!.code).toBe(1000);
    await sm.waitFor(() => sm.connections.length === 2 && sm.current?.n === 2, RECONNECT_MS, 'a second connection');
    expect(opens().length).toBe(2);
    expect(sm.refused).toEqual([]);
    expect(sm.connections[1]!.ticket).not.toBe(sm.connections[0]!.ticket);

    const id = sm.slashCommand({ text: 'help', responseUrl: slack.responseUrl('help2') });
    const ack = await sm.ackFor(id);
    expect(ack.connection).toBe(2);
    expect(blocksText((ack.message.payload as { blocks: unknown[] }).blocks)).toContain('/oms diagnose');

    // A new event on the new connection is handled too.
    const ev = sm.event({ ...phrase, ts: '1700000600.000100' }, 'EvSocket2');
    expect((await sm.ackFor(ev)).connection).toBe(2);
    await slack.waitFor(
      () => slack.callsTo('chat.postMessage').some((c) => c.body.thread_ts === '1700000600.000100'),
      20_000,
      'the suggestion after reconnecting',
    );
  });

  it('SIGTERM: closes the socket normally, lets running work finish, exits 0, and does not reconnect', async () => {
    const live = sm.current!;
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toContain('stopping');
    await sm.waitFor(() => live.closed !== undefined, 10_000, 'the socket to close');
    expect(live.closed!.code).toBe(1000);
    expect(opens().length).toBe(2);
    expect(sm.connections.length).toBe(2);
    // Everything the bot did is done now: still exactly one suggestion for the first phrase.
    expect(suggestions().length).toBe(1);
    expect(bot.stderr()).not.toContain(BOT_TOKEN);
    expect(bot.stderr()).not.toContain(APP_TOKEN);
  });
});

describe('Socket Mode options', () => {
  it("the bot's Web API client keeps Bolt's retry policy in Socket Mode (the Socket Mode client's 100 reconnect retries stay its own)", async () => {
    const deps: SlackDeps = {
      config: testConfig(),
      playbooks: await realPlaybooks(),
      checks: CHECKS,
      findCheck,
      transportFor: () => {
        throw new Error('nothing runs in this test');
      },
      dedupe: new MemoryDedupe(),
      log: () => {},
      ...testApprovals(testConfig(), () => {
        throw new Error('nothing runs in this test');
      }),
    };
    // Neither bot is started and token verification is off: nothing leaves the process.
    const socket = new SlackBot({
      env: { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: 'http://127.0.0.1:9/api/' },
      deps,
      tokenVerification: false,
    });
    const http = new SlackBot({
      env: {
        mode: 'http',
        botToken: BOT_TOKEN,
        signingSecret: 'unused-signing-secret',
        port: 0,
        apiUrl: 'http://127.0.0.1:9/api/',
      },
      deps,
      tokenVerification: false,
    });
    // WebClient keeps its policy in a private field; read it as such.
    const retryConfig = (b: SlackBot) => (b.app.client as unknown as { retryConfig: { retries: number } }).retryConfig;
    expect(retryConfig(http).retries).toBeLessThan(100);
    expect(retryConfig(socket)).toEqual(retryConfig(http));
    expect((socket.app.client as unknown as { slackApiUrl: string }).slackApiUrl).toBe('http://127.0.0.1:9/api/');
  });
});
