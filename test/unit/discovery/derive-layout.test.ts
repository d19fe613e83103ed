import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { applyLayout } from '../../../src/discovery/apply-layout.js';
import { deriveLayout, type DiscoveryOutput } from '../../../src/discovery/derive-layout.js';
import { localTarget, targetPaths, type Target } from '../../../src/config/target.js';
import { result } from '../../helpers/capture.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/discovery/${name}`, import.meta.url), 'utf8');
const healthy = (): DiscoveryOutput => ({
  service: 'erp-backend',
  show: result(fixture('systemctl-show-relocated.txt')),
  cat: result(fixture('systemctl-cat-relocated.txt')),
  nginx: result(
    fixture('nginx-T-relocated.txt'),
    0,
    'nginx: configuration file /etc/nginx/nginx.conf test is successful',
  ),
  fallbackBind: '127.0.0.1:8000',
});
const UNIT = '/etc/systemd/system/erp-backend.service';

describe('deriveLayout on a relocated install', () => {
  it('derives every path with its source and decides everything', () => {
    const d = deriveLayout(healthy());
    expect(d.undecided).toEqual([]);
    const v = Object.fromEntries(Object.entries(d.values).map(([k, s]) => [k, [s!.value, s!.source]]));
    expect(v).toEqual({
      'paths.unitFile': [UNIT, 'systemctl show FragmentPath'],
      'paths.backend': ['/srv/oms/backend', 'unit WorkingDirectory'],
      'paths.gunicorn': ['/srv/oms/backend/.venv/bin/gunicorn', `unit ExecStart (${UNIT}:10)`],
      'paths.wsgiFile': [
        '/srv/oms/backend/oms_backend/wsgi.py',
        `unit ExecStart oms_backend.wsgi:application (${UNIT}:10)`,
      ],
      backendBind: ['127.0.0.1:8100', `unit ExecStart --bind (${UNIT}:10)`],
      'paths.errorLog': ['/srv/logs/oms/gunicorn-error.log', `unit ExecStart --error-logfile (${UNIT}:10)`],
      'paths.logDir': ['/srv/logs/oms', `unit ExecStart --error-logfile (${UNIT}:10)`],
      'paths.nginxConf': ['/etc/nginx/conf.d/erp-site.conf', 'nginx -T /etc/nginx/conf.d/erp-site.conf:5'],
      nginxListen: ['127.0.0.1:8080', 'nginx -T /etc/nginx/conf.d/erp-site.conf:6'],
      'paths.staticDir': ['/srv/oms/backend/collected', 'nginx -T /etc/nginx/conf.d/erp-site.conf:25'],
      'paths.mediaDir': ['/srv/oms/uploads', 'nginx -T /etc/nginx/conf.d/erp-site.conf:29'],
      'paths.frontend': ['/srv/oms/web', 'nginx -T /etc/nginx/conf.d/erp-site.conf:20'],
      'paths.nginxErrorLogs': [
        ['/srv/logs/nginx/erp_error.log', '/var/log/nginx/error.log'],
        'nginx -T /etc/nginx/conf.d/erp-site.conf:8, nginx -T /etc/nginx/nginx.conf:4',
      ],
    });
    expect(d.notes.map((n) => n.value)).toEqual(
      expect.arrayContaining(['User=erp', 'upstream erp_app → 127.0.0.1:8100', 'access log /srv/logs/oms/access.log']),
    );
  });

  it('falls back to systemctl show when systemctl cat fails', () => {
    const d = deriveLayout({ ...healthy(), cat: result('', 1, 'No files found for erp-backend.service.') });
    expect(d.values.backendBind).toEqual({ value: '127.0.0.1:8100', source: 'systemctl show ExecStart --bind' });
  });
});

