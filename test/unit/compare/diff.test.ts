import type { FactValue } from '../../../src/checks/check.js';
import { compareReports } from '../../../src/compare/diff.js';
import type { Report, ReportFinding, ReportObservation } from '../../../src/engine/report.js';

/** compareReports on hand-made reports: what counts as a difference, what explains a finding, and the order. */

function obs(check: string, facts: Record<string, FactValue>, status: ReportObservation['status'] = 'ok') {
  return {
    check,
    title: check,
    status,
    summary: '',
    evidence: '',
    facts,
    signals: [],
    durationMs: 1,
    truncated: false,
  };
}

function finding(id: string, matched: string[], severity: ReportFinding['severity'] = 'critical'): ReportFinding {
  return { id, severity, title: id, evidence: '', fix: '', action: null, matched };
}

function report(name: string, observations: ReportObservation[], findings: ReportFinding[] = []): Report {
  return {
    target: { name, host: `${name}.example`, transport: 'replay' },
    playbook: { id: 'login', title: '登录', titleEn: 'login' },
    startedAt: '2026-11-30T00:00:00.000Z',
    finishedAt: '2026-11-30T00:00:01.000Z',
    verdict: findings.length ? 'problem' : 'ok',
    headline: name,
    findings,
    observations,
  };
}

const settings = (...s: string[]) => obs('env-format', { settings: s });

