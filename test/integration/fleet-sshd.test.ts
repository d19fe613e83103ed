/**
 * A run over a group, through the real command line (tsx src/main.ts) against real sshd processes on
 * 127.0.0.1 — three servers, each with its own pinned host key — plus a dead target (port closed) and a
 * hung one (accepts TCP, never sends the SSH greeting). The servers have no OMS, so their checks fail: what
 * is tested is the fan-out, the per-target outcome and the fleet report.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSshdFleet, type SshdFleet } from '../helpers/sshd-fleet.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function cli(args: string[], config: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [join(ROOT, 'src', 'main.ts'), ...args],
      {
        cwd: dataDir,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, OMS_CHATOPS_CONFIG: config },
        timeout: 90_000,
        maxBuffer: 20 * 1024 * 1024,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let fleet: SshdFleet;
let dataDir: string;
let config: string;

beforeAll(async () => {
  fleet = await startSshdFleet(3);
  dataDir = mkdtempSync(join(tmpdir(), 'oms-fleet-cli-'));
  config = join(dataDir, 'oms-chatops.yml');
  writeFileSync(config, fleet.configYaml());
}, 120_000);

afterAll(async () => {
  await fleet?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('diagnose over a group (real sshd ×3, one dead, one hung)', () => {
  it('--json: one unchanged report per target and a summary; dead and hung say why; worst exit code (3)', async () => {
    const r = await cli(['diagnose', 'login', '--target', 'prod', '--json'], config);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as {
      reports: Array<{ target: { name: string }; verdict: string; error?: { code: string; message: string } }>;
      summary: { group: string; what: string; verdict: string; rows: Array<{ target: string; verdict: string }> };
    };
    expect(out.reports.map((x) => x.target.name)).toEqual(['web1', 'web2', 'web3', 'dead', 'hung']);
    const by = new Map(out.reports.map((x) => [x.target.name, x]));
    expect(by.get('dead')).toMatchObject({ verdict: 'unreachable', error: { code: 'connect_refused' } });
    expect(by.get('hung')).toMatchObject({ verdict: 'unreachable', error: { code: 'connect_timeout' } });
    expect(by.get('hung')!.error!.message).toMatch(/did not answer the SSH handshake/);
    // The three real servers were reached (their checks ran and answered, OMS or not).
    for (const n of ['web1', 'web2', 'web3']) {
      expect(by.get(n)!.verdict).not.toBe('unreachable');
      expect((by.get(n) as unknown as { observations: unknown[] }).observations.length).toBeGreaterThan(3);
    }
    expect(out.summary).toMatchObject({ group: 'prod', what: 'diagnose login', verdict: 'unreachable' });
    expect(out.summary.rows.slice(0, 2).map((x) => x.target)).toEqual(['dead', 'hung']);
  }, 90_000);

  it('a hung host first in the group, one target at a time: the others run while its handshake deadline passes', async () => {
    const serial = join(dataDir, 'serial.yml');
    writeFileSync(
      serial,
      fleet.configYaml() + '  hungfirst: [hung, dead, web1, web2, web3]\nfleet:\n  concurrency: 1\n',
    );
    const r = await cli(['diagnose', 'login', '--target', 'hungfirst', '--json'], serial);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as {
      reports: Array<{ target: { name: string }; verdict: string; startedAt: string; finishedAt: string }>;
    };
    const by = new Map(out.reports.map((x) => [x.target.name, x]));
    expect(by.get('hung')).toMatchObject({ verdict: 'unreachable', error: { code: 'connect_timeout' } });
    expect(by.get('dead')).toMatchObject({ verdict: 'unreachable', error: { code: 'connect_refused' } });
    // The only place was never given to the hung host: web1 ran before its handshake deadline was over.
    expect(Date.parse(by.get('web1')!.startedAt)).toBeLessThan(Date.parse(by.get('hung')!.finishedAt));
    for (const n of ['web1', 'web2', 'web3']) expect(by.get(n)!.verdict).not.toBe('unreachable');
  }, 90_000);

  it('text: the table worst first, then the details of each target with a problem', async () => {
    const r = await cli(['diagnose', 'login', 'prod'], config);
    expect(r.code).toBe(3);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^diagnose login @ prod \(5 targets\): 2 unreachable/);
    const rows = lines.filter((l) => /^(web\d|dead|hung)\s/.test(l)).map((l) => l.split(/\s+/)[0]);
    expect(rows.slice(0, 2)).toEqual(['dead', 'hung']);
    expect(rows.sort()).toEqual(['dead', 'hung', 'web1', 'web2', 'web3']);
    expect(r.stdout).toContain('── hung ──');
    expect(r.stdout).toMatch(/connection refused/);
  }, 90_000);

  it('check over a group, and a group of one target that answers', async () => {
    const one = join(dataDir, 'one.yml');
    writeFileSync(one, fleet.configYaml({ dead: false, hung: false }));
    const r = await cli(['check', 'backend-service', 'prod', '--json'], one);
    const out = JSON.parse(r.stdout) as { reports: Array<{ verdict: string }>; summary: { what: string } };
    expect(out.summary.what).toBe('check backend-service');
    expect(out.reports).toHaveLength(3);
    expect(out.reports.every((x) => x.verdict !== 'unreachable')).toBe(true);
    expect(r.code).not.toBe(3);
  }, 90_000);

  it('bundle over a group: one bundle per reachable target, the unreachable ones said; -o refused', async () => {
    const r = await cli(['bundle', 'prod'], config);
    // As for one target: unreachable is exit 3, and the worst target's code wins.
    expect(r.code).toBe(3);
    const written = readdirSync(dataDir).filter((f) => f.startsWith('oms-bundle-'));
    expect(written.map((f) => f.split('-')[2]).sort()).toEqual(['web1', 'web2', 'web3']);
    expect(r.stdout).toMatch(/cannot reach dead: Nothing answers on 127\.0\.0\.1:\d+ \(connection refused\)/);
    expect(r.stdout).toMatch(/cannot reach hung: 127\.0\.0\.1:\d+ accepted the connection but did not answer the SSH/);
    const o = await cli(['bundle', 'prod', '-o', 'x.tar.gz'], config);
    expect(o.code).toBe(2);
    expect(o.stdout).toMatch(/one bundle per target/);
  }, 90_000);

  it('an unknown name lists the targets and groups; `all` with no targets says to configure some', async () => {
    const r = await cli(['diagnose', 'login', '--target', 'prdo'], config);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/unknown target or group "prdo"/);
    expect(r.stdout).toMatch(/prod \(group: web1, web2, web3, dead, hung\)/);
    const empty = join(dataDir, 'empty.yml');
    writeFileSync(empty, 'targets: {}\n');
    const e = await cli(['diagnose', 'login', '--target', 'all'], empty);
    expect(e.code).toBe(2);
    expect(e.stdout).toMatch(/group "all" has no targets/);
    expect(e.stdout).toMatch(/targets:/);
  }, 90_000);
});
