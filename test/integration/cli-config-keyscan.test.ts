import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSshd, type TestSshd } from '../helpers/sshd.js';

/**
 * Through the real command line (`tsx src/main.ts`): a foreign or hostile
 * config file is refused with exit 2 and a plain message that quotes none of
 * it, and `keyscan` prints the fingerprint line it exists to print (issue 17:
 * it printed `hostKey: «redacted»`).
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      [join(ROOT, 'src', 'main.ts'), ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end('');
  });
}

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'oms-cfgerr-')), name);
  writeFileSync(path, text);
  return path;
}

const NO_CRASH = /internal error|Error:|\n\s+at |node:internal|\.ts:\d+/;

describe('config errors on the command line', () => {
  it.each([
    ['a copy of /etc/shadow', file('shadow', 'root:$6$S3cretSalt$S3cretHash:19000:0:99999:7:::\nbin:*:1:0:9:7:::\n')],
    ['the real /etc/passwd', '/etc/passwd'],
  ])('--config %s: exit 2, "not an oms-chatops config", none of its lines', async (_what, path) => {
    const r = await cli(['list', '--config', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not an oms-chatops config (expected a YAML mapping with targets:)');
    expect(r.stderr).toMatch(/下一步 \/ Next/);
    expect(r.stderr).not.toMatch(/S3cret|root|bin:|\/bin\/|unknown key/);
    expect(r.stderr).not.toMatch(NO_CRASH);
    expect(r.stdout).toBe('');
  });

  it('a billion-laughs config: exit 2 with file:line:key, no stack trace', async () => {
    const lol = (n: number) =>
      `  l${n}: &l${n} [${Array(9)
        .fill(`*l${n - 1}`)
        .join(',')}]`;
    const path = file(
      'oms-chatops.yml',
      [
        'targets: {}',
        'policy:',
        '  l0: &l0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]',
        ...[1, 2, 3, 4, 5, 6, 7, 8].map(lol),
      ].join('\n'),
    );
    const r = await cli(['list', '--config', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}:4: policy.l1.0: too many *aliases`);
    expect(r.stderr).not.toMatch(NO_CRASH);
  });
});

describe('keyscan on a real sshd', () => {
  let sshd: TestSshd;
  beforeAll(async () => {
    sshd = await startSshd();
  }, 30_000);
  afterAll(async () => {
    await sshd?.stop();
  });

  it('prints the pin line with the fingerprint and the known_hosts line, unredacted', async () => {
    const fp = sshd.hostKeys.ed25519!.fingerprint;
    const cfg = file(
      'oms-chatops.yml',
      `targets:\n  lab:\n    host: 127.0.0.1\n    port: ${sshd.port}\n    user: ${sshd.user}\n    privateKey: ${sshd.keys.ed25519.path}\n`,
    );
    const r = await cli(['keyscan', 'lab', '--config', cfg]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`  hostKey: "${fp}"`);
    expect(r.stdout).toMatch(new RegExp(`\\[127\\.0\\.0\\.1\\]:${sshd.port} ssh-ed25519 AAAA[A-Za-z0-9+/]+=*`));
    expect(r.stdout).not.toContain('«redacted»');
  });
});
