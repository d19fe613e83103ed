import { findCheck } from '../../../src/checks/registry.js';
import { localTarget } from '../../../src/config/target.js';
import { makeConsistent } from '../../../src/engine/consistency.js';
import { runPlaybook } from '../../../src/engine/engine.js';
import type { Report, ReportFinding, ReportObservation } from '../../../src/engine/report.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import type { ExecOptions, ExecResult, Transport } from '../../../src/transport/transport.js';
import { djangoState } from '../../fixtures/database/django-state.js';
import { captureScenarios, loadCapture, result } from '../../helpers/capture.js';
import { ReplayTransport } from '../../helpers/replay-transport.js';

/** The healthy replica, with chosen commands answered from another captured situation. */
class MixedTransport implements Transport {
  readonly describe = 'mixed';
  private readonly base = new ReplayTransport('healthy');
  constructor(private readonly override: (line: string) => ExecResult | undefined) {}
  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return this.override(argv.join(' ')) ?? this.base.exec(argv, options);
  }
  async close(): Promise<void> {}
}

const BAD_REQUEST = () => loadCapture('allowed-hosts-missing-ip', 'login-nginx.txt');
const isLoginViaNginx = (line: string) =>
  line.startsWith('curl') && line.includes('/api/auth/login/') && !line.includes(':8000/') && !line.includes('OPTIONS');
const isLoginDirect = (line: string) => line.startsWith('curl') && line.includes(':8000/api/auth/login/');

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

const run = (pb: string, t: Transport): Promise<Report> =>
  runPlaybook(
    playbooks.find((p) => p.id === pb)!,
    localTarget(),
    t,
    { findCheck },
  );
const serious = (r: Report) => r.findings.filter((f) => f.severity !== 'info');

describe('a report consistent with its observations', () => {
  it('400 through nginx only, ALLOWED_HOSTS right in .env: not blamed on ALLOWED_HOSTS, points at the Host header', async () => {
    const t = new MixedTransport((line) => (isLoginViaNginx(line) ? BAD_REQUEST() : undefined));
    const report = await run('login', t);
    const env = report.observations.find((o) => o.check === 'backend-env')!;
    expect(env.signals).toContain('hosts-ok');
    expect(report.observations.find((o) => o.check === 'login-nginx')!.signals).toContain('disallowed-host');
    expect(report.findings.map((f) => f.id)).not.toContain('allowed-hosts');
    const top = serious(report)[0]!;
    expect(top.id).toBe('unexplained-400');
    expect(top.title).toMatch(/Host header nginx forwards/);
    expect(top.fix).toContain('proxy_set_header Host $host');
    expect(top.evidence).toContain('[backend-env]');
    expect(top.evidence).toContain('[login-direct]');
    expect(report.verdict).toBe('problem');
  });

  it('400 direct and through nginx with a right .env: says the running backend may not use this .env', async () => {
    const t = new MixedTransport((line) =>
      isLoginViaNginx(line)
        ? BAD_REQUEST()
        : isLoginDirect(line)
          ? loadCapture('allowed-hosts-missing-ip', 'login-direct.txt')
          : undefined,
    );
    const report = await run('login', t);
    const top = serious(report)[0]!;
    expect(top.id).toBe('unexplained-400');
    expect(top.title).toMatch(/may not use this \.env/);
    expect(top.fix).toContain('systemctl restart oms-backend');
  });

  it('keeps the allowed-hosts finding when the .env check confirms it', async () => {
    const report = await run('login', new ReplayTransport('allowed-hosts-missing-ip'));
    expect(serious(report)[0]!.id).toBe('allowed-hosts');
    expect(report.findings.map((f) => f.id)).not.toContain('unexplained-400');
  });

  it('a program other than gunicorn on the backend port, admin playbook: the catalogue names the port, not a guess', async () => {
    // `nc -l 127.0.0.1 8000` holds the port: the direct request times out, nginx answers 502.
    const t = new MixedTransport((line) => {
      if (line.startsWith('ss '))
        return result(
          'State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n' +
            'LISTEN 0 5 127.0.0.1:8000 0.0.0.0:* users:(("nc",pid=812,fd=3))\n',
        );
      if (isLoginDirect(line))
        return result('', 28, 'curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received');
      if (isLoginViaNginx(line)) return loadCapture('backend-stopped', 'login-nginx.txt');
      return undefined;
    });
    const report = await run('admin', t);
    expect(report.verdict).toBe('problem');
    const failed = report.observations.filter((o) => o.status === 'fail').map((o) => o.check);
    expect(failed).toEqual(expect.arrayContaining(['backend-port', 'login-direct', 'login-nginx']));
    // admin's own checks never named this cause; the catalogue reaches every playbook.
    const top = serious(report)[0]!;
    expect(['port-taken', 'port-in-use']).toContain(top.id);
    expect(report.findings.map((f) => f.evidence).join('\n')).toContain('held by nc (pid 812)');
  });

  it('failed checks that no cause explains: "problem" names an unexplained finding with their observations', () => {
    const obs = (check: string, status: 'ok' | 'fail', signals: string[]): ReportObservation => ({
      check,
      title: check,
      status,
      summary: `${check} ${status}`,
      evidence: status === 'fail' ? 'held by nc (pid 812)' : '',
      facts: {},
      signals,
      durationMs: 1,
      truncated: false,
    });
    const observations = [obs('backend-service', 'ok', ['active']), obs('backend-port', 'fail', ['held-by-other'])];
    const [top, ...rest] = makeConsistent([], observations);
    expect(rest).toEqual([]);
    expect(top!.id).toBe('unexplained');
    expect(top!.severity).toBe('error');
    expect(top!.title).toContain('backend-port');
    expect(top!.evidence).toContain('held by nc (pid 812)');
    expect(top!.matched).toEqual(['backend-port:held-by-other']);
  });

  it('every capture with every playbook: a "problem" verdict always names a finding above info', async () => {
    for (const scenario of captureScenarios())
      for (const pb of playbooks) {
        const report = await run(pb.id, new ReplayTransport(scenario));
        if (report.verdict === 'problem')
          expect([scenario, pb.id, serious(report).length > 0]).toEqual([scenario, pb.id, true]);
      }
  });
});

