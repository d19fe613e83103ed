import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, cutText } from '../../../src/bundle/collect.js';
import { localTarget, type Target } from '../../../src/config/target.js';
import { LocalTransport } from '../../../src/transport/local.js';
import type { ExecOptions, Transport } from '../../../src/transport/transport.js';
import { result } from '../../helpers/capture.js';

/** Secrets planted in every source the bundle reads; none may appear in the archive, not even 8 characters of one. */
const CANARY = {
  secretKey: 'Cq7SecretKeyZx91vLm',
  dbPassword: 'Dp4DbPassWqE82nHs',
  envDsn: 'Ev3DsnPassTy56Kbw',
  emailPassword: 'Em2MailPwdRt47Yhq',
  frontToken: 'Ft9FrontTokUi38Gpa',
  logDsn: 'Ld6LogDsnPwOp29Ncv',
  journalPassword: 'Jp8JournalPwAs17Mzx',
  nginxToken: 'Nt5NginxTokDf64Bqe',
  privateKey: 'Pk1PrivKeyBodyGh53Wcr',
  statusPassword: 'Sp0StatusPwJk72Vtn',
  siteBasic: 'Sb2SiteBasicLz35Qmu',
  /** A value under a name the redactor cannot know is secret: only the .env allowlist hides it. */
  license: 'Lc4LicenseValNb81Xre',
} as const;

let root: string;
let target: Target;

function tree(): void {
  const backend = join(root, 'backend');
  const frontend = join(root, 'frontend');
  const logs = join(root, 'logs');
  for (const d of [backend, frontend, logs]) mkdirSync(d, { recursive: true });
  writeFileSync(
    join(backend, '.env'),
    [
      '# production settings; old key was ' + CANARY.secretKey,
      `SECRET_KEY=${CANARY.secretKey}`,
      `DATABASE_PASSWORD="${CANARY.dbPassword}"`,
      `DATABASE_URL=postgres://oms:${CANARY.envDsn}@127.0.0.1:5432/oms`,
      `EMAIL_HOST_PASSWORD=${CANARY.emailPassword}`,
      'ALLOWED_HOSTS=172.29.91.61,localhost',
      'CORS_ALLOWED_ORIGINS=http://172.29.91.61',
      'DEBUG=False',
      `VENDOR_LICENSE=${CANARY.license}`,
      'not an assignment ' + CANARY.dbPassword,
    ].join('\n'),
  );
  writeFileSync(
    join(frontend, '.env.production'),
    `VITE_API_BASE_URL=http://172.29.91.61/api\nVITE_MAP_TOKEN=${CANARY.frontToken}\n`,
  );
  writeFileSync(
    join(logs, 'gunicorn-error.log'),
    `[2026-11-22 21:17:37 +0800] [33] [INFO] Booting worker with pid: 34\n` +
      `django.db.utils.OperationalError: connection to postgres://oms:${CANARY.logDsn}@127.0.0.1:5432/oms failed\n`,
  );
  writeFileSync(
    join(logs, 'nginx-error.log'),
    `2026/11/22 21:19:09 [error] 147#147: *9 upstream timed out, request: "GET /api/export/?access_token=${CANARY.nginxToken} HTTP/1.1"\n`,
  );
  const t = localTarget();
  target = {
    ...t,
    paths: {
      ...t.paths,
      backend,
      frontend,
      logDir: logs,
      errorLog: join(logs, 'gunicorn-error.log'),
      nginxErrorLogs: [join(logs, 'nginx-error.log')],
      nginxConf: '/etc/nginx/conf.d/oms.conf',
    },
  };
}

