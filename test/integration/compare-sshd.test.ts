/**
 * `compare` over two real OpenSSH servers on 127.0.0.1, each with its own host key (pinned) and its own
 * server files (a .env, the front end's env, the nginx site, the unit file, gunicorn's log) with
 * canaries planted: the real transport, checks, engine, application layer and command runner. One twin
 * lacks the public host in ALLOWED_HOSTS, proxies /api with a trailing slash and runs the unit as
 * www-data; the differences say so, causes first, and no canary gets out. Then one server goes away.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKS, findCheck } from '../../src/checks/registry.js';
import { CommandRunner, EXIT } from '../../src/cli/runner.js';
import { parseConfig } from '../../src/config/config.js';
import type { Target } from '../../src/config/target.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import { SshTransport } from '../../src/transport/ssh/index.js';
import { CanaryBox, leaks } from '../helpers/canaries.js';
import { startSshd, type TestSshd } from '../helpers/sshd.js';
import { MemoryAudit } from '../helpers/memory-audit.js';

let root: string;
const servers: Record<string, TestSshd> = {};
const transports = new Map<string, SshTransport>();
const box = new CanaryBox();

/** The SSH test user reads the tree: directories 0755, files 0644. */
function openUp(path: string): void {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  if (statSync(path).isDirectory()) for (const n of readdirSync(path)) openUp(join(path, n));
}

function serverFiles(dir: string, broken: boolean): Record<string, string> {
  const p = {
    backend: join(dir, 'backend'),
    frontend: join(dir, 'frontend'),
    logDir: join(dir, 'logs'),
    nginxConf: join(dir, 'nginx', 'oms.conf'),
    unitFile: join(dir, 'unit', 'oms-backend.service'),
  };
  for (const d of [p.backend, p.frontend, p.logDir, join(dir, 'nginx'), join(dir, 'unit')]) mkdirSync(d);
  writeFileSync(
    join(p.backend, '.env'),
    `DEBUG=False\nSECRET_KEY=${box.word()}\nALLOWED_HOSTS=${broken ? 'localhost' : '172.29.91.61,localhost'}\n` +
      `CORS_ALLOWED_ORIGINS=http://172.29.91.61\nDATABASE_PASSWORD=${box.word()}\nSITE_NAME=${box.word()}\n` +
      `DATABASE_URL=mysql://oms:${box.word()}@db:3306/oms\n${broken ? '' : 'TIME_ZONE=Asia/Shanghai\n'}`,
  );
  writeFileSync(join(p.frontend, '.env.production'), 'VITE_API_BASE_URL=http://172.29.91.61/api\n');
  writeFileSync(
    join(p.logDir, 'backend-error.log'),
    `[2026-11-22 21:17:38 +0800] [33] [INFO] Starting gunicorn ${broken ? '21.2.0' : '23.0.0'}\n`,
  );
  writeFileSync(
    p.nginxConf,
    `upstream oms_backend {\n    server 127.0.0.1:8000;\n}\nserver {\n    listen 127.0.0.1:80;\n` +
      `    location /api {\n        proxy_pass http://oms_backend${broken ? '/' : ''};\n` +
      `        proxy_set_header Authorization "Bearer ${box.word()}";\n    }\n` +
      `    location /admin {\n        proxy_pass http://oms_backend;\n    }\n    location / {\n        root /x;\n    }\n}\n`,
  );
  writeFileSync(
    p.unitFile,
    `[Unit]\nDescription=OMS\n\n[Service]\nUser=${broken ? 'www-data' : 'nginx'}\nWorkingDirectory=${p.backend}\n` +
      `ExecStart=${p.backend}/venv/bin/gunicorn --bind 127.0.0.1:8000 --password=${box.word()} oms_backend.wsgi\n` +
      `\n[Install]\nWantedBy=multi-user.target\n`,
  );
  return p;
}

function targetYaml(name: string, sshd: TestSshd, paths: Record<string, string>): string {
  const lines = Object.entries(paths).map(([k, v]) => `      ${k}: ${v}`);
  return [
    `  ${name}:`,
    `    host: ${sshd.host}`,
    `    port: ${sshd.port}`,
    `    user: ${sshd.user}`,
    `    privateKey: ${sshd.keys.ed25519.path}`,
    `    hostKey: "${sshd.hostKeys.ed25519!.fingerprint}"`,
    `    service: oms-compare-absent`,
    `    paths:`,
    ...lines,
  ].join('\n');
}

