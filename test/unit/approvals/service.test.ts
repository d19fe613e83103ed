import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCheck } from '../../../src/checks/registry.js';
import { ApprovalService } from '../../../src/approvals/service.js';
import { approvalReference } from '../../../src/approvals/reference.js';
import type { Actor } from '../../../src/approvals/approval.js';
import type { Outcome } from '../../../src/approvals/outcome.js';
import { AuditLog, type AuditRecord } from '../../../src/audit/audit-log.js';
import { FileStore } from '../../../src/store/file-store.js';
import {
  APPROVER,
  APPROVER2,
  fakeServer,
  GROUP,
  OUTSIDER,
  REQUESTER,
  testConfig,
  type ServerState,
} from './fake-server.js';

const slack = (id: string, channel?: string): Actor => ({ id, via: 'slack', ...(channel ? { channel } : {}) });
const RESTART = ['/usr/bin/systemctl', 'restart', 'oms-backend'];

function setup(options: { policy?: string; server?: Partial<ServerState>; approvers?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'oms-approvals-'));
  const clock = { t: Date.parse('2026-11-22T10:00:00Z') };
  const server = fakeServer(options.server);
  const audit = new AuditLog({ file: join(dir, 'audit.jsonl'), now: () => new Date(clock.t) });
  const store = new FileStore({ dir: join(dir, 'store'), now: () => clock.t });
  const service = new ApprovalService({
    config: testConfig(options.policy, { approvers: options.approvers }),
    store,
    audit,
    transportFor: () => server.transport,
    findCheck,
    isInGroup: async (user, group) => {
      if (user === 'U0BROKENLOOKUP') throw new Error('usergroups.users.list failed');
      return user === 'U0GROUPIE' && group === GROUP;
    },
    now: () => new Date(clock.t),
    postCheckAttempts: 2,
    postCheckDelayMs: 0,
  });
  const records = async (): Promise<AuditRecord[]> => audit.read();
  const request = async (
    action = 'restart-backend',
    target = 'prod',
    reason = 'backend down since 10:02',
    requester = slack(REQUESTER),
  ) => {
    const o = await service.requestAction({
      action,
      target,
      requester,
      reason,
      finding: { id: 'backend-stopped', title: 'The backend service is stopped' },
    });
    if (o.kind !== 'requested') throw new Error(`expected a request, got ${JSON.stringify(o)}`);
    return o.approval;
  };
  return { dir, clock, server, audit, store, service, records, request };
}

function refusal(o: Outcome) {
  return o.kind === 'refused' ? o.code : `not refused: ${o.kind}`;
}

describe('request', () => {
  it('stores a pending approval with the exact command, requester, reason, finding and a 15-minute expiry', async () => {
    const { request, service, records } = setup();
    const a = await request();
    expect(a).toMatchObject({
      status: 'pending',
      action: 'restart-backend',
      target: 'prod',
      host: '10.0.0.5',
      command: [RESTART],
      requester: { id: REQUESTER },
      reason: 'backend down since 10:02',
      finding: { id: 'backend-stopped' },
      approvalsNeeded: 1,
    });
    expect(Date.parse(a.expiresAt) - Date.parse(a.createdAt)).toBe(15 * 60_000);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await service.get(a.id)).toEqual(a);
    expect((await records()).map((r) => r.event)).toEqual(['action.requested']);
    expect((await records())[0]).toMatchObject({
      user: REQUESTER,
      target: 'prod',
      action: 'restart-backend',
      approvalId: a.id,
      command: [RESTART],
    });
  });

  it('refuses unknown actions and targets, and a request with no reason, as values', async () => {
    const { service } = setup();
    const requester = slack(REQUESTER);
    expect(refusal(await service.requestAction({ action: 'rm-rf', target: 'prod', requester, reason: 'x' }))).toBe(
      'unknown-action',
    );
    expect(
      refusal(await service.requestAction({ action: 'restart-backend', target: 'nowhere', requester, reason: 'x' })),
    ).toBe('unknown-target');
    expect(
      refusal(await service.requestAction({ action: 'restart-backend', target: 'prod', requester, reason: '  ' })),
    ).toBe('invalid-request');
  });

  it('"may request": requesters and requesterChannels restrict who may ask', async () => {
    const { service, records } = setup({ policy: '  requesters: [U0ALLOWED]\n  requesterChannels: [C0OPS]\n' });
    const ask = (actor: Actor) =>
      service.requestAction({ action: 'restart-backend', target: 'prod', requester: actor, reason: 'down' });
    const no = await ask(slack(OUTSIDER, 'C0RANDOM'));
    expect(refusal(no)).toBe('not-allowed-to-request');
    expect(no.kind === 'refused' && no.hint).toMatch(/policy.requesters/);
    expect((await ask(slack('U0ALLOWED'))).kind).toBe('requested');
    expect((await ask(slack(OUTSIDER, 'C0OPS'))).kind).toBe('requested');
    expect((await records()).filter((r) => r.event === 'action.refused')).toHaveLength(1);
  });
});

