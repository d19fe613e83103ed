/**
 * Layout discovery on the lab (test/lab/): real systemd, nginx and gunicorn,
 * reached over SSH as `omsbot`, with a config that names only how to reach the
 * server. A relocated healthy install must be diagnosed clean and bundled
 * without a secret; each way discovery can fail must say what it could not
 * find and fall back for that part only. Scenarios: DISCOVERY_SCENARIOS in
 * test/lab/scenarios.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectBundle } from '../../src/app/layout.js';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import { runRequest } from '../../src/app/run.js';
import { findCheck } from '../../src/checks/registry.js';
import { parseConfig, type Config } from '../../src/config/config.js';
import type { Target } from '../../src/config/target.js';
import { storeLayoutCache } from '../../src/discovery/layout-cache.js';
import { LayoutService, type LayoutResult } from '../../src/discovery/layout-service.js';
import type { Report } from '../../src/engine/report.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import type { Playbook } from '../../src/playbooks/playbook.js';
import { FileStore } from '../../src/store/file-store.js';
import { SshTransport } from '../../src/transport/ssh/index.js';
import { unpack } from '../helpers/bundle-fixture.js';
import { cleanupOnExit, ensureImage, LAB_DIR, labPreflight, up, type LabInstance } from '../lab/lab.js';

/** The replica's decoy secrets, read from its .env (every value of a key that names a secret). */
const SECRETS = readFileSync(join(LAB_DIR, 'files/opt/OMS/backend/.env'), 'utf8')
  .split('\n')
  .map((l) => /^(?:SECRET_KEY|\w*PASSWORD)=(.+)$/.exec(l)?.[1])
  .filter((v): v is string => Boolean(v));

const live: LabInstance[] = [];
let release: (() => void) | undefined;
let playbooks: Playbook[] = [];
let setupError: Error | undefined;
let dir: string;

const serious = (r: Report) => r.findings.filter((f) => f.severity !== 'info').map((f) => f.id);
const describeReport = (r: Report) =>
  [
    `verdict ${r.verdict}; findings: ${r.findings.map((f) => `${f.id}(${f.severity})`).join(', ') || 'none'}`,
    ...r.observations
      .filter((o) => o.status !== 'ok')
      .map((o) => `  ${o.check} ${o.status} [${o.signals.join(',')}]: ${o.summary}`),
  ].join('\n');

beforeAll(async () => {
  release = cleanupOnExit(() => live);
  dir = mkdtempSync(join(tmpdir(), 'oms-discovery-lab-'));
  try {
    const problem = labPreflight();
    if (problem) throw new Error(problem);
    ensureImage((line) => process.stderr.write(`${line}\n`), { allowBuild: false });
    playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  } catch (err) {
    setupError = err as Error;
  }
}, 20 * 60_000);

