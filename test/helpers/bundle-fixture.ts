import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localTarget, type Target } from '../../src/config/target.js';
import { LocalTransport } from '../../src/transport/local.js';
import type { ExecOptions, Transport } from '../../src/transport/transport.js';
import { result } from './capture.js';

/** Secrets planted in every source the bundle reads; none may appear in the archive, not even 8 characters of one. */
export const CANARY = {
  secretKey: 'Cq7SecretKeyZx91vLm',
  dbPassword: 'Dp4DbPassWqE82nHs',
  envDsn: 'Ev3DsnPassTy56Kbw',
  emailPassword: 'Em2MailPwdRt47Yhq',
  frontToken: 'Ft9FrontTokUi38Gpa',
  logDsn: 'Ld6LogDsnPwOp29Ncv',
  journalPassword: 'Jp8JournalPwAs17Mzx',
  journalSpacedPassword: 'Js7SpacedPwQe46Rty',
  nginxToken: 'Nt5NginxTokDf64Bqe',
  privateKey: 'Pk1PrivKeyBodyGh53Wcr',
  statusPassword: 'Sp0StatusPwJk72Vtn',
  siteBasic: 'Sb2SiteBasicLz35Qmu',
  /** A value under a name the redactor cannot know is secret: only the .env allowlist hides it. */
  license: 'Lc4LicenseValNb81Xre',
} as const;

/** A server's files under `root` (backend, front end, logs) with canaries planted; the target pointing at them. */
export function tree(root: string): Target {
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
  return {
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

const JOURNAL = `Nov 22 21:17:37 oms sudo[901]: admin : COMMAND=/usr/bin/mysqldump -u root --password=${CANARY.journalPassword} oms\nNov 22 21:17:37 oms sudo[902]: admin : COMMAND=/usr/bin/mysql -u root --password ${CANARY.journalSpacedPassword} oms\nNov 22 21:17:38 oms gunicorn[33]: [INFO] Listening at: http://127.0.0.1:8000\n`;
const UNIT = `# /etc/systemd/system/oms-backend.service\n[Service]\nEnvironment="DEPLOY_PRIVATE_KEY=-----BEGIN OPENSSH PRIVATE KEY-----${CANARY.privateKey}-----END OPENSSH PRIVATE KEY-----"\nExecStart=/opt/OMS/backend/venv/bin/gunicorn oms_backend.wsgi:application\n`;
const STATUS = `● oms-backend.service - OMS\n   Active: active (running)\n   CGroup: /system.slice/oms-backend.service\n           └─33 /usr/bin/env PGPASSWORD=${CANARY.statusPassword} gunicorn\n`;
const DUMP = `# configuration file /etc/nginx/nginx.conf:\nhttp { include /etc/nginx/conf.d/*.conf; }\n\n# configuration file /etc/nginx/conf.d/oms.conf:\nserver {\n  listen 80;\n  location /api {\n    proxy_pass http://127.0.0.1:8000;\n    proxy_set_header Authorization "Basic ${CANARY.siteBasic}";\n  }\n}\n`;

/** Files are read from the fixture tree by the real local transport; systemd, journald and nginx answer from captures. */
export class FixtureServer implements Transport {
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

/** Unpack with the system's tar (not our reader) into a directory under `root`. */
export function unpack(root: string, archive: Buffer): Map<string, string> {
  const dir = mkdtempSync(join(root, 'out-'));
  const file = join(dir, 'bundle.tar.gz');
  writeFileSync(file, archive);
  const into = join(dir, 'x');
  mkdirSync(into);
  execFileSync('tar', ['-xzf', file, '-C', into]);
  return new Map(readdirSync(into).map((n) => [n, readFileSync(join(into, n), 'utf8')]));
}

/** Throw when any file holds 8 characters in a row of any canary. */
export function assertNoCanary(files: ReadonlyMap<string, string>): void {
  for (const [name, text] of files) {
    for (const canary of Object.values(CANARY)) {
      for (let i = 0; i + 8 <= canary.length; i++) {
        if (text.includes(canary.slice(i, i + 8)))
          throw new Error(`${name} holds "${canary.slice(i, i + 8)}" of a canary`);
      }
    }
  }
}