describe('approve', () => {
  it('executes the whitelisted argv once with sudo, verifies a new MainPID, port and login probe, and records who and when', async () => {
    const { request, service, server, records, clock } = setup();
    const a = await request();
    clock.t += 60_000;
    const o = await service.approve(approvalReference(a), slack(APPROVER));
    expect(o.kind).toBe('executed');
    if (o.kind !== 'executed') return;
    expect(server.state.sudo).toEqual([RESTART]);
    const sudoCalls = server.transport.calls.filter((c) => c.options.sudo && c.argv[0] === '/usr/bin/systemctl');
    expect(sudoCalls).toEqual([{ argv: RESTART, options: { sudo: true, timeoutMs: 60_000 } }]);
    expect(o.result).toMatchObject({ verdict: 'succeeded', exitCode: 0, mainPid: { before: 0, after: 4100 } });
    expect(o.result.postChecks.map((c) => `${c.check}:${c.status}`)).toEqual([
      'backend-service:ok',
      'backend-port:ok',
      'login-direct:ok',
    ]);
    expect(o.result.preconditions.map((c) => `${c.check}:${c.status}`)).toEqual(['unit-user:ok']);
    expect(o.approval).toMatchObject({
      status: 'succeeded',
      approvedBy: [{ by: APPROVER, via: 'slack', at: '2026-11-22T10:01:00.000Z' }],
    });
    expect(o.result.durationMs).toBeGreaterThanOrEqual(0);
    expect((await service.get(a.id))?.status).toBe('succeeded');
    const events = await records();
    expect(events.map((r) => r.event)).toEqual(['action.requested', 'action.approved', 'action.executed']);
    expect(events[2]).toMatchObject({
      user: APPROVER,
      command: [RESTART],
      exitCode: 0,
      verdict: 'succeeded',
      approvalId: a.id,
    });
  });

  it('a member of an approver group (looked up at click time) may approve; a failing lookup never approves', async () => {
    const { request, service, server } = setup();
    const a = await request();
    expect(refusal(await service.approve(a.id, slack('U0BROKENLOOKUP')))).toBe('not-authorised');
    expect(server.state.sudo).toHaveLength(0);
    expect((await service.approve(a.id, slack('U0GROUPIE'))).kind).toBe('executed');
    expect(server.state.sudo).toEqual([RESTART]);
  });

  it('refuses an unauthorised approver, and says who may approve', async () => {
    const { request, service, server, records } = setup();
    const a = await request();
    const o = await service.approve(approvalReference(a), slack(OUTSIDER));
    expect(refusal(o)).toBe('not-authorised');
    expect(o.kind === 'refused' && o.hint).toMatch(/policy.approvers/);
    expect(server.state.sudo).toHaveLength(0);
    expect((await service.get(a.id))?.status).toBe('pending');
    expect((await records()).at(-1)).toMatchObject({ event: 'action.refused', user: OUTSIDER, approvalId: a.id });
  });

  it('refuses self-approval by default; selfApproval: true allows it', async () => {
    const strict = setup();
    const a = await strict.request('restart-backend', 'prod', 'down', slack(APPROVER));
    expect(refusal(await strict.service.approve(a.id, slack(APPROVER)))).toBe('self-approval');
    expect(strict.server.state.sudo).toHaveLength(0);

    const loose = setup({ policy: '  selfApproval: true\n' });
    const b = await loose.request('restart-backend', 'prod', 'down', slack(APPROVER));
    expect((await loose.service.approve(b.id, slack(APPROVER))).kind).toBe('executed');
  });

  it('with no approvers configured, nobody may approve, and the message says how to configure them', async () => {
    const { service, request, server } = setup({ approvers: false });
    const a = await request();
    const o = await service.approve(a.id, slack(APPROVER));
    expect(refusal(o)).toBe('no-approvers');
    expect(o.kind === 'refused' && o.hint).toMatch(/policy.approvers/);
    expect(server.state.sudo).toHaveLength(0);
  });

  it('an expired approval stays expired and never runs', async () => {
    const { request, service, server, clock, records } = setup();
    const a = await request();
    clock.t += 15 * 60_000 + 1;
    const first = await service.approve(approvalReference(a), slack(APPROVER));
    expect(first.kind).toBe('expired');
    expect(first.kind === 'expired' && first.approval.status).toBe('expired');
    const again = await service.approve(approvalReference(a), slack(APPROVER2));
    expect(refusal(again)).toBe('already-decided');
    expect(again.kind === 'refused' && again.message).toMatch(/expired/);
    expect(server.state.sudo).toHaveLength(0);
    expect((await records()).map((r) => r.event)).toEqual(['action.requested', 'action.expired', 'action.refused']);
  });

  it('expire(now) marks overdue approvals once (cards to update), leaves fresh ones pending', async () => {
    const { request, service, clock } = setup();
    const old = await request();
    clock.t += 10 * 60_000;
    const fresh = await request();
    clock.t += 6 * 60_000;
    const expired = await service.expire(new Date(clock.t));
    expect(expired.map((o) => o.kind === 'expired' && o.approval.id)).toEqual([old.id]);
    expect(await service.expire(new Date(clock.t))).toEqual([]);
    expect((await service.get(old.id))?.status).toBe('expired');
    expect((await service.get(fresh.id))?.status).toBe('pending');
  });

  it('a denied approval does not run; only approvers (or the requester) may deny', async () => {
    const { request, service, server, records } = setup();
    const a = await request();
    expect(refusal(await service.deny(a.id, slack(OUTSIDER), 'no'))).toBe('not-authorised');
    const d = await service.deny(approvalReference(a), slack(APPROVER2), 'not during business hours');
    expect(d.kind).toBe('denied');
    expect(d.kind === 'denied' && d.approval.deniedBy).toMatchObject({
      by: APPROVER2,
      reason: 'not during business hours',
    });
    expect(refusal(await service.approve(a.id, slack(APPROVER)))).toBe('already-decided');
    expect(server.state.sudo).toHaveLength(0);
    expect((await records()).map((r) => r.event)).toEqual([
      'action.requested',
      'action.refused',
      'action.denied',
      'action.refused',
    ]);

    const b = await request();
    expect((await service.deny(b.id, slack(REQUESTER), 'fixed itself')).kind).toBe('denied');
  });

  it('double click, two approvers at once, and a replayed payload: it runs exactly once', async () => {
    const { request, service, server } = setup();
    const a = await request();
    const value = approvalReference(a);
    const outcomes = await Promise.all([
      service.approve(value, slack(APPROVER)),
      service.approve(value, slack(APPROVER)),
      service.approve(value, slack(APPROVER2)),
      service.approve(value, slack(APPROVER2)),
    ]);
    expect(outcomes.filter((o) => o.kind === 'executed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'refused').map(refusal)).toEqual([
      'already-decided',
      'already-decided',
      'already-decided',
    ]);
    // Slack retries the same action payload later: still once.
    const replay = await service.approve(value, slack(APPROVER));
    expect(refusal(replay)).toBe('already-decided');
    expect(replay.kind === 'refused' && replay.message).toMatch(/already approved by U0.* and executed/);
    expect(server.state.sudo).toEqual([RESTART]);
  });

  it('forged ids, malformed values and tampered payloads are refused and nothing runs', async () => {
    const { request, service, server, records } = setup();
    const a = await request('restart-backend', 'prod');
    const forged = await service.approve(
      JSON.stringify({ id: 'AAAAAAAAAAAAAAAAAAAAAA', action: 'restart-backend', target: 'prod' }),
      slack(APPROVER),
    );
    expect(refusal(forged)).toBe('unknown-approval');
    expect(refusal(await service.approve('{"id": "../../etc/passwd"}', slack(APPROVER)))).toBe('invalid-reference');
    expect(refusal(await service.approve('not json {', slack(APPROVER)))).toBe('invalid-reference');
    expect(
      refusal(
        await service.approve(JSON.stringify({ id: a.id, action: 'restart-nginx', target: 'prod' }), slack(APPROVER)),
      ),
    ).toBe('tampered');
    expect(
      refusal(
        await service.approve(
          JSON.stringify({ id: a.id, action: 'restart-backend', target: 'staging' }),
          slack(APPROVER),
        ),
      ),
    ).toBe('tampered');
    expect(
      refusal(
        await service.approve(
          JSON.stringify({ id: a.id, action: 'restart-backend', target: 'prod', argv: ['/bin/sh'] }),
          slack(APPROVER),
        ),
      ),
    ).toBe('invalid-reference');
    expect(
      refusal(await service.deny(JSON.stringify({ id: a.id, action: 'reload-nginx' }), slack(APPROVER), 'x')),
    ).toBe('tampered');
    expect(server.state.sudo).toHaveLength(0);
    expect((await service.get(a.id))?.status).toBe('pending');
    expect((await records()).filter((r) => r.event === 'action.refused')).toHaveLength(7);
    // The genuine value still works afterwards.
    expect((await service.approve(approvalReference(a), slack(APPROVER))).kind).toBe('executed');
  });

  it('precondition failure: nginx -t fails, so there is no reload, and the card says why', async () => {
    const { request, service, server, records } = setup({ server: { nginxBroken: true, running: true, mainPid: 33 } });
    const a = await request('reload-nginx');
    const o = await service.approve(a.id, slack(APPROVER));
    expect(o.kind).toBe('executed');
    if (o.kind !== 'executed') return;
    expect(o.result.verdict).toBe('precondition-failed');
    expect(o.approval.status).toBe('refused');
    expect(o.result.summary).toMatch(/nothing was run/);
    expect(o.result.summary).toMatch(/nginx-config-test/);
    expect(o.result.steps).toEqual([]);
    expect(server.state.sudo).toHaveLength(0);
    expect(server.transport.calls.some((c) => c.argv.includes('reload'))).toBe(false);
    expect((await records()).at(-1)).toMatchObject({
      event: 'action.refused',
      verdict: 'precondition-failed',
      exitCode: null,
    });
  });

  it('post-check failure is reported as such (the command ran, the service did not come back)', async () => {
    const { request, service, server, records } = setup({ server: { restartDoesNotHelp: true } });
    const a = await request();
    const o = await service.approve(a.id, slack(APPROVER));
    expect(o.kind === 'executed' && o.result.verdict).toBe('post-check-failed');
    if (o.kind !== 'executed') return;
    expect(o.approval.status).toBe('failed');
    expect(o.result.exitCode).toBe(0);
    expect(o.result.summary).toMatch(/post-checks failed/);
    expect(o.result.postChecks.find((c) => c.check === 'backend-service')?.status).toBe('fail');
    expect(server.state.sudo).toEqual([RESTART]);
    expect((await records()).at(-1)).toMatchObject({
      event: 'action.executed',
      verdict: 'post-check-failed',
      exitCode: 0,
    });
  });

  it('a restart that leaves the same MainPID fails verification', async () => {
    const { request, service } = setup({ server: { running: true, mainPid: 33, restartDoesNotHelp: true } });
    const a = await request();
    const o = await service.approve(a.id, slack(APPROVER));
    expect(o.kind === 'executed' && o.result.verdict).toBe('post-check-failed');
    expect(o.kind === 'executed' && o.result.summary).toMatch(/MainPID did not change \(33 → 33\)/);
  });

  it('sudo refusing is explained with the exact sudoers line', async () => {
    const { request, service } = setup({ server: { sudoRefuses: true } });
    const a = await request();
    const o = await service.approve(a.id, slack(APPROVER));
    expect(o.kind === 'executed' && o.result.verdict).toBe('command-failed');
    if (o.kind !== 'executed') return;
    expect(o.result.steps[0]?.sudoRefusal?.sudoersLine).toBe(
      'omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl restart oms-backend',
    );
    expect(o.result.hint).toMatch(/\/etc\/sudoers.d\/oms-chatops/);
  });

  it('per-target policy: prod needs two distinct approvers, staging one', async () => {
    const { request, service, server } = setup({ policy: '  targets:\n    prod:\n      approvalsNeeded: 2\n' });
    const a = await request('restart-backend', 'prod');
    expect(a.approvalsNeeded).toBe(2);
    const first = await service.approve(a.id, slack(APPROVER));
    expect(first).toMatchObject({ kind: 'waiting', approvals: [APPROVER], needed: 2 });
    expect(refusal(await service.approve(a.id, slack(APPROVER)))).toBe('already-approved');
    expect(server.state.sudo).toHaveLength(0);
    const second = await service.approve(a.id, slack(APPROVER2));
    expect(second.kind).toBe('executed');
    expect(second.kind === 'executed' && second.approval.approvedBy.map((d) => d.by).sort()).toEqual(
      [APPROVER2, APPROVER].sort(),
    );
    expect(server.state.sudo).toEqual([RESTART]);

    const s = await request('restart-backend', 'staging');
    expect(s.approvalsNeeded).toBe(1);
  });

  it('console approval follows policy.consoleApproval (off by default)', async () => {
    const off = setup();
    const console: Actor = { id: 'console:alice', via: 'console' };
    expect(
      refusal(
        await off.service.requestAction({
          action: 'restart-backend',
          target: 'prod',
          requester: console,
          reason: 'down',
        }),
      ),
    ).toBe('console-approval-disabled');
    const a = await off.request();
    expect(refusal(await off.service.approve(a.id, console))).toBe('console-approval-disabled');

    const on = setup({ policy: '  consoleApproval: true\n  targets:\n    prod:\n      consoleApproval: false\n' });
    expect(
      refusal(
        await on.service.requestAction({
          action: 'restart-backend',
          target: 'prod',
          requester: console,
          reason: 'down',
        }),
      ),
    ).toBe('console-approval-disabled');
    const r = await on.service.requestAction({
      action: 'restart-backend',
      target: 'staging',
      requester: console,
      reason: 'down',
    });
    expect(r.kind).toBe('requested');
    if (r.kind !== 'requested') return;
    expect((await on.service.approve(r.approval.id, console)).kind).toBe('executed');
  });
});

describe('audit', () => {
  it('keeps secrets out of the audit log and the stored approval', async () => {
    const { request, service, dir } = setup();
    const a = await request('restart-backend', 'prod', 'DB_PASSWORD=hunter2 token xoxb-1234567890-abcdefghij leaked');
    await service.deny(a.id, slack(APPROVER), 'SECRET_KEY=s3cr3tvalue please rotate');
    const text = readFileSync(join(dir, 'audit.jsonl'), 'utf8') + JSON.stringify(await service.get(a.id));
    for (const secret of ['hunter2', 'xoxb-1234567890-abcdefghij', 's3cr3tvalue']) expect(text).not.toContain(secret);
    expect(text).toContain('«redacted»');
  });
});