describe('deriveLayout when it cannot decide', () => {
  it('unit missing: says so for the unit part, still reads nginx with the configured bind', () => {
    const d = deriveLayout({
      ...healthy(),
      show: result('LoadState=not-found\nFragmentPath=\nWorkingDirectory=\n'),
      cat: result('', 1, 'No files found for erp-backend.service.'),
      fallbackBind: '127.0.0.1:8100',
    });
    expect(d.values['paths.backend']).toBeUndefined();
    expect(d.undecided[0]!.keys).toContain('paths.backend');
    expect(d.undecided[0]!.reason).toContain('unit erp-backend.service not found (LoadState=not-found)');
    expect(d.values['paths.nginxConf']?.value).toBe('/etc/nginx/conf.d/erp-site.conf');
  });

  it('nginx -T failing: nginx part undecided with the error, unit part still discovered', () => {
    const d = deriveLayout({
      ...healthy(),
      nginx: result('', 1, 'sudo: a password is required'),
    });
    expect(d.values['paths.backend']?.value).toBe('/srv/oms/backend');
    expect(d.undecided).toEqual([
      {
        keys: expect.arrayContaining(['paths.nginxConf', 'nginxListen', 'paths.frontend']),
        reason: 'nginx -T 失败 / nginx -T failed (exit 1): sudo: a password is required',
      },
    ]);
  });

  it("a failing command's line in a reason is redacted (reasons reach Slack, the console and the layout cache)", () => {
    // A line pasted from the backend's .env into the nginx config, quoted back by nginx; a URL with a password.
    const secret = 'django-insecure-9x8y7z6w5v4u3t2s1r';
    const d = deriveLayout({
      ...healthy(),
      show: result('', 1, 'Failed to get properties: http://admin:hunter2@127.0.0.1/ refused'),
      nginx: result('', 1, `nginx: [emerg] unknown directive "SECRET_KEY=${secret}" in /etc/nginx/conf.d/oms.conf:1`),
    });
    const reasons = d.undecided.map((u) => u.reason).join('\n');
    expect(reasons).toContain('unknown directive');
    expect(reasons).toContain('Failed to get properties');
    expect(reasons).not.toContain(secret);
    expect(reasons).not.toContain('hunter2');
  });

  it('two server blocks: undecided, naming both', () => {
    const extra =
      '\n# configuration file /etc/nginx/conf.d/old.conf:\nserver { location /api { proxy_pass http://127.0.0.1:8100; } }\n';
    const d = deriveLayout({ ...healthy(), nginx: result(fixture('nginx-T-relocated.txt') + extra) });
    expect(d.values['paths.nginxConf']).toBeUndefined();
    expect(d.undecided[0]!.reason).toContain(
      '2 server blocks proxy to 127.0.0.1:8100: /etc/nginx/conf.d/erp-site.conf:5, /etc/nginx/conf.d/old.conf:1',
    );
  });

  it('ExecStart through a shell, a unix socket bind, an error log on stderr', () => {
    const sh = deriveLayout({
      ...healthy(),
      cat: result(
        '# /etc/systemd/system/x.service\n[Service]\nWorkingDirectory=/srv/a\nExecStart=/bin/sh -c "exec gunicorn x:y"',
      ),
    });
    // The effective WorkingDirectory comes from systemctl show, not from the file.
    expect(sh.values['paths.backend']).toEqual({ value: '/srv/oms/backend', source: 'unit WorkingDirectory' });
    expect(sh.values['paths.gunicorn']).toBeUndefined();
    expect(sh.undecided[0]!.reason).toContain('does not start gunicorn directly: /bin/sh');
    const unix = deriveLayout({
      ...healthy(),
      cat: result(
        '# /etc/x.service\n[Service]\nExecStart=/v/bin/gunicorn --bind unix:/run/a.sock --error-logfile - a.wsgi',
      ),
    });
    expect(unix.undecided.map((u) => u.reason)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('gunicorn binds unix:/run/a.sock, not host:port'),
        expect.stringContaining('writes its error log to stderr'),
      ]),
    );
  });

  it('garbage from every command: everything undecided, nothing invented', () => {
    const junk = result('\u0000\u00ff{{{ $(reboot) ;;; \n'.repeat(1000));
    const d = deriveLayout({ service: 'x', show: junk, cat: junk, nginx: junk, fallbackBind: '127.0.0.1:8000' });
    expect(d.values).toEqual({});
    expect(d.undecided.length).toBe(2);
  });
});

describe('applyLayout', () => {
  const target = (configured?: string[], paths: Partial<Target['paths']> = {}): Target => {
    const t = localTarget();
    return { ...t, paths: { ...t.paths, ...paths }, configured };
  };

  it('fills unset values from discovery and names the source of each', () => {
    const r = applyLayout(target([]), deriveLayout(healthy()));
    const p = targetPaths(r.target);
    expect(p.backend).toBe('/srv/oms/backend');
    expect(p.backendEnv).toBe('/srv/oms/backend/.env');
    expect(p.errorLog).toBe('/srv/logs/oms/gunicorn-error.log');
    expect(r.target.backendBind).toBe('127.0.0.1:8100');
    expect(r.rows.find((x) => x.key === 'paths.backend')?.source).toBe('unit WorkingDirectory');
    expect(r.conflicts).toEqual([]);
  });

  it('keeps explicit config values and reports where they disagree with the server', () => {
    const r = applyLayout(target(['paths.backend'], { backend: '/opt/OMS/backend' }), deriveLayout(healthy()));
    expect(r.target.paths.backend).toBe('/opt/OMS/backend');
    expect(r.rows.find((x) => x.key === 'paths.backend')?.source).toBe('config');
    expect(r.conflicts).toEqual([
      'paths.backend 配置为 /opt/OMS/backend，但服务器上是 /srv/oms/backend / ' +
        'paths.backend is /opt/OMS/backend but the server says /srv/oms/backend (unit WorkingDirectory)',
    ]);
  });

  it('uses the defaults for what was not decided, and says so', () => {
    const d = deriveLayout({ ...healthy(), nginx: result('', 1, 'nginx: command not found') });
    const r = applyLayout(target(), d);
    expect(r.target.paths.nginxConf).toBe('/etc/nginx/conf.d/oms.conf');
    expect(r.rows.find((x) => x.key === 'paths.nginxConf')?.source).toBe('default');
  });
});