describe('compareReports', () => {
  it('lists only what differs; reordered hosts are alike; a finding on one side is explained by its facts', () => {
    const a = report(
      'prod',
      [
        obs('backend-env', { allowedHosts: ['localhost', '127.0.0.1'], debug: false }, 'fail'),
        obs('nginx-site', { proxyPasses: ['/api → http://oms_backend'] }),
      ],
      [finding('allowed-hosts', ['backend-env:allowed-hosts-missing-host'])],
    );
    const b = report('staging', [
      obs('backend-env', { allowedHosts: ['127.0.0.1', 'localhost', '10.0.0.2'], debug: false }),
      obs('nginx-site', { proxyPasses: ['/api → http://oms_backend'] }),
    ]);
    const c = compareReports(a, b);
    expect(c.differences.map((d) => [d.fact, d.explains])).toEqual([
      ['backend-env.allowedHosts', ['allowed-hosts']],
      ['check.backend-env', ['allowed-hosts']],
    ]);
    expect(c.differences[0]).toMatchObject({ kind: 'value', a: ['localhost', '127.0.0.1'], b: expect.any(Array) });
    const same = compareReports(
      a,
      report('x', [
        obs('backend-env', { allowedHosts: ['127.0.0.1', 'localhost'], debug: false }, 'fail'),
        obs('nginx-site', { proxyPasses: ['/api → http://oms_backend'] }),
      ]),
    );
    expect(same.differences.filter((d) => d.fact === 'backend-env.allowedHosts')).toEqual([]);
  });

  it('orders the differences that explain a finding by the finding’s rank (root cause first), then the rest by group', () => {
    const a = report(
      'prod',
      [
        obs('backend-port', { listening: ['127.0.0.1:80'] }, 'fail'),
        obs('unit-file', { user: 'www-data', execStart: '/opt/venv/bin/gunicorn' }),
        obs('backend-error-log', { gunicornVersion: '21.2.0' }),
        obs('frontend-env', { apiBaseUrl: 'http://a/api' }),
      ],
      [finding('unit-user-missing', ['unit-file:x']), finding('backend-down', ['backend-port:not-listening'], 'error')],
    );
    const b = report('staging', [
      obs('backend-port', { listening: ['127.0.0.1:80', '127.0.0.1:8000'] }),
      obs('unit-file', { user: 'nginx', execStart: '/opt/venv/bin/gunicorn' }),
      obs('backend-error-log', { gunicornVersion: '23.0.0' }),
      obs('frontend-env', { apiBaseUrl: 'http://b/api' }),
    ]);
    const c = compareReports(a, b);
    expect(c.differences.map((d) => d.fact)).toEqual([
      'unit-file.user', // explains the root cause (rank 0)
      'backend-port.listening', // explains backend-down (rank 1)
      'check.backend-port',
      'frontend-env.apiBaseUrl', // explains nothing: group order (frontend before versions)
      'backend-error-log.gunicornVersion',
    ]);
    // The unit's user can explain both (a unit that cannot start listens on nothing), the root cause first.
    expect(c.differences[0]!.explains).toEqual(['unit-user-missing', 'backend-down']);
    expect(c.same).toBe(4); // execStart, and the status of unit-file, backend-error-log and frontend-env
  });

  it('a finding both sides share is explained by nothing; info findings are never explained', () => {
    const shared = finding('allowed-hosts', ['backend-env:allowed-hosts-missing-host']);
    const info = finding('debug-note', ['backend-env:debug-on'], 'info');
    const a = report('prod', [obs('backend-env', { debug: true })], [shared, info]);
    const b = report('staging', [obs('backend-env', { debug: false })], [shared]);
    const c = compareReports(a, b);
    expect(c.differences).toEqual([expect.objectContaining({ fact: 'backend-env.debug', explains: [] })]);
  });

  it('settings: set on one side only, empty on one, different values — never a value; secrets set on both are not compared', () => {
    const a = report('prod', [
      settings(
        'DB_HOST (set aaaaaaaaaaaa)',
        'REDIS_HOST (set 111111111111)',
        'SECRET_KEY (secret)',
        'TZ (empty)',
        'ONLY_A (set 222222222222)',
        'DEBUG (set 333333333333)',
        'API_TOKEN (secret)',
      ),
    ]);
    const b = report('staging', [
      settings(
        'DB_HOST (set bbbbbbbbbbbb)',
        'REDIS_HOST (set 111111111111)',
        'SECRET_KEY (secret)',
        'TZ (set 444444444444)',
        'DEBUG (set 555555555555)',
      ),
    ]);
    const c = compareReports(a, b);
    const rows = c.differences.filter((d) => d.kind === 'setting').map((d) => [d.label, d.a, d.b]);
    expect(rows).toEqual([
      ['API_TOKEN', 'secret', 'unset'],
      ['DB_HOST', 'set', 'set'],
      ['ONLY_A', 'set', 'unset'],
      ['TZ', 'empty', 'set'],
    ]);
    // DEBUG is shown through backend-env's own fact, never as a state; REDIS_HOST is alike.
    expect(c.notCompared).toEqual(['SECRET_KEY']);
    expect(JSON.stringify(c)).not.toMatch(/aaaaaaaaaaaa|bbbbbbbbbbbb|111111111111/);
  });

  it('a side that could not be reached: its verdict and error, and no facts compared', () => {
    const a = report('prod', [obs('backend-env', { debug: true })]);
    const b: Report = {
      ...report('staging', []),
      verdict: 'unreachable',
      error: { code: 'connect_refused', message: 'connection refused', hint: 'is sshd running?' },
    };
    const c = compareReports(a, b);
    expect(c.unreachable).toEqual(['b']);
    expect(c.differences).toEqual([]);
    expect(c.sides[1]).toMatchObject({ target: 'staging', verdict: 'unreachable', error: { code: 'connect_refused' } });
    expect(c.sides[0]).toMatchObject({ target: 'prod', verdict: 'ok' });
  });

  it('shows only catalogued facts: anything else a check reports stays out', () => {
    const a = report('prod', [obs('backend-env', { debug: true, somethingNew: 'CANARY-a-7d1f' })]);
    const b = report('staging', [obs('backend-env', { debug: true, somethingNew: 'CANARY-b-9e2c' })]);
    const c = compareReports(a, b);
    expect(c.differences).toEqual([]);
    expect(JSON.stringify(c)).not.toContain('CANARY');
  });
});
