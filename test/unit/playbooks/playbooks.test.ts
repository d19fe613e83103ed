import { matchRule } from '../../../src/engine/diagnose.js';
import { loadPlaybooks, findPlaybook } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { FindingRule, Playbook } from '../../../src/playbooks/playbook.js';
import { DOC_SIGNALS, docRegistry } from '../../fixtures/playbooks/registry.js';

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), docRegistry);
});
const pb = (id: string): Playbook => findPlaybook(playbooks, id)!;

describe('signatures', () => {
  // Every exact error line quoted in the operators' notes (and the gunicorn/systemd/nginx
  // variants docs/platform-facts.md and the captures show), with the playbook it must lead to.
  const lines: [string, string][] = [
    ['[ERROR] Worker (pid:xxx) was sent SIGTERM!', 'worker-sigterm'],
    ['[2025-12-07 15:35:17 +0800] [3321280] [ERROR] Worker (pid:3321281) was sent SIGTERM!', 'worker-sigterm'],
    ['[2026-11-22 21:19:55 +0800] [77] [CRITICAL] WORKER TIMEOUT (pid:79)', 'worker-sigterm'],
    [
      '[2026-11-22 21:19:55 +0800] [77] [ERROR] Worker (pid:79) was sent SIGKILL! Perhaps out of memory?',
      'worker-sigterm',
    ],
    ['Out of memory: Killed process 4242 (gunicorn) total-vm:912340kB', 'worker-sigterm'],
    [
      "Access to XMLHttpRequest at 'http://172.29.91.61/api/auth/login/' from origin 'http://172.29.91.61' has been blocked by CORS policy",
      'login',
    ],
    ["Access to XMLHttpRequest at 'http://172.29.91.61/api/auth/login/' ", 'login'],
    ['401 Unauthorized', 'login'],
    ['POST http://172.29.91.61/api/auth/login/ 401 (Unauthorized)', 'login'],
    ["Invalid HTTP_HOST header: '172.29.91.61'. You may need to add '172.29.91.61' to ALLOWED_HOSTS.", 'login'],
    ['404 Not Found', 'api-not-found'],
    ['502 Bad Gateway', 'api-not-found'],
    ['504 Gateway Time-out', 'api-not-found'],
    [
      '2026/11/22 21:19:09 [error] 31#31: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1',
      'api-not-found',
    ],
    [
      '2026/11/22 21:19:09 [emerg] 147#147: host not found in upstream "oms_backend" in /etc/nginx/conf.d/oms.conf:12',
      'api-not-found',
    ],
    ['status=217/USER', 'service-start'],
    ['oms-backend.service: Main process exited, code=exited, status=217/USER', 'service-start'],
    [
      'oms-backend.service: Failed at step USER spawning /opt/OMS/backend/venv/bin/gunicorn: No such process',
      'service-start',
    ],
    ['Assignment outside of section. Ignoring.', 'service-start'],
    ['/etc/systemd/system/oms-backend.service:1: Assignment outside of section. Ignoring.', 'service-start'],
    ["Missing '=', ignoring line.", 'service-start'],
    ["/etc/systemd/system/oms-backend.service:18: Missing '=', ignoring line.", 'service-start'],
    ['Permission denied', 'service-start'],
    ['No such file or directory', 'service-start'],
    ['main process exited, code=exited, status=200/CHDIR', 'service-start'],
    ['main process exited, code=exited, status=203/EXEC', 'service-start'],
    ["[ERROR] Connection in use: ('127.0.0.1', 8000)", 'service-start'],
    ["ModuleNotFoundError: No module named 'oms_backend'", 'service-start'],
  ];

  it.each(lines)('%s → %s', (line, id) => {
    expect(pb(id).signatures.some((re) => re.test(line))).toBe(true);
  });

  it('do not make the SIGTERM line look like a login or service problem', () => {
    const line = '[2025-12-07 15:35:17 +0800] [3321280] [ERROR] Worker (pid:3321281) was sent SIGTERM!';
    const matching = playbooks.filter((p) => p.signatures.some((re) => re.test(line))).map((p) => p.id);
    expect(matching).toEqual(['worker-sigterm']);
  });

  it('stay quiet on unrelated chatter', () => {
    for (const text of ['午饭吃什么', 'deploy finished, all good', 'ok 👍']) {
      expect(playbooks.filter((p) => p.signatures.some((re) => re.test(text)))).toEqual([]);
    }
  });
});