describe('makeConsistent', () => {
  const obs = (check: string, status: ReportObservation['status'], signals: string[]): ReportObservation => ({
    check,
    title: check,
    status,
    summary: `${check} 概要 / ${check} summary`,
    evidence: `${check} evidence SECRET_KEY=abcdefghijklmnopqrstuvwxyz0123456789`,
    facts: {},
    signals,
    durationMs: 1,
    truncated: false,
  });
  const info: ReportFinding = {
    id: 'check-credentials',
    severity: 'info',
    title: 'info',
    evidence: '',
    fix: '',
    action: null,
    matched: [],
  };

  it('adds an "unexplained" finding when a check failed and only info findings remain', () => {
    const observations = [obs('backend-service', 'ok', ['active']), obs('login-nginx', 'fail', ['unexpected'])];
    const out = makeConsistent([info], observations);
    expect(out.map((f) => f.id)).toEqual(['check-credentials', 'unexplained']);
    const u = out[1]!;
    expect(u.severity).toBe('error');
    expect(u.title).toContain('login-nginx');
    expect(u.matched).toEqual(['login-nginx:unexpected']);
    expect(u.evidence).toContain('[login-nginx]');
    expect(u.evidence).not.toContain('[backend-service]');
    expect(u.evidence).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
  });

  it('adds nothing with no failing observation, or when a finding above info already explains it', () => {
    expect(makeConsistent([], [obs('a', 'ok', []), obs('b', 'warn', [])])).toEqual([]);
    const real = { ...info, id: 'backend-down', severity: 'critical' as const };
    expect(makeConsistent([real], [obs('backend-port', 'fail', ['not-listening'])])).toEqual([real]);
  });
});

describe('a leftover python3 -m http.server on the backend port', () => {
  // What the issue saw: http.server holds 127.0.0.1:8000, gunicorn restart-loops, the API answers 501.
  const t = () =>
    new MixedTransport((line) => {
      if (line.startsWith('ss -lntpH'))
        return result('LISTEN 0      5          127.0.0.1:8000      0.0.0.0:*    users:(("python3",pid=4242,fd=3))\n');
      if (line.startsWith('systemctl show oms-backend -p MainPID'))
        return result('MainPID=0\nActiveState=activating\n');
      return undefined;
    });

  it.each(['api-not-found', 'service-start'])('%s: the port taken by python3 comes first', async (pb) => {
    const report = await run(pb, t());
    const top = serious(report)[0]!;
    expect(top.id).toBe('port-taken');
    expect(top.evidence).toContain('python3 (pid 4242)');
    expect(report.verdict).toBe('problem');
  });
});

describe('a unit edited on disk without daemon-reload', () => {
  it('service-start names it and offers daemon-reload + restart', async () => {
    const t = new MixedTransport((line) =>
      line.includes('NeedDaemonReload')
        ? result('NeedDaemonReload=yes\nFragmentPath=/etc/systemd/system/oms-backend.service\nLoadState=loaded\n')
        : undefined,
    );
    const report = await run('service-start', t);
    const top = serious(report)[0]!;
    expect(top.id).toBe('unit-reload-needed');
    expect(top.action?.command).toEqual([
      'sudo -n /usr/bin/systemctl daemon-reload',
      'sudo -n /usr/bin/systemctl restart oms-backend',
    ]);
  });
});

describe('a backend .env with an empty SECRET_KEY, saved with a BOM', () => {
  it.each(['service-start', 'login'])(
    '%s: SECRET_KEY empty first, the BOM next, no value in the report',
    async (pb) => {
      const healthyEnv = loadCapture('healthy', 'backend-env.txt');
      const broken = `\uFEFF${healthyEnv.stdout.replace(/^SECRET_KEY=.*$/m, 'SECRET_KEY=')}`;
      const t = new MixedTransport((line) =>
        line === 'cat /opt/OMS/backend/.env' ? { ...healthyEnv, stdout: broken } : undefined,
      );
      const report = await run(pb, t);
      expect(
        serious(report)
          .map((f) => f.id)
          .slice(0, 2),
      ).toEqual(['secret-key-empty', 'env-format-broken']);
      expect(JSON.stringify(report)).not.toContain('nxcG0fXEWVsXKBOJWBPhDY26');
    },
  );
});

describe('the password is right but login says 401', () => {
  it('login: an inactive superuser is named, before the info about credentials', async () => {
    const t = new MixedTransport((line) =>
      line.startsWith('/opt/OMS/backend/venv/bin/python')
        ? result(djangoState({ rows: [{ username: 'admin', active: false }] }))
        : undefined,
    );
    const report = await run('login', t);
    expect(report.findings[0]!.id).toBe('superuser-inactive');
    expect(report.findings[0]!.evidence).toContain('admin is_superuser=True is_active=False');
    expect(report.verdict).toBe('problem');
  });
});