let yaml: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'oms-compare-sshd-'));
  const [prod, staging] = await Promise.all([startSshd(), startSshd()]);
  servers.prod = prod;
  servers.staging = staging;
  mkdirSync(join(root, 'prod'));
  mkdirSync(join(root, 'staging'));
  const prodPaths = serverFiles(join(root, 'prod'), true);
  const stagingPaths = serverFiles(join(root, 'staging'), false);
  openUp(root);
  yaml = `targets:\n${targetYaml('prod', prod, prodPaths)}\n${targetYaml('staging', staging, stagingPaths)}\ndefaultTarget: prod\n`;
}, 60_000);

afterAll(async () => {
  for (const t of transports.values()) await t.close();
  for (const s of Object.values(servers)) await s.stop();
  rmSync(root, { recursive: true, force: true });
});

async function runner() {
  const lines: string[] = [];
  const audit = new MemoryAudit();
  const r = new CommandRunner({
    config: parseConfig(yaml, 'compare-sshd.yml'),
    playbooks: await loadPlaybooks(defaultPlaybookDir(), playbookRegistry()),
    checks: CHECKS,
    findCheck,
    audit,
    transportFor: (t: Target) => {
      let tr = transports.get(t.name);
      if (!tr) transports.set(t.name, (tr = new SshTransport(t)));
      return tr;
    },
    out: (t) => lines.push(t),
  });
  return { r, out: () => lines.join('\n'), audit };
}

describe('compare over two real sshd', () => {
  it('names the differences that explain prod’s findings first, and lets no canary out', async () => {
    const { r, out, audit } = await runner();
    const code = await r.runWords(['compare', 'checklist', 'prod', 'staging']);
    const text = out();
    expect(code).toBe(EXIT.problem);
    const rows = text.split('\n').filter((l) => l.startsWith('! '));
    expect(rows.join('\n')).toMatch(/! ALLOWED_HOSTS\s+localhost\s+172\.29\.91\.61, localhost\s+allowed-hosts/);
    expect(rows.join('\n')).toMatch(
      /! nginx proxy_pass\s+\/api → http:\/\/oms_backend\/\s+\/api → http:\/\/oms_backend\s+api-proxy-pass-uri/,
    );
    expect(text).toMatch(/User= \(unit file\)\s+www-data\s+nginx/);
    expect(text).toMatch(/gunicorn 版本 \/ gunicorn version\s+21\.2\.0\s+23\.0\.0/);
    expect(text).toMatch(/TIME_ZONE\s+未设置 \/ not set\s+已设置 \/ set/);
    expect(text).toMatch(/SITE_NAME\s+已设置，值不同 \/ set, differs\s+已设置，值不同 \/ set, differs/);
    expect(leaks(text, box.all)).toEqual([]);
    expect(audit.entries.map((e) => e.target).sort()).toEqual(['prod', 'staging']);

    const json = await runner();
    expect(await json.r.runWords(['compare', 'checklist', 'prod', 'staging', '--json'])).toBe(EXIT.problem);
    expect(leaks(json.out(), box.all)).toEqual([]);
    const j = JSON.parse(json.out()) as { explaining: number; reports: { target: { transport: string } }[] };
    expect(j.explaining).toBeGreaterThanOrEqual(2);
    expect(j.reports[1]!.target.transport).toMatch(/@127\.0\.0\.1:\d+$/);
  }, 60_000);

  it('staging goes away: prod is still reported, staging said to be unreachable, exit 3', async () => {
    await transports.get('staging')?.close();
    await servers.staging!.stop();
    const { r, out } = await runner();
    expect(await r.runWords(['compare', 'login', 'prod', 'staging'])).toBe(EXIT.unreachable);
    const text = out();
    expect(text).toMatch(/prod\s+有问题 \/ problem/);
    expect(text).toMatch(/staging\s+连不上 \/ unreachable/);
    expect(text).toMatch(/staging could not be reached: nothing was compared/);
    expect(leaks(text, box.all)).toEqual([]);
  }, 60_000);
});
