/**
 * The same diagnosis of the same machine, once through the local transport and
 * once over SSH (a real sshd on 127.0.0.1): every check must see the same thing.
 * The machine gets a small OMS layout in a temp dir (the replica's files), so
 * checks read real files rather than all failing the same way.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCheck } from '../../src/checks/registry.js';
import type { Target } from '../../src/config/target.js';
import { targetSchema } from '../../src/config/target-schema.js';
import { runPlaybook } from '../../src/engine/engine.js';
import type { Report } from '../../src/engine/report.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import { LocalTransport } from '../../src/transport/local.js';
import { SshTransport } from '../../src/transport/ssh/index.js';
import { CAPTURES } from '../helpers/capture.js';
import { sshdTarget, startSshd, TEST_USER, type TestSshd } from '../helpers/sshd.js';
import { sudoersDropIn } from '../../src/access/sudoers.js';
import { execFileSync } from 'node:child_process';

let sshd: TestSshd;
let root: string;
let ssh: SshTransport;

/** The body of a capture file (without the `$ command` line and `[exit N]`). */
const body = (file: string) =>
  readFileSync(join(CAPTURES, 'healthy', file), 'utf8')
    .split('\n')
    .slice(1)
    .join('\n')
    .replace(/\[exit \d+\]\s*$/, '');

function layout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'oms-layout-'));
  const w = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  w('backend/.env', body('backend-env.txt'));
  w('backend/oms_backend/wsgi.py', 'application = None\n');
  w('backend/venv/bin/gunicorn', '#!/bin/sh\n');
  mkdirSync(join(dir, 'backend/staticfiles'));
  mkdirSync(join(dir, 'backend/media'));
  w('frontend/.env.production', body('frontend-env.txt'));
  w('frontend/dist/assets/index.js', 'const api="http://172.29.91.61/api";\n');
  w('nginx/oms.conf', body('nginx-conf.txt'));
  cpSync(join(CAPTURES, '..', 'service', 'oms-backend-clean.service'), join(dir, 'oms-backend.service'));
  mkdirSync(join(dir, 'log'));
  // World-readable, so the unprivileged SSH login user reads what root reads.
  chmodSync(dir, 0o755);
  return dir;
}

function target(base: Record<string, unknown>): Target {
  const { name: _name, ...rest } = base;
  const t = targetSchema.parse({
    ...rest,
    paths: {
      backend: join(root, 'backend'),
      frontend: join(root, 'frontend'),
      nginxConf: join(root, 'nginx/oms.conf'),
      logDir: join(root, 'log'),
      unitFile: join(root, 'oms-backend.service'),
      nginxErrorLogs: [join(root, 'log/nginx-error.log')],
    },
  });
  return { name: 'same-machine', ...t };
}

/** What a check saw, without timings and raw excerpts that name the transport's user. */
const seen = (r: Report) =>
  Object.fromEntries(r.observations.map((o) => [o.check, `${o.status} ${[...o.signals].sort().join(',')}`]));

/** The bot's sudoers rule for the SSH login user, as `oms-chatops sudoers` prints it (no `.` in the name). */
const DROP_IN = `/etc/sudoers.d/${TEST_USER}-same-machine`;

beforeAll(async () => {
  if (process.getuid?.() !== 0)
    throw new Error(
      'this test needs root (it installs a sudoers drop-in for the SSH test user): run `npm test` as root',
    );
  root = layout();
  sshd = await startSshd();
  const t = target(await sshdTarget(sshd));
  const candidate = join(root, 'sudoers-candidate');
  writeFileSync(candidate, sudoersDropIn(t, sshd.user), { mode: 0o440 });
  execFileSync('/usr/sbin/visudo', ['-cf', candidate], { stdio: 'pipe' });
  writeFileSync(DROP_IN, readFileSync(candidate), { mode: 0o440 });
  ssh = new SshTransport(t);
});

afterAll(async () => {
  rmSync(DROP_IN, { force: true });
  await ssh?.close();
  await sshd?.stop();
  rmSync(root, { recursive: true, force: true });
});

test('the full checklist sees the same thing over SSH as through the local transport', async () => {
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  const checklist = playbooks.find((p) => p.id === 'checklist')!;
  const sshTarget = target(await sshdTarget(sshd));
  const local = await runPlaybook(checklist, target({ host: 'local' }), new LocalTransport(), { findCheck });
  const remote = await runPlaybook(checklist, sshTarget, ssh, { findCheck });
  expect(remote.error).toBeUndefined();
  expect(remote.observations).toHaveLength(checklist.checks.length);
  expect(seen(remote)).toEqual(seen(local));
  expect(remote.findings.map((f) => f.id)).toEqual(local.findings.map((f) => f.id));
  expect(remote.verdict).toBe(local.verdict);
  // The layout was really read: the env check found the replica's hosts, not a missing file.
  expect(seen(remote)['backend-env']).toBe('ok hosts-ok');
});
