import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAPTURES } from '../helpers/capture.js';

/** The real command line, as `npm start -- …` runs it (tsx, no Slack tokens). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function cli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      [join(ROOT, 'src', 'main.ts'), ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
        timeout: 60_000,
        maxBuffer: 20 * 1024 * 1024,
      },
      (err, stdout, stderr) =>
        resolve({
          code: err ? Number((err as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr,
          ms: Date.now() - started,
        }),
    );
    child.stdin?.end(options.input ?? '');
  });
}

/** A realistic backend .env (the replica's, with its decoy secrets). */
const ENV_TEXT = readFileSync(join(CAPTURES, 'healthy', 'backend-env.txt'), 'utf8')
  .split('\n')
  .slice(1, -1)
  .join('\n');
const SECRETS = [
  'h6inws=y*4^9))7!nr*2l+ek-+p29%1k@@#mpnj8q5nj@r8!q&',
  'EVuWdnct2NUwk9oKAAJK',
  'nxcG0fXEWVsXKBOJWBPhDY26',
];

/** A config whose local target reads a backend directory we control. */
function configWithEnv(): string {
  const dir = mkdtempSync(join(tmpdir(), 'oms-cli-'));
  mkdirSync(join(dir, 'backend'));
  writeFileSync(join(dir, 'backend', '.env'), ENV_TEXT);
  const cfg = join(dir, 'oms-chatops.yml');
  writeFileSync(
    cfg,
    `targets:\n  box:\n    host: local\n    paths:\n      backend: ${dir}/backend\n      logDir: ${dir}/log\ndefaultTarget: box\n`,
  );
  return cfg;
}

describe('oms-chatops command line (real process, this machine)', () => {
  it('diagnose login on a machine without OMS finishes, says what is missing, and does not crash', async () => {
    const r = await cli(['diagnose', 'login']);
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).not.toMatch(/internal error|TypeError|at .*\.ts:/);
    expect(r.stdout).toMatch(/Verdict/);
    // The unit is not installed here, and the report says so in plain words.
    expect(r.stdout).toMatch(/not installed|未安装|找不到|not found/i);
  });

  it('--json gives the documented report shape', async () => {
    const r = await cli(['diagnose', 'login', '--json']);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['target', 'playbook', 'startedAt', 'finishedAt', 'verdict', 'findings', 'observations']),
    );
    expect(report.playbook.id).toBe('login');
    // This machine has no OMS: that is said first, before the failures that follow from it.
    expect(report.findings[0].id).toBe('oms-not-installed');
    for (const f of report.findings)
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'severity', 'title', 'evidence', 'fix', 'action']));
    for (const o of report.observations)
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['check', 'status', 'summary', 'evidence', 'durationMs']));
    expect(['critical', 'error', 'warning', 'info']).toEqual(
      expect.arrayContaining(report.findings.map((f: { severity: string }) => f.severity)),
    );
  });

  it('never prints a secret from the backend .env, in text, verbose text or JSON', async () => {
    const cfg = configWithEnv();
    const runs = await Promise.all([
      cli(['check', 'backend-env', '--config', cfg]),
      cli(['check', 'backend-env', '--verbose', '--config', cfg]),
      cli(['check', 'backend-env', '--json', '--config', cfg]),
      cli(['diagnose', 'login', '--json', '--verbose', '--config', cfg]),
    ]);
    const json = JSON.parse(runs[2]!.stdout);
    expect(json.observations[0].check).toBe('backend-env');
    // The check really read the file: it reports the hosts it found.
    expect(runs[1]!.stdout).toContain('172.29.91.61');
    for (const r of runs)
      for (const s of SECRETS) {
        expect(r.stdout).not.toContain(s);
        expect(r.stderr).not.toContain(s);
      }
  });

  it('refuses shell metacharacters and runs nothing', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'oms-inj-')), 'pwned');
    for (const arg of [
      `login; touch ${marker}`,
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      `login\ntouch ${marker}`,
    ]) {
      const r = await cli(['diagnose', arg]);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/refused/);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('unknown playbook, target and check: a clear error with the valid choices, exit 2', async () => {
    const p = await cli(['diagnose', 'frobnicate-the-widget']);
    expect(p.code).toBe(2);
    expect(p.stdout).toMatch(/no playbook matches/);
    expect(p.stdout).toMatch(/list/);
    const t = await cli(['diagnose', 'login', '--target', 'nowhere']);
    expect(t.code).toBe(2);
    expect(t.stdout).toMatch(/unknown target "nowhere".*\n.*local/);
    const s = await cli(['sudoers', '--target', 'nowhere']);
    expect(s.code).toBe(2);
    expect(s.stdout).toMatch(/unknown target "nowhere"/);
    expect(s.stderr).not.toMatch(/internal error/);
    const c = await cli(['check', 'rm-rf']);
    expect(c.code).toBe(2);
    expect(c.stdout).toMatch(/unknown check "rm-rf"[\s\S]*backend-service/);
  });

  it('a broken config file names the file, line and key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oms-badcfg-'));
    writeFileSync(join(dir, 'oms-chatops.yml'), 'targets:\n  prod:\n    host: 1.2.3.4\n    port: lots\n');
    const r = await cli(['list'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'oms-chatops.yml')}:4: targets.prod.port`);
    expect(r.stderr).toMatch(/Next/);
  });

  it('the console takes the same verbs, one per line, and exits on EOF', async () => {
    const r = await cli([], { input: 'list\nmatch "status=217/USER"\ntargets\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/login/);
    expect(r.stdout).toMatch(/service-start/);
    expect(r.stdout).toMatch(/local +this machine/);
  });

  it('match maps the notes’ exact error lines and says no match for chatter', async () => {
    const yes = await cli([
      'match',
      '[2025-12-07 15:35:17 +0800] [3321280] [ERROR] Worker (pid:3321281) was sent SIGTERM!',
      '--json',
    ]);
    const m = JSON.parse(yes.stdout);
    expect(m.playbook.id).toBe('worker-sigterm');
    expect(m.extracted.pid).toBe('3321281');
    const no = await cli(['match', '今天中午吃什么？', '--json']);
    expect(JSON.parse(no.stdout).playbook).toBeNull();
    expect(no.code).toBe(1);
  });
});
