import { SIGNING_SECRET, SlackHarness } from '../helpers/fake-slack-harness.js';
import { postSigned, slashCommandBody, slackSignature } from '../helpers/slack-sign.js';

/** Request signing, retries and chat messages through the real HTTP receiver. */
let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.stop();
});

const form = 'application/x-www-form-urlencoded';

describe('request signing', () => {
  it('accepts a correctly signed request (ack latency is measured in bench/slack.ts)', async () => {
    const r = await h.command('help');
    expect(r.status).toBe(200);
  });

  it('refuses a bad signature: 401, nothing runs, nothing is posted', async () => {
    const body = slashCommandBody({ text: 'diagnose login', responseUrl: h.slack.responseUrl() });
    const ts = Math.floor(Date.now() / 1000);
    const r = await postSigned(h.url, body, {
      secret: SIGNING_SECRET,
      contentType: form,
      signature: slackSignature('not-the-secret', ts, body),
      timestamp: ts,
    });
    expect(r.status).toBe(401);
    await h.idle();
    expect(h.slack.calls).toEqual([]);
    expect(h.transports).toEqual([]);
  });

  it('refuses a body altered after signing', async () => {
    const body = slashCommandBody({ text: 'help', responseUrl: h.slack.responseUrl() });
    const ts = Math.floor(Date.now() / 1000);
    const r = await postSigned(h.url, body.replace('help', 'diagnose+login'), {
      secret: SIGNING_SECRET,
      contentType: form,
      signature: slackSignature(SIGNING_SECRET, ts, body),
      timestamp: ts,
    });
    expect(r.status).toBe(401);
    await h.idle();
    expect(h.transports).toEqual([]);
  });

  it('refuses a stale timestamp (older than 5 minutes), even when correctly signed', async () => {
    const body = slashCommandBody({ text: 'diagnose login', responseUrl: h.slack.responseUrl() });
    const r = await postSigned(h.url, body, {
      secret: SIGNING_SECRET,
      contentType: form,
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(r.status).toBe(401);
    await h.idle();
    expect(h.slack.calls).toEqual([]);
    expect(h.transports).toEqual([]);
  });
});

const phrase = (over: Record<string, unknown> = {}) => ({
  type: 'message',
  channel: 'C0OPS',
  user: 'U0BOB',
  text: '超级管理员登录不上',
  ts: '1700000100.000100',
  channel_type: 'channel',
  ...over,
});

describe('chat messages and mentions', () => {
  it('a matching phrase gets one threaded suggestion with a Run diagnosis button; nothing runs', async () => {
    const r = await h.event(phrase(), 'Ev001');
    expect(r.status).toBe(200);
    await h.idle();
    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts.length).toBe(1);
    expect(posts[0]!.body.thread_ts).toBe('1700000100.000100');
    expect(posts[0]!.body.channel).toBe('C0OPS');
    const blocks = posts[0]!.body.blocks as Array<{
      type: string;
      elements?: Array<{ action_id: string; value: string }>;
    }>;
    const button = blocks.find((b) => b.type === 'actions')!.elements![0]!;
    expect(button.action_id).toBe('oms_run_diagnosis');
    expect(JSON.parse(button.value)).toEqual({ v: 1, k: 'diagnose', p: 'login', t: 'prod' });
    expect({ text: posts[0]!.body.text, blocks }).toMatchSnapshot();
    expect(h.transports).toEqual([]);
  });

  it('a pasted log line is matched too', async () => {
    await h.event(
      phrase({ text: 'Main process exited, code=exited, status=217/USER', ts: '1700000100.000200' }),
      'Ev002',
    );
    await h.idle();
    expect(JSON.stringify(h.slack.callsTo('chat.postMessage')[0]!.body.blocks)).toContain('service-start');
  });

  it.each(['今天中午吃什么', 'the deploy of the marketing site went fine', 'lol'])(
    'unrelated chatter gets no reply: %s',
    async (text) => {
      await h.event(phrase({ text }), `Ev-${text.length}`);
      await h.idle();
      expect(h.slack.calls).toEqual([]);
    },
  );

  it('ignores bots, itself, edits and other subtypes', async () => {
    await h.event(phrase({ bot_id: 'B0OTHER', ts: '1.1' }), 'EvB1');
    await h.event(phrase({ user: 'U0BOT', ts: '1.2' }), 'EvB2');
    await h.event(
      {
        type: 'message',
        subtype: 'message_changed',
        channel: 'C0OPS',
        ts: '1.3',
        message: { user: 'U0BOB', text: '超级管理员登录不上' },
      },
      'EvB3',
    );
    await h.event(phrase({ subtype: 'bot_message', ts: '1.4' }), 'EvB4');
    await h.event(phrase({ subtype: 'thread_broadcast', ts: '1.5' }), 'EvB5');
    await h.idle();
    expect(h.slack.calls).toEqual([]);
  });

  it('a replayed retry (X-Slack-Retry-Num) is handled once', async () => {
    await h.event(phrase({ ts: '1700000200.000100' }), 'EvRetry');
    await h.event(phrase({ ts: '1700000200.000100' }), 'EvRetry', {
      'X-Slack-Retry-Num': '1',
      'X-Slack-Retry-Reason': 'http_timeout',
    });
    await h.event(phrase({ ts: '1700000200.000100' }), 'EvRetry', {
      'X-Slack-Retry-Num': '2',
      'X-Slack-Retry-Reason': 'http_timeout',
    });
    await h.idle();
    expect(h.slack.callsTo('chat.postMessage').length).toBe(1);
    expect(h.logs.filter((l) => /dropped a repeated delivery of EvRetry \(retry [12]/.test(l)).length).toBe(2);
  });

  it('at most one suggestion per thread: the message and app_mention events of one message, and later replies', async () => {
    await h.event(phrase({ ts: '1700000300.000100', text: '<@U0BOT> 超级管理员登录不上' }), 'EvM1');
    await h.event(
      { ...phrase({ ts: '1700000300.000100', text: '<@U0BOT> 超级管理员登录不上' }), type: 'app_mention' },
      'EvM2',
    );
    await h.event(
      phrase({ ts: '1700000300.000200', thread_ts: '1700000300.000100', text: '还是登录失败 login failed' }),
      'EvM3',
    );
    await h.idle();
    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts.length).toBe(1);
    expect(posts[0]!.body.thread_ts).toBe('1700000300.000100');
  });

  it('clicking Run diagnosis runs the playbook in that thread and retires the button', async () => {
    await h.event(phrase({ ts: '1700000400.000100' }), 'EvRun');
    await h.idle();
    const suggestion = h.slack.callsTo('chat.postMessage')[0]!;
    const button = (suggestion.body.blocks as Array<{ type: string; elements?: Array<{ value: string }> }>).find(
      (b) => b.type === 'actions',
    )!.elements![0]!;
    const r = await h.click({
      actionId: 'oms_run_diagnosis',
      value: button.value,
      user: 'U0BOB',
      messageTs: '1700000400.000200',
      threadTs: '1700000400.000100',
    });
    expect(r.status).toBe(200);
    await h.idle();
    const posts = h.slack.callsTo('chat.postMessage').slice(1);
    expect(posts.length).toBe(2);
    for (const p of posts) expect(p.body.thread_ts).toBe('1700000400.000100');
    const retired = h.slack.callsTo('chat.update').find((u) => u.body.ts === '1700000400.000200');
    expect(JSON.stringify(retired?.body.blocks)).toContain('started the diagnosis');
    expect(h.transports.length).toBe(1);
  });
});
