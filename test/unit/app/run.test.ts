import type { AuditEntry, AuditQuery, AuditRecord } from '../../../src/audit/audit-log.js';
import type { AuditStore } from '../../../src/audit/audit-store.js';
import { check, diagnose, planCheck, planDiagnosis, runRequest } from '../../../src/app/run.js';
import { queryAudit } from '../../../src/app/audit.js';
import { requestAction } from '../../../src/app/request-action.js';
import { doctor, keyscan, sudoers } from '../../../src/app/access.js';
import { usersTarget } from '../../../src/app/users.js';
import { CHECKS, findCheck } from '../../../src/checks/registry.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';
import { LayoutService } from '../../../src/discovery/layout-service.js';
import { ReplayTransport } from '../../helpers/replay-transport.js';
import { testConfig } from '../approvals/fake-server.js';

/** An audit store that keeps entries in memory and can be told to fail. */
class MemoryAudit implements AuditStore {
  entries: AuditEntry[] = [];
  fail = false;
  async append(entry: AuditEntry): Promise<unknown> {
    if (this.fail) throw new Error('disk full');
    this.entries.push(entry);
    return entry;
  }
  async read(query: AuditQuery): Promise<AuditRecord[]> {
    return this.entries
      .filter((e) => !query.target || e.target === query.target)
      .map((e) => ({ ts: '2026-11-22T10:00:00.000Z', ...e }));
  }
}

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

function deps(audit = new MemoryAudit()) {
  const transports: ReplayTransport[] = [];
  return {
    audit,
    transports,
    config: testConfig(),
    playbooks,
    checks: CHECKS,
    findCheck,
    transportFor: () => {
      const t = new ReplayTransport('backend-stopped');
      transports.push(t);
      return t;
    },
  };
}

describe('runRequest: transport → engine → audit, once, for every front end', () => {
  it('a diagnosis is recorded once with who asked, from where (the Slack channel in details)', async () => {
    const d = deps();
    const plan = planDiagnosis({ query: 'api-not-found', target: 'prod' }, d);
    if (plan.kind !== 'run') throw new Error(plan.kind);
    const starts: string[] = [];
    const r = await runRequest(
      { kind: 'diagnose', playbook: plan.playbook, target: plan.target },
      { id: 'U0ALICE', via: 'slack', channel: 'C0OPS' },
      d,
      { onStart: (s) => void starts.push(`${s.what} ${s.checks.length}`) },
    );
    expect(r.kind).toBe('report');
    expect(starts).toEqual([`diagnose api-not-found ${plan.playbook.checks.length}`]);
    expect(d.audit.entries).toHaveLength(1);
    expect(d.audit.entries[0]).toMatchObject({
      event: 'diagnosis',
      user: 'U0ALICE',
      via: 'slack',
      target: 'prod',
      playbook: 'api-not-found',
      details: { channel: 'C0OPS' },
    });
  });

  it('a check from the terminal is recorded without Slack details', async () => {
    const d = deps();
    const plan = planCheck({ check: 'backend-service' }, d);
    if (plan.kind !== 'run') throw new Error(plan.kind);
    await runRequest({ kind: 'check', check: plan.check, target: plan.target }, { id: 'console:bob', via: 'cli' }, d);
    expect(d.audit.entries[0]).toMatchObject({ event: 'check', check: 'backend-service', user: 'console:bob' });
    expect(d.audit.entries[0]!.details).not.toHaveProperty('channel');
  });

  it('onStart answering false cancels: nothing runs, nothing is recorded', async () => {
    const d = deps();
    const plan = planCheck({ check: 'backend-service' }, d);
    if (plan.kind !== 'run') throw new Error(plan.kind);
    const r = await runRequest({ kind: 'check', check: plan.check, target: plan.target }, { id: 'x', via: 'cli' }, d, {
      onStart: () => false,
    });
    expect(r).toEqual({ kind: 'cancelled' });
    expect(d.audit.entries).toEqual([]);
  });

  it('a failing audit write is handed to onAuditError and the report still comes back', async () => {
    const audit = new MemoryAudit();
    audit.fail = true;
    const errors: string[] = [];
    const d = { ...deps(audit), onAuditError: (e: Error) => void errors.push(e.message) };
    const plan = planCheck({ check: 'backend-service' }, d);
    if (plan.kind !== 'run') throw new Error(plan.kind);
    const r = await runRequest({ kind: 'check', check: plan.check, target: plan.target }, { id: 'x', via: 'cli' }, d);
    expect(r.kind).toBe('report');
    expect(errors).toEqual(['disk full']);
  });

  it('unknown names are values, not exceptions, and nothing runs', () => {
    const d = deps();
    expect(planDiagnosis({ query: 'login', target: 'nowhere' }, d)).toEqual({
      kind: 'unknown-target',
      name: 'nowhere',
    });
    expect(planCheck({ check: 'rm-rf' }, d)).toEqual({ kind: 'unknown-check', id: 'rm-rf' });
    expect(d.transports).toEqual([]);
  });
});

