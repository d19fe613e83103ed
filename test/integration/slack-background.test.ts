/**
 * Every background task of the Slack app ends with a visible outcome: a
 * failure injected into each kind of task (diagnose, check, share, approval
 * request, approval click, user sheet) reaches the user — replacing the
 * progress message, in the thread, or privately — and the log.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeButtonValue } from '../../src/slack/button-value.js';
import { FileStore } from '../../src/store/file-store.js';
import type { RecordKind, Store } from '../../src/store/store.js';
import type { ApiCall } from '../helpers/fake-slack.js';
import { SIGNING_SECRET, SlackHarness } from '../helpers/fake-slack-harness.js';
import { postSigned, slashCommandBody } from '../helpers/slack-sign.js';
import { ApprovalHarness, textOf } from '../helpers/slack-approvals-harness.js';
import { APPROVER, REQUESTER } from '../unit/approvals/fake-server.js';

let h: SlackHarness | undefined;
let ah: ApprovalHarness | undefined;
afterEach(async () => {
  await h?.stop();
  await ah?.stop();
  h = ah = undefined;
});

/** A clock that works for the first `n` readings, then throws (the engine reads it before and after the checks). */
function clockFailingAfter(n: number): () => Date {
  let calls = 0;
  return () => {
    if (++calls > n) throw new Error('injected: the clock failed after the checks');
    return new Date('2026-11-22T10:00:00Z');
  };
}

/** A file store whose every call throws while `failing` is set (a full disk, a dead volume). */
class FaultyStore implements Store {
  failing = false;
  private readonly inner = new FileStore({ dir: join(mkdtempSync(join(tmpdir(), 'oms-faulty-')), 'store') });
  readonly describe = 'faulty file store';
  private guard<T>(f: () => Promise<T>): Promise<T> {
    return this.failing ? Promise.reject(new Error('injected: ENOSPC: no space left on device')) : f();
  }
  getRecord = (kind: RecordKind, id: string) => this.guard(() => this.inner.getRecord(kind, id));
  compareAndSet = (kind: RecordKind, id: string, expected: number, v: unknown, ttl: number) =>
    this.guard(() => this.inner.compareAndSet(kind, id, expected, v, ttl));
  listRecords = (kind: RecordKind) => this.guard(() => this.inner.listRecords(kind));
  claim = (k: string, ttl: number) => this.guard(() => this.inner.claim(k, ttl));
  seen = (k: string, ttl: number) => this.guard(() => this.inner.seen(k, ttl));
  addMember = (k: string, m: string, ttl: number) => this.guard(() => this.inner.addMember(k, m, ttl));
  close = () => this.inner.close();
}

const FORM = 'application/x-www-form-urlencoded';
const textsOf = (calls: ApiCall[]) => calls.map((c) => textOf(c));
const refOf = (logs: string[], kind: string) =>
  new RegExp(`background task ${kind} failed \\(ref ([0-9a-f]{8})`).exec(logs.join('\n'))?.[1];

describe.each([
  ['diagnose', 'diagnose login prod', /the diagnosis did not finish/],
  ['check', 'check backend-service prod', /the check did not finish/],
])('a %s that fails after its checks ran', (kind, command, notice) => {
  it('replaces the progress message with what failed and what to do next (never stays at "N/N"), and logs it', async () => {
    h = await SlackHarness.start({ updateIntervalMs: 20, deps: { now: clockFailingAfter(1) } });
    await h.command(command);
    await h.idle();
    expect(h.slack.callsTo('chat.postMessage').map((c) => c.body.channel)).toEqual(['C0OPS']);
    const rootTs = String(h.slack.callsTo('chat.update')[0]!.body.ts);
    const last = h.slack
      .callsTo('chat.update')
      .filter((u) => u.body.ts === rootTs)
      .at(-1)!;
    const ref = refOf(h.logs, kind);
    expect(ref).toBeDefined();
    expect(textOf(last)).toMatch(notice);
    expect(textOf(last)).toContain('injected: the clock failed');
    expect(textOf(last)).toContain(ref!);
    expect(textOf(last)).toMatch(/run it again/);
    expect(h.logs.join('\n')).toContain(`told U0ALICE about ${ref} (progress message)`);
  });
});

