/**
 * Approve-to-run through Slack: the real Bolt HTTP receiver with signed
 * requests, a fake Slack Web API on loopback, a real file store and audit log,
 * and a scripted server that records every sudo argv.
 */
import { readFileSync } from 'node:fs';
import { parseLine, type AuditRecord } from '../../src/audit/audit-record.js';
import type { SlackMessage } from '../../src/render/block-limits.js';
import { limitViolations } from '../../src/render/limit-violations.js';
import { ApprovalHarness, textOf } from '../helpers/slack-approvals-harness.js';
import type { ApiCall } from '../helpers/fake-slack.js';
import { APPROVER, APPROVER2, GROUP, OUTSIDER, REQUESTER } from '../unit/approvals/fake-server.js';

const SECRETS = ['EVuWdnct2NUwk9oKAAJK', 'nxcG0fXEWVsXKBOJWBPhDY26'];
const START = ['/usr/bin/systemctl', 'start', 'oms-backend'];
const RESTART = ['/usr/bin/systemctl', 'restart', 'oms-backend'];

let h: ApprovalHarness;
afterEach(async () => {
  await h?.stop();
});

type Btn = {
  action_id: string;
  value: string;
  text: { text: string };
  confirm?: { title: { text: string }; text: { text: string }; confirm: { text: string }; deny: { text: string } };
};
const buttonsOf = (call: ApiCall): Btn[] =>
  (call.body.blocks as Array<{ type: string; elements?: Btn[] }>)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements!);

function auditRecords(): AuditRecord[] {
  return readFileSync(h.auditFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => parseLine(l)!);
}

/** A diagnosis on the stopped backend, then REQUESTER clicks "Request start-backend": the card is posted in the report's thread. */
async function requestFromReport(): Promise<{ rootTs: string; card: ApiCall; approve: Btn; deny: Btn }> {
  await h.command('diagnose login prod', { user: REQUESTER });
  await h.idle();
  const report = h.slack.callsTo('chat.update').at(-1)!;
  const rootTs = String(report.body.ts);
  const request = buttonsOf(report).find((b) => b.action_id === 'oms_request_start-backend');
  if (!request) throw new Error(`no Request button: ${JSON.stringify(buttonsOf(report).map((b) => b.action_id))}`);
  await h.click({ actionId: request.action_id, value: request.value, user: REQUESTER, messageTs: rootTs });
  await h.idle();
  const card = h.slack.callsTo('chat.postMessage').find((c) => String(c.body.text).startsWith('审批请求'));
  if (!card) throw new Error(`no approval card posted; logs: ${h.logs.join('\n')}`);
  const [approve, deny] = buttonsOf(card);
  return { rootTs, card, approve: approve!, deny: deny! };
}

/** `/oms run …` by REQUESTER: the card is posted at the root of the channel. */
async function requestByCommand(
  text = 'run restart-backend prod --reason "backend down since 10:02"',
): Promise<{ card: ApiCall; cardTs: string; approve: Btn; deny: Btn }> {
  await h.command(text, { user: REQUESTER });
  await h.idle();
  const card = h.slack.callsTo('chat.postMessage').find((c) => String(c.body.text).startsWith('审批请求'));
  if (!card)
    throw new Error(`no approval card; responses: ${JSON.stringify(h.slack.responses)}; logs: ${h.logs.join('\n')}`);
  const [approve, deny] = buttonsOf(card);
  return { card, cardTs: cardTsOf(card), approve: approve!, deny: deny! };
}

function cardTsOf(card: ApiCall): string {
  const i = h.slack.calls.indexOf(card);
  // The fake answers postMessage with increasing ts; recover the one it gave this call.
  const posted = h.slack.calls.slice(0, i + 1).filter((c) => c.method === 'chat.postMessage').length;
  return tsOfPost(posted);
}
function tsOfPost(n: number): string {
  const s = String(1_700_000_000_000_100 + 100 * n);
  return `${s.slice(0, 10)}.${s.slice(10)}`;
}

