import { jest } from '@jest/globals';
import { SlackHarness } from '../helpers/fake-slack-harness.js';
import { newTriggerId } from '../helpers/slack-sign.js';

/** Buttons on reports, the share modal, forged values, the approvals hook, long output as a file. */
let h: SlackHarness;
afterEach(async () => {
  await h?.stop();
});

type Btn = { action_id: string; value: string; text: { text: string } };
async function diagnose(text: string): Promise<{ rootTs: string; buttons: Btn[] }> {
  await h.command(text);
  await h.idle();
  const final = h.slack.callsTo('chat.update').at(-1)!;
  const buttons = (final.body.blocks as Array<{ type: string; elements?: Btn[] }>)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements!);
  return { rootTs: String(final.body.ts), buttons };
}
const byId = (buttons: Btn[], id: string) => buttons.find((b) => b.action_id === id)!;

describe('report buttons', () => {
  it('Re-run runs the same playbook on the same target again; Show playbook answers ephemerally', async () => {
    h = await SlackHarness.start({ scenario: 'healthy', updateIntervalMs: 50 });
    const { rootTs, buttons } = await diagnose('diagnose api-not-found');
    expect(buttons.map((b) => b.action_id)).toEqual(['oms_rerun', 'oms_show_playbook', 'oms_share']);
    const before = h.slack.callsTo('chat.postMessage').length;
    await h.click({ actionId: 'oms_rerun', value: byId(buttons, 'oms_rerun').value, messageTs: rootTs });
    await h.idle();
    expect(h.slack.callsTo('chat.postMessage').length).toBe(before + 2);
    expect(h.transports.length).toBe(2);
    await h.click({
      actionId: 'oms_show_playbook',
      value: byId(buttons, 'oms_show_playbook').value,
      messageTs: rootTs,
      responseId: 'show',
    });
    await h.idle();
    const shown = h.slack.responses.find((r) => r.id === 'show')!;
    if (!shown) throw new Error(h.logs.join('\n'));
    expect(shown.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(shown.body.blocks)).toContain('header');
  });

  it.each([
    ['garbage', 'not json at all'],
    ['wrong shape', JSON.stringify({ v: 1, k: 'diagnose', p: 'login' })],
    ['injection in an id', JSON.stringify({ v: 1, k: 'diagnose', p: 'login; rm -rf /', t: 'prod' })],
    ['unknown target', JSON.stringify({ v: 1, k: 'diagnose', p: 'login', t: 'evil' })],
    ['unknown playbook', JSON.stringify({ v: 1, k: 'diagnose', p: 'nope', t: 'prod' })],
    ['extra keys', JSON.stringify({ v: 1, k: 'diagnose', p: 'login', t: 'prod', cmd: 'reboot' })],
  ])('a forged button value (%s) is refused ephemerally and nothing runs', async (_name, value) => {
    h = await SlackHarness.start();
    const r = await h.click({ actionId: 'oms_rerun', value, responseId: 'forged' });
    expect(r.status).toBe(200);
    await h.idle();
    const answer = h.slack.responses.find((x) => x.id === 'forged')!;
    expect(answer.body.response_type).toBe('ephemeral');
    expect(String(answer.body.text)).toMatch(/refused this button/);
    expect(h.transports).toEqual([]);
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('a value that does not match its button is refused (a Request value on Re-run)', async () => {
    h = await SlackHarness.start();
    await h.click({
      actionId: 'oms_rerun',
      value: JSON.stringify({ v: 1, k: 'action', a: 'restart-backend', t: 'prod', p: 'login', f: 'backend-down' }),
      responseId: 'mismatch',
    });
    await h.idle();
    expect(String(h.slack.responses.find((x) => x.id === 'mismatch')!.body.text)).toMatch(/does not match its value/);
  });
});

describe('Request <action>', () => {
  it('a finding that offers an action gets a Request button; the click posts an approval card in the report thread', async () => {
    h = await SlackHarness.start({ scenario: 'backend-stopped', updateIntervalMs: 50 });
    const { rootTs, buttons } = await diagnose('diagnose api-not-found prod');
    const request = buttons.find((b) => b.action_id.startsWith('oms_request_'))!;
    expect(request.action_id).toBe('oms_request_start-backend');
    expect(request.text.text).toContain('start-backend');
    const before = h.slack.callsTo('chat.postMessage').length;
    await h.click({ actionId: request.action_id, value: request.value, user: 'U0CAROL', messageTs: rootTs });
    await h.idle();
    const cards = h.slack.callsTo('chat.postMessage').slice(before);
    expect(cards.length).toBe(1);
    const card = cards[0]!;
    expect(card.body).toMatchObject({ channel: 'C0OPS', thread_ts: rootTs });
    const text = JSON.stringify(card.body.blocks);
    expect(text).toContain('start-backend');
    expect(text).toContain('U0CAROL');
    expect(text).toContain('prod');
    // The finding that motivated it, from the playbook the button named.
    expect(text).toMatch(/backend|后端/);
  });

  it('the approval card shows the exact command that would run', async () => {
    h = await SlackHarness.start({ scenario: 'backend-stopped', updateIntervalMs: 50 });
    const { rootTs, buttons } = await diagnose('diagnose api-not-found prod');
    const request = buttons.find((b) => b.action_id.startsWith('oms_request_'))!;
    await h.click({ actionId: request.action_id, value: request.value, messageTs: rootTs, responseId: 'req' });
    await h.idle();
    const card = h.slack
      .callsTo('chat.postMessage')
      .find((c) => c.body.thread_ts === rootTs && JSON.stringify(c.body.blocks).includes('approval_approve'));
    expect(JSON.stringify(card?.body.blocks)).toContain('sudo -n /usr/bin/systemctl start oms-backend');
    // Nothing ran: a request only asks.
    expect(h.slack.responses.find((x) => x.id === 'req')).toBeUndefined();
  });
});

describe('Share to incident thread', () => {
  async function openShare(): Promise<{ rootTs: string; view: Record<string, unknown> }> {
    const { rootTs, buttons } = await diagnose('diagnose api-not-found prod');
    await h.click({
      actionId: 'oms_share',
      value: byId(buttons, 'oms_share').value,
      messageTs: rootTs,
      triggerId: 'trig-1',
    });
    await h.idle();
    const open = h.slack.callsTo('views.open')[0]!;
    expect(open.body.trigger_id).toBe('trig-1');
    return { rootTs, view: open.body.view as Record<string, unknown> };
  }
  const submit = (view: Record<string, unknown>, channel: string | null, link?: string) =>
    h.interaction({
      type: 'view_submission',
      team: { id: 'T0TEST', domain: 'oms' },
      user: { id: 'U0DAVE', username: 'dave', team_id: 'T0TEST' },
      api_app_id: 'A0OMS',
      token: 'unused',
      trigger_id: newTriggerId(),
      view: {
        id: 'V0SHARE',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            share_channel: { channel: { type: 'conversations_select', selected_conversation: channel } },
            share_thread: { link: { type: 'plain_text_input', value: link ?? null } },
          },
        },
        hash: 'h',
      },
    });

  it('opens a modal with a channel picker and an optional thread link; posts the summary with a link back and notes the share', async () => {
    h = await SlackHarness.start({ scenario: 'backend-stopped', updateIntervalMs: 50 });
    const { rootTs, view } = await openShare();
    expect(view).toMatchSnapshot({ private_metadata: expect.any(String) });
    const r = await submit(view, 'C0INCIDENT', 'https://oms.slack.com/archives/C0INCIDENT/p1700000999000100');
    expect(r.status).toBe(200);
    expect(r.body).toBe('');
    await h.idle();
    const posts = h.slack.callsTo('chat.postMessage');
    const summary = posts.find((p) => p.body.channel === 'C0INCIDENT')!;
    expect(summary.body.thread_ts).toBe('1700000999.000100');
    const text = JSON.stringify(summary.body.blocks);
    expect(text).toMatch(/problem found/);
    expect(text).toMatch(/Root cause/);
    expect(text).toContain('<@U0ALICE>');
    expect(text).toContain('<@U0DAVE>');
    expect(text).toContain(`https://oms.slack.com/archives/C0OPS/p${rootTs.replace('.', '')}`);
    const note = posts.at(-1)!;
    expect(note.body.channel).toBe('C0OPS');
    expect(note.body.thread_ts).toBe(rootTs);
    expect(JSON.stringify(note.body.blocks)).toContain('<#C0INCIDENT>');
  });

  it('a link to another channel is refused in the modal with a field error', async () => {
    h = await SlackHarness.start({ scenario: 'healthy', updateIntervalMs: 50 });
    const { view } = await openShare();
    const r = await submit(view, 'C0INCIDENT', 'https://oms.slack.com/archives/C0OTHER/p1700000999000100');
    const body = r.json() as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.share_thread).toMatch(/another channel/);
    const bad = (await submit(view, 'C0INCIDENT', 'not a link')).json() as { errors: Record<string, string> };
    expect(bad.errors.share_thread).toMatch(/not a Slack message link/);
  });

  it('sharing to a channel the bot is not in tells the user how to invite it', async () => {
    h = await SlackHarness.start({ scenario: 'healthy', updateIntervalMs: 50 });
    const { rootTs, view } = await openShare();
    h.slack.fail('chat.postMessage', 'not_in_channel', { channel: 'C0PRIVATE' });
    await submit(view, 'C0PRIVATE');
    await h.idle();
    const eph = h.slack.callsTo('chat.postEphemeral').at(-1)!;
    expect(eph.body.user).toBe('U0DAVE');
    expect(eph.body.channel).toBe('C0OPS');
    expect(eph.body.thread_ts).toBe(rootTs);
    expect(JSON.stringify(eph.body)).toContain('/invite @oms-chatops');
    expect(JSON.stringify(eph.body)).toContain('<#C0PRIVATE>');
  });

  it('a forged private_metadata is refused in the modal', async () => {
    h = await SlackHarness.start();
    const r = await submit({ callback_id: 'oms_share_modal', private_metadata: '{"s":{"k":"share"}}' }, 'C0INCIDENT');
    expect((r.json() as { response_action: string }).response_action).toBe('errors');
    await h.idle();
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('long output', () => {
  it('what does not fit in the messages is uploaded as a file into the thread (files.uploadV2)', async () => {
    // Every command prints a long, unrecognisable error: each check's evidence is a full excerpt.
    const noisy = (i: number) =>
      Array.from(
        { length: 40 },
        (_, n) =>
          `E${i}-${n} Traceback (most recent call last): File "/opt/OMS/backend/x.py", line ${n} DATABASE_PASSWORD=EVuWdnct2NUwk9oKAAJK`,
      ).join('\n');
    let i = 0;
    h = await SlackHarness.start({
      updateIntervalMs: 50,
      makeTransport: () => ({
        describe: 'noisy',
        close: async () => {},
        exec: async () => ({
          code: 2,
          signal: null,
          stdout: noisy(++i),
          stderr: noisy(++i),
          durationMs: 3,
          truncated: true,
          timedOut: false,
        }),
      }),
    });
    await h.command('diagnose checklist prod');
    await h.idle();
    const rootTs = String(h.slack.callsTo('chat.update').at(-1)!.body.ts);
    const get = h.slack.callsTo('files.getUploadURLExternal');
    expect(get.length).toBe(1);
    expect(String(get[0]!.body.filename)).toMatch(/^oms-checklist-prod-.*\.txt$/);
    const complete = h.slack.callsTo('files.completeUploadExternal')[0]!;
    expect(complete.body.channel_id).toBe('C0OPS');
    expect(complete.body.thread_ts).toBe(rootTs);
    expect(h.slack.uploads.length).toBe(1);
    expect(h.slack.uploads[0]!.content).toMatch(/Checks:/);
    for (const s of ['EVuWdnct2NUwk9oKAAJK', 'nxcG0fXEWVsXKBOJWBPhDY26'])
      expect(h.slack.everythingSent()).not.toContain(s);
  });
});

void jest;