const JOURNAL = `Nov 22 21:17:37 oms sudo[901]: admin : COMMAND=/usr/bin/mysqldump -u root --password=${CANARY.journalPassword} oms\nNov 22 21:17:38 oms gunicorn[33]: [INFO] Listening at: http://127.0.0.1:8000\n`;
const UNIT = `# /etc/systemd/system/oms-backend.service\n[Service]\nEnvironment="DEPLOY_PRIVATE_KEY=-----BEGIN OPENSSH PRIVATE KEY-----${CANARY.privateKey}-----END OPENSSH PRIVATE KEY-----"\nExecStart=/opt/OMS/backend/venv/bin/gunicorn oms_backend.wsgi:application\n`;
const STATUS = `● oms-backend.service - OMS\n   Active: active (running)\n   CGroup: /system.slice/oms-backend.service\n           └─33 /usr/bin/env PGPASSWORD=${CANARY.statusPassword} gunicorn\n`;
const DUMP = `# configuration file /etc/nginx/nginx.conf:\nhttp { include /etc/nginx/conf.d/*.conf; }\n\n# configuration file /etc/nginx/conf.d/oms.conf:\nserver {\n  listen 80;\n  location /api {\n    proxy_pass http://127.0.0.1:8000;\n    proxy_set_header Authorization "Basic ${CANARY.siteBasic}";\n  }\n}\n`;

/** Files are read from the fixture tree by the real local transport; systemd, journald and nginx answer from captures. */
class FixtureServer implements Transport {
  readonly describe = 'fixture';
  private readonly local = new LocalTransport();
  async exec(argv: readonly string[], options: ExecOptions = {}) {
    const [cmd, sub] = argv;
    if (cmd === 'cat' || cmd === 'tail') return this.local.exec(argv, { ...options, sudo: false });
    if (cmd === 'journalctl') return result(JOURNAL);
    if (cmd === 'systemctl' && sub === 'cat') return result(UNIT);
    if (cmd === 'systemctl' && sub === 'status') return result(STATUS);
    if (cmd === '/usr/sbin/nginx' && sub === '-T') return result(DUMP);
    if (cmd === '/usr/sbin/nginx' && sub === '-v') return result('', 0, 'nginx version: nginx/1.22.1');
    if (argv.includes('django')) return result('4.2.16\n');
    if (sub === '--version')
      return result(cmd!.endsWith('gunicorn') ? 'gunicorn (version 23.0.0)\n' : 'Python 3.11.2\n');
    return result('', 127, `${cmd}: not found`);
  }
  async close() {}
}