const ephemeralsTo = (user: string) => h.slack.callsTo('chat.postEphemeral').filter((c) => c.body.user === user);
const cardUpdates = (ts: string) => h.slack.callsTo('chat.update').filter((c) => c.body.ts === ts);

describe('request', () => {
  it('Request <action> on a report posts the approval card in its thread: requester, target and host, exact command, finding, expiry; Approve/Deny with confirm dialogs within limits', async () => {
    let n = 0;
    h = await ApprovalHarness.start({ newId: () => `approval-id-${String(++n).padStart(10, '0')}` });
    const { rootTs, card, approve, deny } = await requestFromReport();
    expect(card.body.thread_ts).toBe(rootTs);
    expect(card.body.channel).toBe('C0OPS');
    const text = textOf(card);
    expect(text).toContain(`<@${REQUESTER}>`);
    expect(text).toContain('10.0.0.5');
    expect(text).toContain('sudo -n /usr/bin/systemctl start oms-backend');
    expect(text).toContain('backend-down');
    expect(text).toContain(`<!date^${Date.parse('2026-11-22T10:15:00Z') / 1000}^`); // expiry: requested at 10:00, approvalTtl 15m
    expect(approve.action_id).toBe('approval_approve');
    expect(deny.action_id).toBe('approval_deny');
    for (const b of [approve, deny]) {
      expect(b.confirm).toBeDefined();
      expect(b.confirm!.title.text.length).toBeLessThanOrEqual(100);
      expect(b.confirm!.text.text.length).toBeLessThanOrEqual(300);
      expect(b.confirm!.confirm.text.length).toBeLessThanOrEqual(30);
      expect(b.confirm!.deny.text.length).toBeLessThanOrEqual(30);
    }
    expect(approve.confirm!.text.text).toContain('sudo -n /usr/bin/systemctl start oms-backend');
    expect(limitViolations({ text: String(card.body.text), blocks: card.body.blocks } as SlackMessage)).toEqual([]);
    expect({ text: card.body.text, blocks: card.body.blocks }).toMatchSnapshot();
    // The card's place is stored with the approval (expiry and other instances update it).
    const stored = await h.service.get(JSON.parse(approve.value).id);
    expect(stored?.meta).toMatchObject({ channel: 'C0OPS', thread: rootTs });
    expect(stored?.meta.ts).toMatch(/^\d+\.\d+$/);
    expect(h.server.state.sudo).toEqual([]);
    const events = auditRecords().map((r) => r.event);
    expect(events).toEqual(['diagnosis', 'action.requested']);
  });
});