describe('what the playbooks say', () => {
  /** A paragraph that relates /admin to an order without correcting the notes. */
  const misstatesOrder = (para: string): boolean =>
    /需要在 \/api 之前/.test(para) ||
    (/\/admin/.test(para) &&
      /(之前|before|顺序|order)/i.test(para) &&
      !/不是|不对|无关|不按|不影响|not |wrong|regardless|whatever|longest|最长/i.test(para));

  it("recognise the notes' wrong claim about location order", () => {
    expect(misstatesOrder('- `/admin` 的 location 块必须在 `/api` **之前**，因为 Nginx 按顺序匹配')).toBe(true);
    expect(misstatesOrder('# Django 管理后台（需要在 /api 之前）')).toBe(true);
    expect(misstatesOrder('location /admin must come before /api because nginx matches in order')).toBe(true);
  });

  it('never claim /admin must precede /api because nginx matches in order', () => {
    for (const p of playbooks) {
      for (const para of p.body.split(/\n\s*\n/))
        expect([p.id, para, misstatesOrder(para)]).toEqual([p.id, para, false]);
    }
  });

  it('never put a comment after a "\\" continuation (systemd does not allow it)', () => {
    for (const p of playbooks) expect(p.body).not.toMatch(/\\[ \t]+#/);
  });

  it('state that /api/ answering 404 is normal', () => {
    expect(pb('api-not-found').body).toMatch(/`\/api\/` 根路径返回 404 是正常的/);
    expect(pb('api-not-found').body).toMatch(/is normal/);
  });

  // The fixes of the notes, each reachable from the playbook that owns the symptom.
  const required: [string, string[]][] = [
    [
      'login',
      [
        'CORS_ALLOWED_ORIGINS=',
        'VITE_API_BASE_URL=http://172.29.91.61/api',
        'npm run build',
        'ALLOWED_HOSTS=172.29.91.61',
        'location /api',
        'is_active',
        'changepassword',
        'createsuperuser',
        'systemctl start oms-backend',
        'F12',
      ],
    ],
    [
      'worker-sigterm',
      [
        'active (running)',
        '--timeout 120',
        '--graceful-timeout 30',
        'daemon-reload',
        'dmesg',
        'WORKER TIMEOUT',
        'Perhaps out of memory',
        '--workers 2',
      ],
    ],
    [
      'api-not-found',
      [
        'ss -tlnp',
        'location /api',
        'upstream oms_backend',
        'proxy_pass http://oms_backend;',
        'urls.py',
        'nginx -t',
        'systemctl reload nginx',
        'systemctl start oms-backend',
        '/var/log/nginx/error.log',
      ],
    ],
    [
      'admin',
      [
        'http://172.29.91.61/admin/',
        'location /admin',
        'createsuperuser',
        'generate_user_template',
        'docs/用户导入模板.xlsx',
        '用户管理',
        '批量导入用户',
        'collectstatic',
        'alias /opt/OMS/backend/staticfiles',
        '用户名',
        '密码',
        '姓名',
        '角色',
        '邮箱',
        '手机号',
        '部门',
        'docs/用户批量导入使用说明.md',
      ],
    ],
    [
      'service-start',
      [
        'useradd -r -s /sbin/nologin',
        'id nginx',
        'chown -R',
        'mkdir -p /var/log/oms',
        'cat -A',
        'systemd-analyze verify',
        'daemon-reload',
        'systemctl enable oms-backend',
        'BOM',
        "<<'EOF'",
        'User=nginx',
        'WorkingDirectory=/opt/OMS/backend',
        'Environment="PATH=/opt/OMS/backend/venv/bin"',
        'sudo -u nginx',
        'wsgi.py',
        'Address already in use',
        '/home/zxy_8581/OMS',
      ],
    ],
    [
      'checklist',
      [
        'systemctl status oms-backend',
        'journalctl -u oms-backend.service -n 200',
        'tail -n 100 /var/log/nginx/error.log',
        '截图',
        'Network',
        'DEBUG=False',
        'upstream oms_backend',
        'location /media',
      ],
    ],
  ];
  it.each(required)('%s covers the notes', (id, needles) => {
    const text = pb(id).body;
    for (const n of needles) expect([id, n, text.includes(n)]).toEqual([id, n, true]);
  });

  it('lets the admin template table list the 7 columns with their required flags', () => {
    const rows = pb('admin')
      .body.split('\n')
      .filter((l) => /^\| (用户名|密码|姓名|角色|邮箱|手机号|部门) /.test(l));
    expect(rows.map((r) => [r.split('|')[1]!.trim(), /是 \/ yes/.test(r)])).toEqual([
      ['用户名', true],
      ['密码', true],
      ['姓名', true],
      ['角色', true],
      ['邮箱', false],
      ['手机号', false],
      ['部门', false],
    ]);
  });

  it('give findings that share an id across playbooks the same rule', () => {
    const byId = new Map<string, FindingRule>();
    for (const p of playbooks.filter((q) => q.id !== 'checklist')) {
      for (const f of p.findings) {
        const rule = (g: FindingRule) => JSON.stringify([g.severity, g.when, g.all, g.unless, g.action ?? null]);
        const seen = byId.get(f.id);
        if (seen) expect([f.id, p.id, rule(f)]).toEqual([f.id, p.id, rule(seen)]);
        else byId.set(f.id, f);
      }
    }
  });

  it('make the checklist run every check of docs/checks.md', () => {
    expect([...pb('checklist').checks].sort()).toEqual(Object.keys(DOC_SIGNALS).sort());
  });

  it('keep aliases short', () => {
    for (const p of playbooks) for (const a of p.aliases) expect(a.length).toBeLessThanOrEqual(16);
  });
});

/** The diagnosis rule of docs/playbooks.md: any `when`, all `all`, no `unless`. */
/**
 * The causes that fire on the signals of the checks this playbook runs (every playbook reaches every cause; one
 * whose `unless` names a check that did not run is not judged), as src/engine/diagnose.ts's matchRule decides.
 */
function fired(p: Playbook, signals: ReadonlySet<string>, extra: readonly string[] = []): FindingRule[] {
  const ran = new Set([...p.checks, ...extra]);
  const present = new Set([...signals].filter((s) => ran.has(s.split(':')[0]!)));
  return p.findings.filter((f) => matchRule(f, present, ran) !== null);
}

/** Signals the checks emit on the healthy replica (test/fixtures/captures/healthy). */
const HEALTHY: Record<string, string[]> = {
  'backend-service': ['active'],
  'backend-journal': [],
  'backend-error-log': [],
  'backend-port': ['listening'],
  'unit-file': ['clean'],
  'unit-user': ['user-exists'],
  'backend-paths': ['paths-ok'],
  'nginx-service': ['active'],
  'login-direct': ['answers'],
  'login-nginx': ['answers'],
  'cors-preflight': ['allowed'],
  'admin-page': ['django'],
  'api-root': ['django-404'],
  'backend-env': ['hosts-ok'],
  'frontend-env': ['api-url-ok'],
  'nginx-config-test': ['ok'],
  'nginx-site': ['site-ok'],
  'nginx-error-log': ['clean'],
};

function scenario(changes: Record<string, string[]>): Set<string> {
  const all = { ...HEALTHY, ...changes };
  return new Set(Object.entries(all).flatMap(([check, signals]) => signals.map((s) => `${check}:${s}`)));
}

const SEVERE = ['critical', 'error', 'warning'];

describe('diagnosis of the captured situations', () => {
  it.each([
    ['healthy', {}],
    [
      'healthy with SIGTERM lines from reloads',
      { 'backend-error-log': ['worker-sigterm'], 'backend-journal': ['worker-sigterm'] },
    ],
    [
      'healthy with old failures still in the logs',
      {
        'backend-journal': [
          'unit-syntax',
          'exit-217-user',
          'address-in-use',
          'module-import-error',
          'permission-denied',
          'disallowed-host',
          'worker-sigterm',
        ],
        'backend-error-log': ['permission-denied', 'address-in-use'],
        'nginx-error-log': ['upstream-refused', 'permission-denied', 'upstream-timeout'],
      },
    ],
  ])('%s: no finding above info in any playbook', (_name, changes) => {
    const signals = scenario(changes);
    for (const p of playbooks) {
      const bad = fired(p, signals)
        .filter((f) => SEVERE.includes(f.severity))
        .map((f) => `${p.id}/${f.id}`);
      expect(bad).toEqual([]);
    }
  });

  const cases: [string, Record<string, string[]>, Record<string, string>][] = [
    [
      'backend-stopped',
      {
        'backend-service': ['inactive', 'disabled'],
        'backend-journal': ['no-entries'],
        'backend-error-log': ['log-missing'],
        'backend-port': ['not-listening'],
        'login-direct': ['refused'],
        'login-nginx': ['bad-gateway'],
        'cors-preflight': ['bad-gateway'],
        'admin-page': ['bad-gateway'],
        'api-root': ['bad-gateway'],
        'nginx-error-log': ['upstream-refused'],
      },
      {
        login: 'backend-down',
        'api-not-found': 'backend-down',
        admin: 'backend-down',
        'service-start': 'backend-down',
        'worker-sigterm': 'backend-down',
        checklist: 'backend-down',
      },
    ],
    [
      'unit-user-www-data',
      {
        'backend-service': ['restart-loop', 'exit-217-user'],
        'backend-journal': ['exit-217-user'],
        'backend-error-log': ['log-missing'],
        'unit-user': ['user-missing'],
        'backend-paths': ['logdir-not-writable'],
        'backend-port': ['not-listening'],
        'login-direct': ['refused'],
        'login-nginx': ['bad-gateway'],
        'api-root': ['bad-gateway'],
        'admin-page': ['bad-gateway'],
      },
      {
        'service-start': 'unit-user-missing',
        checklist: 'unit-user-missing',
        // backend-service's exit status names the cause even where unit-user does not run.
        login: 'unit-user-missing',
        'api-not-found': 'unit-user-missing',
      },
    ],
    [
      'unit-file-bom',
      {
        'unit-file': ['bom', 'outside-section', 'missing-equals', 'verify-errors'],
        'backend-journal': ['unit-syntax'],
      },
      { 'service-start': 'unit-file-syntax', checklist: 'unit-file-syntax' },
    ],
    [
      'nginx-upstream-missing',
      {
        'nginx-site': ['upstream-missing'],
        'nginx-config-test': ['failed', 'upstream-host-not-found'],
        'nginx-service': ['failed'],
        'login-nginx': ['refused'],
        'api-root': ['refused'],
        'admin-page': ['refused'],
        'cors-preflight': ['refused'],
      },
      {
        login: 'nginx-upstream-missing',
        'api-not-found': 'nginx-upstream-missing',
        admin: 'nginx-upstream-missing',
        checklist: 'nginx-upstream-missing',
      },
    ],
    [
      'nginx-api-location-missing',
      {
        'nginx-site': ['api-location-missing'],
        'login-nginx': ['spa-fallback'],
        'api-root': ['spa'],
        'cors-preflight': ['not-proxied'],
      },
      { login: 'api-location-missing', 'api-not-found': 'api-location-missing', checklist: 'api-location-missing' },
    ],
    [
      'nginx-proxy-pass-trailing-slash',
      { 'nginx-site': ['api-proxy-pass-uri'], 'login-nginx': ['not-found-django'] },
      { login: 'api-proxy-pass-uri', 'api-not-found': 'api-proxy-pass-uri', checklist: 'api-proxy-pass-uri' },
    ],
    [
      'nginx-admin-location-missing',
      { 'nginx-site': ['admin-location-missing'], 'admin-page': ['spa'] },
      { admin: 'admin-location-missing', checklist: 'admin-location-missing' },
    ],
    [
      'cors-missing-origin',
      { 'backend-env': ['cors-missing-origin'], 'cors-preflight': ['origin-missing'] },
      { login: 'cors-origin-missing', checklist: 'cors-origin-missing' },
    ],
    [
      'allowed-hosts-missing-ip',
      {
        'backend-env': ['allowed-hosts-missing-host'],
        'login-direct': ['disallowed-host'],
        'login-nginx': ['disallowed-host'],
        'admin-page': ['disallowed-host'],
        'api-root': ['disallowed-host'],
      },
      { login: 'allowed-hosts', admin: 'allowed-hosts', 'api-not-found': 'allowed-hosts', checklist: 'allowed-hosts' },
    ],
    [
      'frontend-api-url-wrong',
      { 'frontend-env': ['api-url-mismatch', 'dist-api-url-mismatch'] },
      { login: 'frontend-api-url', checklist: 'frontend-api-url' },
    ],
    [
      'worker timeout',
      { 'backend-error-log': ['worker-timeout', 'worker-sigterm'] },
      { 'worker-sigterm': 'worker-timeout', checklist: 'worker-timeout' },
    ],
    [
      'worker OOM',
      { 'backend-journal': ['worker-oom'], 'backend-error-log': ['worker-sigterm'] },
      { 'worker-sigterm': 'worker-oom', checklist: 'worker-oom' },
    ],
    [
      'port held by another process',
      {
        'backend-service': ['failed', 'exit-other'],
        'backend-journal': ['address-in-use'],
        'backend-port': ['held-by-other'],
        'login-direct': ['refused'],
        'login-nginx': ['bad-gateway'],
      },
      { 'service-start': 'port-in-use', checklist: 'port-in-use' },
    ],
  ];

  it.each(cases)('%s: the root cause comes first', (_name, changes, expected) => {
    const signals = scenario(changes);
    for (const [id, first] of Object.entries(expected)) {
      const found = fired(pb(id), signals);
      expect([id, found[0]?.id]).toEqual([id, first]);
      expect(SEVERE).toContain(found[0]!.severity);
      // When the login path is broken the "check the password" hint stays silent.
      if (id === 'login') expect(found.map((f) => f.id)).not.toContain('check-credentials');
    }
  });

  it('says the SIGTERM is harmless when the service runs', () => {
    const found = fired(pb('worker-sigterm'), scenario({ 'backend-error-log': ['worker-sigterm'] }));
    expect(found.map((f) => [f.id, f.severity])).toEqual([['sigterm-graceful', 'info']]);
  });

  it('points at the password and is_active when everything answers', () => {
    const found = fired(pb('login'), scenario({}));
    // The API hints of the catalogue reach login too (it runs api-root, login-direct and login-nginx).
    expect(found.map((f) => [f.id, f.severity])).toEqual([
      ['api-root-404-normal', 'info'],
      ['api-answers', 'info'],
      ['check-credentials', 'info'],
    ]);
  });
});