function unpack(archive: Buffer): Map<string, string> {
  const dir = mkdtempSync(join(root, 'out-'));
  const file = join(dir, 'bundle.tar.gz');
  writeFileSync(file, archive);
  const into = join(dir, 'x');
  mkdirSync(into);
  execFileSync('tar', ['-xzf', file, '-C', into]);
  return new Map(readdirSync(into).map((n) => [n, readFileSync(join(into, n), 'utf8')]));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'oms-bundle-'));
  tree();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('support bundle', () => {
  it('holds every part, a MANIFEST with sizes and sha256, a bilingual README; no canary, not even 8 characters', async () => {
    const bundle = await buildBundle({
      target,
      transport: new FixtureServer(),
      now: new Date('2026-11-30T05:00:00Z'),
      layout: 'paths.backend /opt/OMS/backend ← default',
      diagnosis: `verdict problem; evidence: password=${CANARY.dbPassword}`,
    });
    const files = unpack(bundle.archive);
    expect([...files.keys()].sort()).toEqual(
      [
        'MANIFEST.txt',
        'README.txt',
        'backend-env.txt',
        'diagnosis.txt',
        'frontend-env.txt',
        'gunicorn-error-log.txt',
        'journal-backend.txt',
        'layout.txt',
        'nginx-nginx-error.log.txt',
        'nginx-site.conf.txt',
        'status-backend.txt',
        'status-nginx.txt',
        'unit-file.txt',
        'version-django.txt',
        'version-gunicorn.txt',
        'version-nginx.txt',
        'version-os.txt',
        'version-python.txt',
      ].sort(),
    );
    for (const [name, text] of files) {
      for (const canary of Object.values(CANARY)) {
        for (let i = 0; i + 8 <= canary.length; i++) {
          if (text.includes(canary.slice(i, i + 8)))
            throw new Error(`${name} holds "${canary.slice(i, i + 8)}" of a canary`);
        }
      }
    }
    // What support needs is still there.
    expect(files.get('backend-env.txt')).toContain('ALLOWED_HOSTS=172.29.91.61,localhost');
    expect(files.get('backend-env.txt')).toContain('SECRET_KEY=«redacted»');
    expect(files.get('frontend-env.txt')).toContain('VITE_API_BASE_URL=http://172.29.91.61/api');
    expect(files.get('nginx-site.conf.txt')).toContain('proxy_pass http://127.0.0.1:8000;');
    expect(files.get('nginx-site.conf.txt')).not.toContain('include /etc/nginx/conf.d');
    expect(files.get('version-nginx.txt')).toContain('nginx/1.22.1');
    expect(files.get('README.txt')).toMatch(/支持包.*support bundle/);
    expect(files.get('README.txt')).toContain('HAR');
    for (const row of bundle.manifest) {
      const data = Buffer.from(files.get(row.file)!, 'utf8');
      expect({ file: row.file, size: data.length }).toEqual({ file: row.file, size: row.size });
      expect(createHash('sha256').update(data).digest('hex')).toBe(row.sha256);
      expect(files.get('MANIFEST.txt')).toContain(`${row.file} | ${row.size} | ${row.sha256} |`);
    }
    expect(files.get('journal-backend.txt')).toContain('mysqldump -u root --password=«redacted» oms');
    expect(files.get('unit-file.txt')).toContain('DEPLOY_PRIVATE_KEY=-----BEGIN PRIVATE KEY----- «redacted»');
    expect(files.get('MANIFEST.txt')).toContain('| journalctl -u oms-backend.service -n 200 --no-pager | -');
    expect(files.get('MANIFEST.txt')).toContain('| sudo -n /usr/sbin/nginx -T |');
  });

  it('keeps to the size cap: a huge log is cut with a visible marker, its newest lines kept', async () => {
    const big = join(root, 'logs', 'gunicorn-error.log');
    const original = readFileSync(big);
    // tail keeps 200 lines: make them long (10 KB of random text each), so the part is past its share.
    const noise = Array.from({ length: 300 }, () => randomBytes(7500).toString('base64')).join('\n');
    writeFileSync(big, `${noise}\nTHE NEWEST LINE\n`);
    try {
      const max = 1024 * 1024;
      const bundle = await buildBundle({ target, transport: new FixtureServer(), now: new Date(), maxBytes: max });
      expect(bundle.archive.length).toBeLessThanOrEqual(max);
      const files = unpack(bundle.archive);
      const total = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
      expect(total).toBeLessThanOrEqual(max);
      const log = files.get('gunicorn-error-log.txt')!;
      expect(log).toMatch(/^\n\[… 已截断 \/ cut: \d+ bytes, the last ~\d+ kept …\]/);
      expect(log.trimEnd().endsWith('THE NEWEST LINE')).toBe(true);
      expect(bundle.manifest.find((m) => m.file === 'gunicorn-error-log.txt')?.cut).toBe(true);
      expect(files.get('README.txt')).toContain('cut: gunicorn-error-log.txt');
    } finally {
      writeFileSync(big, original);
    }
  });
});

describe('cutText', () => {
  it('leaves short text alone and cuts long text within the limit, on UTF-8 boundaries', () => {
    expect(cutText('short', 100, 'head')).toEqual({ text: 'short', cut: false });
    const long = '日志'.repeat(10_000);
    for (const keep of ['head', 'tail'] as const) {
      const r = cutText(long, 4096, keep);
      expect(r.cut).toBe(true);
      expect(Buffer.byteLength(r.text)).toBeLessThanOrEqual(4096);
      expect(r.text).toContain('已截断 / cut: 60000 bytes');
    }
  });
});