describe('the other application functions', () => {
  it('queryAudit: records, an invalid --since, or unavailable without an audit log', async () => {
    const d = deps();
    await d.audit.append({ event: 'check', target: 'prod' });
    await d.audit.append({ event: 'check', target: 'staging' });
    const r = await queryAudit({ target: 'prod' }, d);
    expect(r).toMatchObject({ kind: 'records', what: ' for prod' });
    expect(r.kind === 'records' && r.records.map((x) => x.target)).toEqual(['prod']);
    expect(await queryAudit({ since: 'yesterday-ish' }, d)).toMatchObject({ kind: 'invalid' });
    expect(await queryAudit({}, { ...d, audit: undefined })).toEqual({ kind: 'unavailable', what: 'audit' });
  });

  it('requestAction without an approvals service says so; nothing is requested', async () => {
    const r = await requestAction({ action: 'restart-backend', reason: 'x' }, { id: 'a', via: 'cli' }, deps());
    expect(r).toEqual({ kind: 'unavailable', what: 'approvals' });
  });

  it('keyscan, sudoers, doctor: unavailable without the tools, unknown targets refused, else the text', async () => {
    const d = deps();
    expect(await keyscan({ target: 'prod' }, d)).toEqual({ kind: 'unavailable', what: 'access' });
    const access = {
      keyscan: async () => 'hostKey: "SHA256:x"',
      sudoers: (_t: unknown, user: string) => `${user} ALL=(root) NOPASSWD: …`,
      doctor: async () => ({ text: 'all fine', ok: true }),
    };
    const withTools = { ...d, access };
    expect(await keyscan({ target: 'nowhere' }, withTools)).toEqual({ kind: 'unknown-target', name: 'nowhere' });
    expect(await keyscan({ target: 'prod' }, withTools)).toMatchObject({ kind: 'text', text: 'hostKey: "SHA256:x"' });
    expect(await sudoers({ user: 'omsbot' }, withTools)).toMatchObject({ text: 'omsbot ALL=(root) NOPASSWD: …' });
    expect(await doctor({}, withTools)).toEqual({ kind: 'text', text: 'all fine', ok: true });
  });

  it('usersTarget: the target the sheets name, or an unknown target', () => {
    const d = deps();
    expect(usersTarget({ target: 'prod' }, d)).toMatchObject({ kind: 'target', name: 'prod' });
    expect(usersTarget({ target: 'nowhere' }, d)).toEqual({ kind: 'unknown-target', name: 'nowhere' });
  });
});

describe('diagnose and check: resolve, run and record in one call', () => {
  it('diagnose answers the report with the playbook it resolved to, or why nothing ran', async () => {
    const d = deps();
    const resolved: string[] = [];
    const r = await diagnose({ query: 'api-not-found prod' }, { id: 'console:bob', via: 'console' }, d, {
      onResolved: (p) => void resolved.push(p.id),
    });
    expect(r).toMatchObject({ kind: 'report', playbook: { id: 'api-not-found' } });
    expect(resolved).toEqual(['api-not-found']);
    expect(d.audit.entries).toHaveLength(1);
    expect(await diagnose({ query: 'frobnicate the widgets' }, { id: 'x', via: 'cli' }, d)).toMatchObject({
      kind: 'unknown-playbook',
    });
    expect(d.audit.entries).toHaveLength(1);
  });

  it('check answers the report, or the unknown check; nothing runs for an unknown one', async () => {
    const d = deps();
    expect(await check({ check: 'backend-service' }, { id: 'x', via: 'cli' }, d)).toMatchObject({ kind: 'report' });
    expect(await check({ check: 'no-such-check' }, { id: 'x', via: 'cli' }, d)).toEqual({
      kind: 'unknown-check',
      id: 'no-such-check',
    });
    expect(d.transports).toHaveLength(1);
  });

  it('one run sends each distinct command once: two checks reading one .env, nginx -T of discovery and a check', async () => {
    const server = new ReplayTransport('healthy');
    const d = { ...deps(), transportFor: () => server };
    const layout = new LayoutService({ transportFor: () => server });
    const login = playbooks.find((p) => p.id === 'login')!;
    const target = d.config.targets.get('prod')!;
    const r = await runRequest(
      { kind: 'diagnose', playbook: login, target },
      { id: 'alice', via: 'cli' },
      {
        ...d,
        layout,
      },
    );
    if (r.kind !== 'report') throw new Error(r.kind);
    const count = (line: string) => server.calls.filter((c) => c === line).length;
    expect(new Set(server.calls).size).toBe(server.calls.length);
    expect(count('/usr/sbin/nginx -T')).toBe(1);
    expect(count('cat /opt/OMS/backend/.env')).toBe(1);
    // Both checks that read the .env still saw it.
    const byCheck = new Map(r.report.observations.map((o) => [o.check, o]));
    for (const id of ['backend-env', 'env-format']) expect(byCheck.get(id)?.status).toBe('ok');
    expect(byCheck.get('nginx-servers')?.status).not.toBe('error');
    // A second run asks the server again: nothing is kept between runs.
    await runRequest({ kind: 'check', check: findCheck('backend-env')!, target }, { id: 'alice', via: 'cli' }, d);
    expect(count('cat /opt/OMS/backend/.env')).toBe(2);
  });
});