afterAll(async () => {
  for (const inst of live.splice(0)) await inst.down();
  release?.();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

interface Lab {
  inst: LabInstance;
  ssh: SshTransport;
  config: Config;
  target: Target;
  layout: LayoutService;
}

/**
 * Boot `name` and hand `fn` a config that names only how to reach it, plus `extra` keys (the lab's random
 * ports, where the scenario leaves discovery no way to learn them; production has the defaults there).
 */
async function withLab(
  name: string,
  extra: (inst: LabInstance) => Record<string, string>,
  fn: (lab: Lab) => Promise<void>,
): Promise<void> {
  if (setupError) throw new Error(`lab set-up failed: ${setupError.message}`);
  const inst = await up(name, { log: (line) => process.stderr.write(`${line}\n`) });
  live.push(inst);
  const t = inst.target;
  const yaml = [
    'targets:',
    '  lab:',
    `    host: ${t.host}`,
    `    port: ${t.port}`,
    `    user: ${t.user}`,
    `    privateKey: ${t.privateKey}`,
    `    hostKey: "${t.hostKey}"`,
    `    publicUrl: ${t.publicUrl}`,
    ...Object.entries(extra(inst)).map(([k, v]) => `    ${k}: ${v}`),
    'defaultTarget: lab',
  ].join('\n');
  const config = parseConfig(yaml, `${name}.yml`);
  const target = config.targets.get('lab')!;
  const ssh = new SshTransport(target, { env: {} });
  const layout = new LayoutService({
    transportFor: () => ssh,
    cache: storeLayoutCache(new FileStore({ dir: join(dir, name) })),
  });
  try {
    await fn({ inst, ssh, config, target, layout });
  } finally {
    await ssh.close();
    await inst.down();
    live.splice(live.indexOf(inst), 1);
  }
}

async function diagnose(lab: Lab, playbookId: string): Promise<{ report: Report; notices: string[] }> {
  const playbook = playbooks.find((p) => p.id === playbookId)!;
  const notices: string[] = [];
  const r = await runRequest(
    { kind: 'diagnose', playbook, target: lab.target },
    { id: 'e2e', via: 'console' },
    { transportFor: () => lab.ssh, findCheck, layout: lab.layout },
    { onLayoutNotices: (_t, n) => notices.push(...n) },
  );
  if (r.kind !== 'report') throw new Error('cancelled');
  return { report: r.report, notices };
}

function row(r: LayoutResult, key: string): { value: string; source: string } {
  const found = r.resolved.rows.find((x) => x.key === key)!;
  return { value: typeof found.value === 'string' ? found.value : found.value.join(', '), source: found.source };
}

describe('discovery on the lab', () => {
  it('relocated-install: found from the server alone; checklist clean; the bundle has the real logs and no secret', async () => {
    await withLab(
      'relocated-install',
      () => ({}),
      async (lab) => {
        const { nginx, backend } = lab.inst.ports;
        const r = await lab.layout.discover(lab.target, { fresh: true });
        expect(r.discovery.undecided).toEqual([]);
        expect(row(r, 'paths.backend')).toEqual({ value: '/srv/erp/backend', source: 'unit WorkingDirectory' });
        expect(row(r, 'paths.frontend').value).toBe('/srv/erp/web');
        expect(row(r, 'paths.nginxConf').value).toBe('/etc/nginx/conf.d/erp-portal.conf');
        expect(row(r, 'paths.logDir').value).toBe('/data/logs/erp');
        expect(row(r, 'paths.errorLog').value).toBe('/data/logs/erp/gunicorn-error.log');
        expect(row(r, 'paths.gunicorn').value).toBe('/srv/erp/backend/venv/bin/gunicorn');
        expect(row(r, 'backendBind').value).toBe(`127.0.0.1:${backend}`);
        expect(row(r, 'nginxListen').value).toBe(`127.0.0.1:${nginx}`);
        await lab.layout.forget(lab.target);

        const first = await diagnose(lab, 'checklist');
        const context = describeReport(first.report);
        expect({ context, serious: serious(first.report) }).toEqual({ context, serious: [] });
        expect(first.report.verdict).toBe('ok');
        const again = await lab.layout.layoutFor(lab.target);
        expect(again.cached).toBe(true);

        const bundle = await collectBundle(
          { target: 'lab' },
          { id: 'e2e', via: 'console' },
          { config: lab.config, layout: lab.layout, transportFor: () => lab.ssh, playbooks, findCheck },
        );
        if (bundle.kind !== 'bundle') throw new Error(`no bundle: ${JSON.stringify(bundle)}`);
        expect(bundle.bundle.archive.length).toBeLessThanOrEqual(10 * 1024 * 1024);
        const files = unpack(dir, bundle.bundle.archive);
        expect(files.get('gunicorn-error-log.txt')).toMatch(/Booting worker/);
        expect(files.get('nginx-site.conf.txt')).toContain('/srv/erp/web/dist');
        expect(files.get('backend-env.txt')).toContain('ALLOWED_HOSTS=172.29.91.61');
        for (const [name, text] of files)
          for (const s of SECRETS) expect({ name, leaked: text.includes(s) }).toEqual({ name, leaked: false });
        for (const s of SECRETS) expect(JSON.stringify(first.report)).not.toContain(s);
      },
    );
  }, 180_000);

  const bind = (inst: LabInstance) => ({ backendBind: `127.0.0.1:${inst.ports.backend}` });
  const listen = (inst: LabInstance) => ({ nginxListen: `127.0.0.1:${inst.ports.nginx}` });
  const undecidedKeys = (r: LayoutResult) => r.discovery.undecided.flatMap((u) => u.keys).sort();
  const NGINX_KEYS = [
    'nginxListen',
    'paths.frontend',
    'paths.mediaDir',
    'paths.nginxConf',
    'paths.nginxErrorLogs',
    'paths.staticDir',
  ];

  it('discovery-unit-missing: says the unit is not found and still reads nginx; service-start names the missing unit', async () => {
    // Without the unit there is no --bind to look for in nginx: the backend's port is configured here.
    await withLab('discovery-unit-missing', bind, async (lab) => {
      const r = await lab.layout.discover(lab.target, { fresh: true });
      const unit = r.discovery.undecided.find((u) => u.keys.includes('paths.backend'));
      expect(unit?.reason).toContain('unit oms-backend.service not found');
      expect(row(r, 'paths.backend')).toEqual({ value: '/opt/OMS/backend', source: 'default' });
      expect(row(r, 'paths.nginxConf').source).toMatch(/^nginx -T \/etc\/nginx\/conf\.d\/oms\.conf:\d+$/);
      expect(row(r, 'nginxListen')).toEqual({
        value: `127.0.0.1:${lab.inst.ports.nginx}`,
        source: expect.stringMatching(/^nginx -T /),
      });
      const { report, notices } = await diagnose(lab, 'service-start');
      expect(notices.join('\n')).toContain('not found');
      const context = describeReport(report);
      expect({ context, first: serious(report)[0] }).toEqual({ context, first: 'unit-not-installed' });
    });
  }, 180_000);

  it('discovery-nginx-t-fails: says nginx -T was refused, still reads the unit; the checklist on the default site is clean', async () => {
    await withLab('discovery-nginx-t-fails', listen, async (lab) => {
      const r = await lab.layout.discover(lab.target, { fresh: true });
      expect(undecidedKeys(r)).toEqual(NGINX_KEYS);
      expect(r.discovery.undecided[0]!.reason).toMatch(/nginx -T failed \(exit 1\): .*password is required/);
      expect(row(r, 'paths.nginxConf')).toEqual({ value: '/etc/nginx/conf.d/oms.conf', source: 'default' });
      expect(row(r, 'nginxListen').source).toBe('config');
      expect(row(r, 'paths.backend').source).toBe('unit WorkingDirectory');
      expect(row(r, 'backendBind').value).toBe(`127.0.0.1:${lab.inst.ports.backend}`);
      const { report } = await diagnose(lab, 'checklist');
      const context = describeReport(report);
      expect({ context, serious: serious(report) }).toEqual({ context, serious: [] });
    });
  }, 180_000);

  it('discovery-two-sites: names both candidate server blocks, falls back for nginx only; the checklist is clean', async () => {
    await withLab('discovery-two-sites', listen, async (lab) => {
      const r = await lab.layout.discover(lab.target, { fresh: true });
      expect(undecidedKeys(r)).toEqual(NGINX_KEYS);
      const reason = r.discovery.undecided[0]!.reason;
      expect(reason).toContain(`2 server blocks proxy to 127.0.0.1:${lab.inst.ports.backend}`);
      expect(reason).toContain('/etc/nginx/conf.d/oms.conf:');
      expect(reason).toContain('/etc/nginx/conf.d/oms-admin.conf:');
      expect(row(r, 'paths.nginxConf').source).toBe('default');
      expect(row(r, 'paths.errorLog')).toEqual({
        value: '/var/log/oms/backend-error.log',
        source: expect.stringContaining('--error-logfile'),
      });
      const { report } = await diagnose(lab, 'checklist');
      const context = describeReport(report);
      expect({ context, serious: serious(report) }).toEqual({ context, serious: [] });
    });
  }, 180_000);
});
