/**
 * The support bundle and layout discovery over a real sshd on 127.0.0.1: the
 * files come from a fixture tree with canary secrets, read over SSH; systemd
 * and nginx answer as this machine does (here: no such unit, no sudo rule), so
 * discovery's failure path runs over the real transport too.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectBundle } from '../../src/app/layout.js';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import { findCheck } from '../../src/checks/registry.js';
import type { Config } from '../../src/config/config.js';
import { LayoutService } from '../../src/discovery/layout-service.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import { buildBundle } from '../../src/support-bundle/collect.js';
import { discover } from '../../src/discovery/discover.js';
import { SshTransport } from '../../src/transport/ssh/index.js';
import { sshdTarget, startSshd, type TestSshd } from '../helpers/sshd.js';
import { assertNoCanary, tree, unpack } from '../helpers/bundle-fixture.js';
import { recordingTransport } from '../helpers/recording-transport.js';

let sshd: TestSshd;
let root: string;
let ssh: SshTransport;

/** The SSH test user reads the tree: directories 0755, files 0644. */
function openUp(path: string): void {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  if (statSync(path).isDirectory()) for (const n of readdirSync(path)) openUp(join(path, n));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'oms-bundle-sshd-'));
  sshd = await startSshd();
  const files = tree(root);
  openUp(root);
  const t = await sshdTarget(sshd, { service: 'oms-discover-absent', paths: files.paths });
  ssh = new SshTransport(t);
  target = t;
});

let target: Awaited<ReturnType<typeof sshdTarget>>;

afterAll(async () => {
  await ssh?.close();
  await sshd?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('bundle over SSH', () => {
  it('reads the fixture files over SSH and lets no canary through', async () => {
    const bundle = await buildBundle({ target, transport: ssh, now: new Date() });
    const files = unpack(root, bundle.archive);
    expect(files.get('backend-env.txt')).toContain('ALLOWED_HOSTS=172.29.91.61,localhost');
    expect(files.get('gunicorn-error-log.txt')).toContain('Booting worker with pid: 34');
    expect(files.get('nginx-nginx-error.log.txt')).toContain('upstream timed out');
    assertNoCanary(files);
  });
});

describe('bundle through the app (discovery, the parts, the checklist)', () => {
  it('sends each distinct command once: nginx -T, the unit file and the .env files asked for by several', async () => {
    const sent: string[] = [];
    const recording = recordingTransport(ssh, sent, async () => undefined);
    const config = { targets: new Map([[target.name, target]]), defaultTarget: target.name } as unknown as Config;
    const sessions = () => (sshd.log().match(/Starting session: command/g) ?? []).length;
    const before = sessions();
    const r = await collectBundle(
      {},
      { id: 'console:test', via: 'cli' },
      {
        config,
        layout: new LayoutService({ transportFor: () => recording }),
        transportFor: () => recording,
        playbooks: await loadPlaybooks(defaultPlaybookDir(), playbookRegistry()),
        findCheck,
      },
    );
    expect(r.kind).toBe('bundle');
    expect(sent.filter((c) => c === 'sudo /usr/sbin/nginx -T')).toHaveLength(1);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sessions() - before).toBe(sent.length);
  }, 60_000);
});

describe('discovery over SSH when the server cannot tell', () => {
  it('says the unit is missing and nginx -T failed, and decides nothing', async () => {
    const d = await discover(ssh, target);
    expect(d.values).toEqual({});
    expect(d.undecided.map((u) => u.keys[0])).toEqual(['paths.backend', 'paths.nginxConf']);
    expect(d.undecided[1]!.reason).toMatch(/nginx -T/);
  });
});