describe('approve', () => {
  it('an authorised approver: exactly one execution (sudo -n argv), the card updated with who, when, exit code, duration and post-checks, the result replied in the thread', async () => {
    h = await ApprovalHarness.start();
    const { rootTs, card, approve } = await requestFromReport();
    const cardTs = cardTsOf(card);
    h.clock.advance(60_000);
    await h.click({
      actionId: approve.action_id,
      value: approve.value,
      user: APPROVER,
      messageTs: cardTs,
      threadTs: rootTs,
    });
    await h.idle();
    expect(h.server.state.sudo).toEqual([START]);
    const update = cardUpdates(cardTs).at(-1)!;
    expect(update.body.channel).toBe('C0OPS');
    const shown = textOf(update);
    expect(shown).toContain('executed and verified');
    expect(shown).toContain(`<@${APPROVER}> <!date^${Date.parse('2026-11-22T10:01:00Z') / 1000}^`);
    expect(shown).toMatch(/exit code:\* 0/);
    expect(shown).toMatch(/duration:\* \d+/);
    expect(shown).toMatch(/post-checks:\* passed/);
    expect(buttonsOf(update)).toEqual([]); // decided: no more buttons
    const reply = h.slack.callsTo('chat.postMessage').at(-1)!;
    expect(reply.body.thread_ts).toBe(rootTs);
    expect(textOf(reply)).toContain('sudo -n /usr/bin/systemctl start oms-backend');
    expect(h.slack.callsTo('chat.postEphemeral')).toEqual([]);
    const events = auditRecords().map((r) => `${r.event}:${r.user}:${r.via}`);
    expect(events).toEqual([
      `diagnosis:${REQUESTER}:slack`,
      `action.requested:${REQUESTER}:slack`,
      `action.approved:${APPROVER}:slack`,
      `action.executed:${APPROVER}:slack`,
    ]);
    const executed = auditRecords().find((r) => r.event === 'action.executed')!;
    expect(executed).toMatchObject({
      target: 'prod',
      host: '10.0.0.5',
      action: 'start-backend',
      command: [START],
      exitCode: 0,
      verdict: 'succeeded',
    });
  });

  it('the requester approving their own request is refused ephemerally; nothing runs, the card is unchanged', async () => {
    h = await ApprovalHarness.start();
    const { card, approve } = await requestByCommand();
    await h.click({ actionId: approve.action_id, value: approve.value, user: REQUESTER, messageTs: cardTsOf(card) });
    await h.idle();
    expect(h.server.state.sudo).toEqual([]);
    expect(cardUpdates(cardTsOf(card))).toEqual([]);
    const [eph] = ephemeralsTo(REQUESTER);
    expect(eph?.body.channel).toBe('C0OPS');
    expect(String(eph?.body.text)).toMatch(/you requested this action, so you cannot approve it yourself/);
    expect(String(eph?.body.text)).toMatch(/ask another approver/);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(auditRecords().at(-1)).toMatchObject({
      event: 'action.refused',
      user: REQUESTER,
      reason: expect.stringMatching(/^self-approval/),
    });
  });

  it('a user who is not an approver is refused ephemerally; nothing runs', async () => {
    h = await ApprovalHarness.start();
    h.slack.answerWith('usergroups.users.list', () => ({ ok: true, users: ['U0SOMEONE'] }));
    const { card, approve } = await requestByCommand();
    await h.click({ actionId: approve.action_id, value: approve.value, user: OUTSIDER, messageTs: cardTsOf(card) });
    await h.idle();
    expect(h.server.state.sudo).toEqual([]);
    expect(cardUpdates(cardTsOf(card))).toEqual([]);
    expect(String(ephemeralsTo(OUTSIDER)[0]?.body.text)).toMatch(/you are not an approver for prod/);
    expect(auditRecords().at(-1)).toMatchObject({
      event: 'action.refused',
      user: OUTSIDER,
      reason: expect.stringMatching(/^not-authorised/),
    });
  });

  it("a click that does not come from the card's channel does not count: refused ephemerally, nothing runs; on the card it does", async () => {
    h = await ApprovalHarness.start();
    const { card, approve } = await requestByCommand();
    await h.click({
      actionId: approve.action_id,
      value: approve.value,
      user: APPROVER,
      channel: 'C0ELSEWHERE',
      messageTs: cardTsOf(card),
    });
    await h.idle();
    expect(h.server.state.sudo).toEqual([]);
    expect(cardUpdates(cardTsOf(card))).toEqual([]);
    const [eph] = ephemeralsTo(APPROVER);
    expect(eph?.body.channel).toBe('C0ELSEWHERE');
    expect(String(eph?.body.text)).toMatch(/card is in channel C0OPS, but the click came from channel C0ELSEWHERE/);
    expect(auditRecords().at(-1)).toMatchObject({
      event: 'action.refused',
      reason: expect.stringMatching(/^wrong-channel/),
    });
    await h.click({ actionId: approve.action_id, value: approve.value, user: APPROVER, messageTs: cardTsOf(card) });
    await h.idle();
    expect(h.server.state.sudo).toHaveLength(1);
  });

  it('a member of an approver group (usergroups.users.list at click time, cached 60 s) may approve; a failing lookup never approves', async () => {
    h = await ApprovalHarness.start();
    let fail = true;
    h.slack.answerWith('usergroups.users.list', (body) =>
      fail ? { ok: false, error: 'missing_scope' } : { ok: true, users: body.usergroup === GROUP ? ['U0ONCALL'] : [] },
    );
    const first = await requestByCommand();
    await h.click({
      actionId: first.approve.action_id,
      value: first.approve.value,
      user: 'U0ONCALL',
      messageTs: first.cardTs,
    });
    await h.idle();
    expect(h.server.state.sudo).toEqual([]);
    expect(String(ephemeralsTo('U0ONCALL')[0]?.body.text)).toMatch(/not an approver/);
    fail = false;
    await h.click({
      actionId: first.approve.action_id,
      value: first.approve.value,
      user: 'U0ONCALL',
      messageTs: first.cardTs,
    });
    await h.idle();
    expect(h.server.state.sudo).toEqual([RESTART]);
    expect(textOf(cardUpdates(first.cardTs).at(-1))).toContain('<@U0ONCALL>');
    const lookups = h.slack.callsTo('usergroups.users.list');
    expect(lookups.map((c) => c.body.usergroup)).toEqual([GROUP, GROUP]);
    // Within 60 s the member list is not asked for again.
    await h.command('run restart-nginx prod --reason "reload did not help"', { user: REQUESTER });
    await h.idle();
    const second = h.slack.callsTo('chat.postMessage').at(-1)!;
    await h.click({
      actionId: 'approval_approve',
      value: buttonsOf(second)[0]!.value,
      user: 'U0ONCALL',
      messageTs: cardTsOf(second),
    });
    await h.idle();
    expect(h.server.state.sudo).toEqual([RESTART, ['/usr/bin/systemctl', 'restart', 'nginx']]);
    expect(h.slack.callsTo('usergroups.users.list')).toHaveLength(2);
  });

  it('a double click and a Slack retry of the same block_actions payload execute once; the second click is told it is already decided', async () => {
    h = await ApprovalHarness.start();
    const { cardTs, approve } = await requestByCommand();
    const first = h.clickPayload({
      actionId: approve.action_id,
      value: approve.value,
      user: APPROVER,
      messageTs: cardTs,
    });
    const second = h.clickPayload({
      actionId: approve.action_id,
      value: approve.value,
      user: APPROVER,
      messageTs: cardTs,
    });
    const answers = await Promise.all([
      h.send(first),
      h.send(second),
      h.send(first, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await h.idle();
    // A late retry, after the execution.
    await h.send(first, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    await h.idle();
    expect(h.server.state.sudo).toEqual([RESTART]);
    expect(auditRecords().filter((r) => r.event === 'action.executed')).toHaveLength(1);
    const told = ephemeralsTo(APPROVER).map((c) => String(c.body.text));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/already approved by U0APPROVER|another click is handling this approval right now/);
    expect(
      h.logs.filter((l) => /dropped a repeated delivery of the click on approval_approve by U0APPROVER/.test(l)),
    ).toHaveLength(2);
  });

  it('a policy needing two approvers: the first approval updates the card (1 of 2), the second executes', async () => {
    h = await ApprovalHarness.start({ policy: '  approvalsNeeded: 2\n' });
    const { cardTs, approve } = await requestByCommand();
    await h.click({ actionId: approve.action_id, value: approve.value, user: APPROVER, messageTs: cardTs });
    await h.idle();
    expect(h.server.state.sudo).toEqual([]);
    const waiting = textOf(cardUpdates(cardTs).at(-1));
    expect(waiting).toContain(`approved by* <@${APPROVER}>`);
    expect(waiting).toContain('(1 of 2)');
    expect(buttonsOf(cardUpdates(cardTs).at(-1)!)).toHaveLength(2);
    await h.click({ actionId: approve.action_id, value: approve.value, user: APPROVER, messageTs: cardTs });
    await h.idle();
    expect(String(ephemeralsTo(APPROVER)[0]?.body.text)).toMatch(/you already approved this/);
    await h.click({ actionId: approve.action_id, value: approve.value, user: APPROVER2, messageTs: cardTs });
    await h.idle();
    expect(h.server.state.sudo).toEqual([RESTART]);
    const done = textOf(cardUpdates(cardTs).at(-1));
    expect(done).toContain('executed and verified');
    expect(done).toContain(`<@${APPROVER}>`);
    expect(done).toContain(`<@${APPROVER2}>`);
  });

  it('when sudo refuses, the card says so and names the sudoers line to add', async () => {
    h = await ApprovalHarness.start();
    h.server.state.sudoRefuses = true;
    const { cardTs, approve } = await requestByCommand();
    await h.click({ actionId: approve.action_id, value: approve.value, user: APPROVER, messageTs: cardTs });
    await h.idle();
    const shown = textOf(cardUpdates(cardTs).at(-1));
    expect(shown).toContain('command-failed');
    expect(shown).toContain('sudo refused');
    expect(shown).toMatch(/NOPASSWD: \/usr\/bin\/systemctl restart oms-backend/);
    expect(auditRecords().at(-1)).toMatchObject({ event: 'action.executed', verdict: 'command-failed' });
  });
});

describe('expiry, deny, forged values', () => {
  it('the periodic sweep expires a stale approval and updates its card; a later click is refused and nothing runs', async () => {
    h = await ApprovalHarness.start({ sweepIntervalMs: 30 });
    const { cardTs, approve } = await requestByCommand();
    h.clock.advance(16 * 60_000);
    await h.slack.waitFor(() => cardUpdates(cardTs).length > 0, 5000, 'the expired card update');
    await h.idle();
    const shown = textOf(cardUpdates(cardTs).at(-1));
    expect(shown).toContain('已过期 / expired');
    expect(shown).toContain('nothing was run');
    expect(buttonsOf(cardUpdates(cardTs).at(-1)!)).toEqual([]);
    await h.click({ actionId: approve.action_id, value: approve.value, user: APPROVER, messageTs: cardTs });
    await h.idle();
    expect(String(ephemeralsTo(APPROVER)[0]?.body.text)).toMatch(/expired at 2026-11-22T10:15:00.000Z/);
    expect(h.server.state.sudo).toEqual([]);
    expect(cardUpdates(cardTs)).toHaveLength(1);
    expect(auditRecords().filter((r) => r.event === 'action.expired')).toHaveLength(1);
  });

  it('an approval left executing by a run that is gone: the sweep marks it unknown, the card and thread say what to check', async () => {
    h = await ApprovalHarness.start({ sweepIntervalMs: 30 });
    const { cardTs, approve } = await requestByCommand();
    const id = (JSON.parse(approve.value) as { id: string }).id;
    // What a bot on another host left behind when it died mid-run: executing, deadline in 2 minutes.
    const rec = (await h.store.getRecord('approval', id))!;
    const at = h.clock.now();
    const executing = {
      ...(rec.value as Record<string, unknown>),
      status: 'executing',
      approvedBy: [{ by: APPROVER, via: 'slack', at: at.toISOString() }],
      decidedAt: at.toISOString(),
      executingUntil: new Date(at.getTime() + 120_000).toISOString(),
      owner: { host: 'another-bot-host', pid: 4242 },
      verify: ['systemctl status oms-backend', 'journalctl -u oms-backend -n 50 --no-pager'],
    };
    expect((await h.store.compareAndSet('approval', id, rec.version, executing, 3_600_000)).ok).toBe(true);
    h.clock.advance(3 * 60_000);
    await h.slack.waitFor(() => cardUpdates(cardTs).length > 0, 5000, 'the unknown card update');
    await h.idle();
    const shown = textOf(cardUpdates(cardTs).at(-1));
    expect(shown).toContain('结果未知 / outcome unknown');
    expect(shown).toContain('命令可能已执行，也可能没有 / the command may or may not have run');
    expect(shown).toContain('systemctl status oms-backend');
    expect(buttonsOf(cardUpdates(cardTs).at(-1)!)).toEqual([]);
    const note = h.slack.callsTo('chat.postMessage').find((c) => String(c.body.text).includes('outcome unknown'));
    expect(note?.body.thread_ts).toBe(cardTs);
    expect(auditRecords().filter((r) => r.event === 'action.unknown')).toHaveLength(1);
    expect(h.server.state.sudo).toEqual([]);
  });

  it('a click on an approval that expired before any sweep: the card is updated to expired and the clicker is told; nothing runs', async () => {
    h = await ApprovalHarness.start();
    const { cardTs, approve } = await requestByCommand();
    h.clock.advance(15 * 60_000 + 1);
    await h.click({ actionId: approve.action_id, value: approve.value, user: APPROVER, messageTs: cardTs });
    await h.idle();
    expect(h.server.state.sudo).toEqual([]);
    expect(textOf(cardUpdates(cardTs).at(-1))).toContain('已过期 / expired');
    expect(String(ephemeralsTo(APPROVER)[0]?.body.text)).toMatch(/expired.*request it again/);
    expect(await h.bot.approvals!.sweep()).toBe(0);
  });

  it('Deny opens a dialog for an optional reason; submitting it denies: the card and the thread say who and why; Approve afterwards is refused', async () => {
    h = await ApprovalHarness.start();
    const { cardTs, approve, deny } = await requestByCommand();
    await h.click({
      actionId: deny.action_id,
      value: deny.value,
      user: APPROVER,
      messageTs: cardTs,
      triggerId: 'trig-deny',
    });
    await h.idle();
    const open = h.slack.callsTo('views.open')[0]!;
    expect(open.body.trigger_id).toBe('trig-deny');
    expect(cardUpdates(cardTs)).toEqual([]); // not denied until submitted
    const res = await h.submitDeny(open, APPROVER, 'not during business hours');
    expect(res.status).toBe(200);
    await h.idle();
    const shown = textOf(cardUpdates(cardTs).at(-1));
    expect(shown).toContain('已拒绝 / denied');
    expect(shown).toContain(`<@${APPROVER}>`);
    expect(shown).toContain('not during business hours');
    expect(buttonsOf(cardUpdates(cardTs).at(-1)!)).toEqual([]);
    const note = h.slack.callsTo('chat.postMessage').at(-1)!;
    expect(note.body.thread_ts).toBe(cardTs);
    expect(textOf(note)).toContain('not during business hours');
    await h.click({ actionId: approve.action_id, value: approve.value, user: APPROVER2, messageTs: cardTs });
    await h.idle();
    expect(String(ephemeralsTo(APPROVER2)[0]?.body.text)).toMatch(/already denied by U0APPROVER/);
    expect(h.server.state.sudo).toEqual([]);
    expect(auditRecords().find((r) => r.event === 'action.denied')).toMatchObject({
      user: APPROVER,
      reason: 'not during business hours',
    });
  });

  it('a Deny dialog submitted by someone who may not deny is refused ephemerally; the card is unchanged', async () => {
    h = await ApprovalHarness.start();
    const { cardTs, deny } = await requestByCommand();
    await h.click({ actionId: deny.action_id, value: deny.value, user: OUTSIDER, messageTs: cardTs });
    await h.idle();
    await h.submitDeny(h.slack.callsTo('views.open')[0]!, OUTSIDER, null);
    await h.idle();
    expect(String(ephemeralsTo(OUTSIDER)[0]?.body.text)).toMatch(/not an approver for prod, so you cannot deny it/);
    expect(cardUpdates(cardTs)).toEqual([]);
  });

  it.each([
    [
      'another action for the same approval',
      (v: Record<string, string>) => JSON.stringify({ ...v, action: 'restart-nginx' }),
      /does not match the approval it names/,
    ],
    [
      'another target',
      (v: Record<string, string>) => JSON.stringify({ ...v, target: 'staging' }),
      /does not match the approval it names/,
    ],
    [
      'an unknown id',
      (v: Record<string, string>) => JSON.stringify({ ...v, id: 'AAAAAAAAAAAAAAAAAAAAAA' }),
      /no such approval/,
    ],
    ['garbage', () => 'restart everything; rm -rf /', /does not carry a valid approval reference/],
    [
      'extra keys',
      (v: Record<string, string>) => JSON.stringify({ ...v, command: 'reboot' }),
      /does not carry a valid approval reference/,
    ],
  ])('a forged or tampered Approve value (%s) is refused ephemerally; nothing runs', async (_name, forge, message) => {
    h = await ApprovalHarness.start();
    const { cardTs, approve } = await requestByCommand();
    await h.click({
      actionId: 'approval_approve',
      value: forge(JSON.parse(approve.value) as Record<string, string>),
      user: APPROVER,
      messageTs: cardTs,
    });
    await h.idle();
    expect(String(ephemeralsTo(APPROVER)[0]?.body.text)).toMatch(message);
    expect(h.server.state.sudo).toEqual([]);
    expect(cardUpdates(cardTs)).toEqual([]);
    expect(auditRecords().at(-1)).toMatchObject({ event: 'action.refused', user: APPROVER });
    // The real value still works afterwards.
    await h.click({ actionId: approve.action_id, value: approve.value, user: APPROVER, messageTs: cardTs });
    await h.idle();
    expect(h.server.state.sudo).toEqual([RESTART]);
  });
});

describe('/oms run and /oms audit', () => {
  it('/oms run posts the card in the channel; an unknown action or a missing reason is answered ephemerally with what to do', async () => {
    h = await ApprovalHarness.start();
    const { card } = await requestByCommand('run restart-backend --reason "backend down since 10:02"');
    expect(card.body.thread_ts).toBeUndefined();
    expect(textOf(card)).toContain('backend down since 10:02');
    expect(textOf(card)).toContain('sudo -n /usr/bin/systemctl restart oms-backend');
    await h.command('run reboot-server prod --reason "why not"', { user: REQUESTER, responseId: 'unknown' });
    // Parser errors are answered in the ack itself (ephemeral).
    const noReason = (
      await h.command('run restart-backend prod', { user: REQUESTER, responseId: 'noreason' })
    ).json() as Record<string, unknown>;
    await h.command('run restart-backend nowhere --reason "x"', { user: REQUESTER, responseId: 'badtarget' });
    await h.idle();
    const said = (id: string) => JSON.stringify(h.slack.responses.find((r) => r.id === id)?.body ?? {});
    expect(said('unknown')).toMatch(/unknown action \\"reboot-server\\".*restart-backend, start-backend/);
    expect(noReason.response_type).toBe('ephemeral');
    expect(JSON.stringify(noReason)).toMatch(/run needs --reason.*nothing was run/);
    expect(said('badtarget')).toMatch(/unknown target \\"nowhere\\".*prod, staging/);
    for (const id of ['unknown', 'badtarget'])
      expect(h.slack.responses.find((r) => r.id === id)?.body.response_type).toBe('ephemeral');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('/oms run where the bot is not in the channel: the request is withdrawn and the user is told how to invite the bot', async () => {
    h = await ApprovalHarness.start();
    h.slack.fail('chat.postMessage', 'not_in_channel', { channel: 'C0ELSEWHERE' });
    await h.command('run restart-backend prod --reason "down"', {
      user: REQUESTER,
      channel: 'C0ELSEWHERE',
      responseId: 'away',
    });
    await h.idle();
    expect(JSON.stringify(h.slack.responses.find((r) => r.id === 'away')?.body)).toMatch(
      /request was withdrawn.*\/invite @oms-chatops/,
    );
    const approvals = await h.store.listRecords('approval');
    expect(approvals.map((a) => (a.value as { status: string }).status)).toEqual(['denied']);
  });

  it('/oms audit shows the audit log (filtered by --since and --target); a bad --since says what to type', async () => {
    h = await ApprovalHarness.start();
    const { cardTs, approve } = await requestByCommand();
    await h.click({ actionId: approve.action_id, value: approve.value, user: APPROVER, messageTs: cardTs });
    await h.idle();
    h.clock.advance(2 * 3_600_000);
    await h.command('run restart-nginx staging --reason "new /api location"', { user: REQUESTER });
    await h.idle();
    await h.command('audit', { responseId: 'all' });
    await h.command('audit --since 1h', { responseId: 'recent' });
    await h.command('audit --target prod', { responseId: 'prod' });
    await h.command('audit --since yesterday-ish', { responseId: 'bad' });
    await h.idle();
    const said = (id: string) => String(h.slack.responses.find((r) => r.id === id)?.body.text ?? '');
    const blocks = (id: string) => JSON.stringify(h.slack.responses.find((r) => r.id === id)?.body.blocks ?? []);
    expect(said('all')).toMatch(/audit log: 4 record\(s\)/);
    expect(blocks('all')).toMatch(/action.executed .*prod .*U0APPROVER .*restart-backend/);
    expect(said('recent')).toMatch(/since 1h: 1 record/);
    expect(blocks('recent')).toContain('staging');
    expect(said('prod')).toMatch(/for prod: 3 record/);
    expect(said('bad')).toMatch(/--since "yesterday-ish" is neither/);
    expect(blocks('bad')).toContain('/oms audit --since 1h');
  });
});

describe('audit and secrets', () => {
  it('every path leaves an audit record; the capture secrets reach neither Slack nor the audit file', async () => {
    h = await ApprovalHarness.start();
    const { rootTs, card, approve } = await requestFromReport();
    await h.click({
      actionId: approve.action_id,
      value: approve.value,
      user: REQUESTER,
      messageTs: cardTsOf(card),
      threadTs: rootTs,
    });
    await h.click({
      actionId: approve.action_id,
      value: approve.value,
      user: APPROVER,
      messageTs: cardTsOf(card),
      threadTs: rootTs,
    });
    await h.idle();
    await h.command(
      `run restart-backend prod --reason "login fails DATABASE_PASSWORD=${SECRETS[0]} token=${SECRETS[1]}"`,
      { user: REQUESTER },
    );
    await h.idle();
    const second = h.slack
      .callsTo('chat.postMessage')
      .filter((c) => String(c.body.text).startsWith('审批请求'))
      .at(-1)!;
    await h.click({
      actionId: 'approval_deny',
      value: buttonsOf(second)[1]!.value,
      user: APPROVER,
      messageTs: cardTsOf(second),
    });
    await h.idle();
    await h.submitDeny(h.slack.callsTo('views.open').at(-1)!, APPROVER, `no; SECRET_KEY=${SECRETS[1]}`);
    await h.idle();
    await h.command('check backend-env prod', { user: REQUESTER });
    await h.command('audit', { responseId: 'audit' });
    await h.idle();
    const events = auditRecords().map((r) => r.event);
    expect(events).toEqual([
      'diagnosis',
      'action.requested',
      'action.refused',
      'action.approved',
      'action.executed',
      'action.requested',
      'action.denied',
      'check',
    ]);
    expect(auditRecords().find((r) => r.event === 'check')).toMatchObject({
      check: 'backend-env',
      user: REQUESTER,
      via: 'slack',
      target: 'prod',
    });
    const file = readFileSync(h.auditFile, 'utf8');
    const sent = h.slack.everythingSent();
    expect(sent).toContain('«redacted»');
    for (const s of SECRETS) {
      expect(file).not.toContain(s);
      expect(sent).not.toContain(s);
    }
  });
});
