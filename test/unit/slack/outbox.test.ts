import { Outbox } from '../../../src/slack/outbox.js';
import { describeSlackError, slackErrorCode } from '../../../src/slack/errors.js';

describe('Outbox.prepare: the last gate before Slack', () => {
  it("escapes the fallback text as Slack's rules ask: typed mentions and broadcasts stay text", () => {
    const msg = Outbox.prepare({ text: 'denied: <!channel> <!here> <@U0BOSS> <#C0OPS> a & b > c', blocks: [] });
    expect(msg.text).toBe('denied: &lt;!channel&gt; &lt;!here&gt; &lt;@U0BOSS&gt; &lt;#C0OPS&gt; a &amp; b &gt; c');
  });

  it('redacts every string, including hand-built blocks', () => {
    const msg = Outbox.prepare({
      text: 'DATABASE_PASSWORD=EVuWdnct2NUwk9oKAAJK',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'REDIS_PASSWORD=nxcG0fXEWVsXKBOJWBPhDY26 xoxb-1234567890-abcdef' },
        },
      ],
    });
    const all = JSON.stringify(msg);
    expect(all).not.toContain('EVuWdnct2NUwk9oKAAJK');
    expect(all).not.toContain('nxcG0fXEWVsXKBOJWBPhDY26');
    expect(all).not.toContain('xoxb-1234567890');
  });

  it('refuses a message that breaks a limit (a bug, not something to send)', () => {
    expect(() => Outbox.prepare({ text: '', blocks: [] })).toThrow(/no text fallback/);
    expect(() =>
      Outbox.prepare({ text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] }),
    ).toThrow(/header 151 > 150/);
  });
});

describe('Slack errors in plain language', () => {
  const platform = (error: string) =>
    Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
  it('not_in_channel says how to invite the bot', () => {
    expect(slackErrorCode(platform('not_in_channel'))).toBe('not_in_channel');
    expect(describeSlackError(platform('not_in_channel')).next).toContain('/invite @oms-chatops');
  });
  it('rate limits say when to retry', () => {
    const e = Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: 30 });
    expect(describeSlackError(e).text).toMatch(/retry after 30 s/);
  });
  it('token problems point at the env file', () => {
    expect(describeSlackError(platform('invalid_auth')).next).toContain('/etc/oms-chatops/env');
  });
});
