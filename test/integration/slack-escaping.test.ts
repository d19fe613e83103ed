/**
 * User text echoed back by the bot is escaped in the message `text` as well
 * as in its blocks: a Deny reason or a file name can never notify a channel
 * (`<!channel>`) or mention anyone. (Slash-command text with `<`, `>` or `&`
 * is refused by the parser before anything is echoed.)
 */
import type { ApiCall } from '../helpers/fake-slack.js';
import { SlackHarness } from '../helpers/fake-slack-harness.js';
import { ApprovalHarness } from '../helpers/slack-approvals-harness.js';
import { APPROVER, REQUESTER } from '../unit/approvals/fake-server.js';

const HOSTILE = '<!channel> <!here> <@U0BOSS> & <b>';
const LIVE = /<!channel>|<!here>|<@U0BOSS>/;

let h: SlackHarness | undefined;
let ah: ApprovalHarness | undefined;
afterEach(async () => {
  await h?.stop();
  await ah?.stop();
  h = ah = undefined;
});

/** Everything Slack would parse as mrkdwn in one call: the text and every mrkdwn string in the blocks. */
function parsed(call: ApiCall | undefined): string[] {
  if (!call) return [];
  const out = [String(call.body.text ?? '')];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(call.body.blocks);
  return out;
}

describe('escaping echoed text', () => {
  it('a Deny reason with <!channel> reaches neither the text nor the blocks of the card or the thread note raw', async () => {
    ah = await ApprovalHarness.start();
    await ah.command('run restart-backend prod --reason "backend down"', { user: REQUESTER });
    await ah.idle();
    const card = ah.slack.callsTo('chat.postMessage').find((c) => String(c.body.text).startsWith('审批请求'))!;
    const deny = (card.body.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((b) => b.action_id === 'approval_deny')!;
    await ah.click({ actionId: deny.action_id, value: deny.value, user: APPROVER, triggerId: 'trig-esc' });
    await ah.idle();
    await ah.submitDeny(ah.slack.callsTo('views.open')[0]!, APPROVER, HOSTILE);
    await ah.idle();
    const note = ah.slack.callsTo('chat.postMessage').at(-1)!;
    const update = ah.slack.callsTo('chat.update').at(-1)!;
    for (const call of [note, update]) {
      const texts = parsed(call);
      expect(texts.join('\n')).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U0BOSS&gt; &amp; &lt;b&gt;');
      for (const t of texts) expect(t).not.toMatch(LIVE);
    }
    // The denier is a real mention in the note; what they typed is not.
    expect(parsed(note)[1]).toContain(`<@${APPROVER}>`);
    expect(String(note.body.text)).toMatch(/^U0APPROVER 拒绝了 \/ denied restart-backend @ prod: &lt;!channel&gt;/);
  });

  it("a file name with <!channel> is escaped in the sheet check's answer", async () => {
    // The bot's own user import feature (src/slack/users.ts), with this file download.
    h = await SlackHarness.start({
      bot: {
        fetch: async () => new Response('', { status: 404 }),
      },
    });
    const harness = h;
    await harness.event(
      {
        type: 'message',
        subtype: 'file_share',
        channel: 'D0BOB',
        channel_type: 'im',
        user: 'U0BOB',
        text: '',
        ts: '1700000600.000100',
        files: [{ name: `${HOSTILE}.xlsx`, size: 500, url_private_download: 'http://127.0.0.1:9/f/x.xlsx' }],
      },
      'EvEsc-file',
    );
    await harness.slack.waitFor(() => harness.slack.callsTo('chat.postMessage').length === 1);
    await harness.idle();
    const post = harness.slack.callsTo('chat.postMessage')[0]!;
    expect(String(post.body.text)).toContain('&lt;!channel&gt;');
    for (const t of parsed(post)) expect(t).not.toMatch(LIVE);
  });
});