describe('a task that fails before posting anything, when response_url does not answer either', () => {
  it('tells the user with chat.postEphemeral', async () => {
    h = await SlackHarness.start({
      deps: {
        transportFor: () => {
          throw new Error('injected: no transport for this target');
        },
      },
    });
    const body = slashCommandBody({ text: 'diagnose login prod', responseUrl: 'http://127.0.0.1:9/response/gone' });
    expect((await postSigned(h.url, body, { secret: SIGNING_SECRET, contentType: FORM })).status).toBe(200);
    await h.idle();
    const told = h.slack.callsTo('chat.postEphemeral');
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toMatchObject({ channel: 'C0OPS', user: 'U0ALICE' });
    expect(textOf(told[0])).toMatch(/the diagnosis did not finish: injected: no transport/);
    expect(h.logs.join('\n')).toMatch(/could not tell about [0-9a-f]{8} \(reply\)[\s\S]*\(ephemeral\)/);
  });
});

describe('a Slack user id of a shape the bot did not expect', () => {
  it.each(['U1', 'W0123456789ABCDEFGHIJKLMNOP'])('%s gets the final report with its buttons', async (user) => {
    h = await SlackHarness.start({ updateIntervalMs: 20 });
    await h.command('diagnose login prod', { user });
    await h.idle();
    const final = h.slack.callsTo('chat.update').at(-1)!;
    expect(textOf(final)).not.toMatch(/did not finish/);
    const buttons = (
      final.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    )
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements!);
    const share = buttons.find((b) => b.action_id === 'oms_share')!;
    expect(decodeButtonValue(share.value)).toMatchObject({ ok: true, value: { u: user } });
    expect(h.logs.join('\n')).not.toMatch(/background task/);
  });
});

describe('a share whose last step fails', () => {
  it('tells the user privately when the thread cannot be written either', async () => {
    h = await SlackHarness.start({ scenario: 'backend-stopped', updateIntervalMs: 20 });
    await h.command('diagnose api-not-found prod');
    await h.idle();
    const final = h.slack.callsTo('chat.update').at(-1)!;
    const rootTs = String(final.body.ts);
    const value = (final.body.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((b) => b.action_id === 'oms_share')!.value;
    await h.click({ actionId: 'oms_share', value, messageTs: rootTs, triggerId: 'trig-share' });
    await h.idle();
    const view = h.slack.callsTo('views.open')[0]!.body.view as Record<string, unknown>;
    // The summary reaches the incident channel; the note in the report's own channel fails.
    h.slack.fail('chat.postMessage', 'fatal_error', { channel: 'C0OPS' });
    await h.interaction({
      type: 'view_submission',
      team: { id: 'T0TEST', domain: 'oms' },
      user: { id: 'U0DAVE', username: 'dave', team_id: 'T0TEST' },
      api_app_id: 'A0OMS',
      token: 'unused',
      trigger_id: 'trig-submit',
      view: {
        id: 'V0SHARE',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: { share_channel: { channel: { type: 'conversations_select', selected_conversation: 'C0INC' } } },
        },
        hash: 'h',
      },
    });
    await h.idle();
    const told = h.slack.callsTo('chat.postEphemeral').filter((c) => c.body.user === 'U0DAVE');
    expect(told.length).toBe(1);
    expect(told[0]!.body.channel).toBe('C0OPS');
    expect(textOf(told[0])).toMatch(/the share did not finish: fatal_error/);
    expect(h.logs.join('\n')).toMatch(/background task share failed/);
  });
});

describe('approvals', () => {
  it('a request that fails in the store answers the requester; no card, nothing run', async () => {
    const store = new FaultyStore();
    ah = await ApprovalHarness.start({ store });
    store.failing = true;
    await ah.command('run restart-backend prod --reason "backend down"', { user: REQUESTER });
    await ah.idle();
    const answers = ah.slack.responses.filter((r) => r.id === 'cmd').map((r) => JSON.stringify(r.body));
    expect(answers.length).toBe(1);
    expect(answers[0]).toMatch(/did not go through|refused/);
    expect(textsOf(ah.slack.callsTo('chat.postMessage')).join('\n')).not.toMatch(/审批请求/);
    expect(ah.server.state.sudo).toEqual([]);
  });

  it('an Approve click that fails in the store is told to the clicker; nothing run', async () => {
    const store = new FaultyStore();
    ah = await ApprovalHarness.start({ store });
    await ah.command('run restart-backend prod --reason "backend down"', { user: REQUESTER });
    await ah.idle();
    const card = ah.slack.callsTo('chat.postMessage').find((c) => String(c.body.text).startsWith('审批请求'))!;
    const approve = (card.body.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((b) => b.action_id === 'approval_approve')!;
    store.failing = true;
    await ah.click({ actionId: approve.action_id, value: approve.value, user: APPROVER });
    await ah.idle();
    const told = ah.slack.callsTo('chat.postEphemeral').filter((c) => c.body.user === APPROVER);
    expect(told.length).toBe(1);
    expect(textOf(told[0])).toMatch(/Approve\/Deny click was not fully handled: injected: ENOSPC/);
    expect(ah.server.state.sudo).toEqual([]);
    expect(ah.logs.join('\n')).toMatch(/background task approval-click failed/);
  });
});

describe('an executed action whose thread cannot be written', () => {
  it('the approver still gets the result, privately', async () => {
    ah = await ApprovalHarness.start();
    await ah.command('run restart-backend prod --reason "backend down"', { user: REQUESTER });
    await ah.idle();
    const card = ah.slack.callsTo('chat.postMessage').find((c) => String(c.body.text).startsWith('审批请求'))!;
    const approve = (card.body.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((b) => b.action_id === 'approval_approve')!;
    ah.slack.fail('chat.postMessage', 'fatal_error', { channel: 'C0OPS' });
    await ah.click({ actionId: approve.action_id, value: approve.value, user: APPROVER });
    await ah.idle();
    expect(ah.server.state.sudo).toHaveLength(1);
    const told = ah.slack.callsTo('chat.postEphemeral').filter((c) => c.body.user === APPROVER);
    expect(told).toHaveLength(1);
    expect(String(told[0]!.body.text)).toMatch(/^(执行成功 \/ succeeded|失败 \/ )/);
    expect(ah.logs.join('\n')).toMatch(/could not reply in the approval thread .*: fatal_error/);
  });
});

describe('a user sheet whose download fails', () => {
  it('answers in the file’s thread with what failed and what to do', async () => {
    // The bot's own user import feature (src/slack/users.ts), with this file download.
    h = await SlackHarness.start({
      bot: {
        fetch: async () => {
          throw new Error('injected: socket hang up');
        },
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
        ts: '1700000500.000100',
        files: [{ name: 'users.xlsx', size: 500, url_private_download: 'http://127.0.0.1:9/f/users.xlsx' }],
      },
      'EvBg-sheet',
    );
    await harness.slack.waitFor(() => harness.slack.callsTo('chat.postMessage').length === 1);
    await harness.idle();
    const post = harness.slack.callsTo('chat.postMessage')[0]!;
    expect(post.body.channel).toBe('D0BOB');
    expect(post.body.thread_ts).toBe('1700000500.000100');
    expect(textOf(post)).toMatch(/users\.xlsx: 检查失败 \/ the check failed \(injected: socket hang up\)/);
    expect(textOf(post)).toMatch(/users validate FILE/);
  });
});
