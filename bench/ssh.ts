/**
 * The SSH transport against a local test sshd (127.0.0.1 only): a login-style
 * set of read-only commands over one pooled connection, compared with the
 * OpenSSH client making a new connection per command, and 20 diagnoses at once.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { shellJoin } from '../src/transport/quote.js';
import { SshTransport } from '../src/transport/ssh/index.js';
import { freePort, sshdTarget, startSshd, type TestSshd } from '../test/helpers/sshd.js';

const run = promisify(execFile);

/** Read-only commands like the login playbook's checks; `sleep 0.3` stands in for the slowest one. */
function commandSet(closedPort: number): string[][] {
  return [
    ['systemctl', 'show', '-p', 'ActiveState,SubState,ExecMainStatus,ExecMainCode,NRestarts,User', 'oms-backend'],
    ['systemctl', 'show', '-p', 'ActiveState,SubState', 'nginx'],
    ['cat', '/etc/os-release'],
    ['ss', '-tlnp'],
    [
      'curl',
      '-sS',
      '-m',
      '2',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      `http://127.0.0.1:${closedPort}/api/auth/login/`,
    ],
    ['cat', '/etc/nginx/conf.d/oms.conf'],
    ['stat', '-c', '%U %a', '/etc/passwd'],
    ['grep', '-E', '^(ALLOWED_HOSTS|CORS_ALLOWED_ORIGINS)=', '/opt/OMS/backend/.env'],
    ['ls', '-la', '/etc/systemd/system'],
    ['ps', '-eo', 'pid,user,comm'],
    ['tail', '-n', '100', '/var/log/dpkg.log'],
    ['sleep', '0.3'],
  ];
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

const median = (ms: number[]) => stats(ms).p50;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Peak resident set size while `fn` runs, sampled every 10 ms. */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

async function opensshSequential(sshd: TestSshd, commands: string[][]): Promise<number> {
  const knownHosts = join(sshd.dir, 'bench_known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${sshd.port} ${sshd.hostKeys.ed25519!.publicLine}\n`);
  const base = [
    '-p',
    String(sshd.port),
    '-i',
    sshd.keys.ed25519.path,
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    `UserKnownHostsFile=${knownHosts}`,
    '-o',
    'GlobalKnownHostsFile=/dev/null',
    '-o',
    'IdentitiesOnly=yes',
    '-F',
    '/dev/null',
    `${sshd.user}@127.0.0.1`,
  ];
  return timed(async () => {
    for (const argv of commands) {
      await run('ssh', [...base, shellJoin(argv)]).catch(() => undefined);
    }
  });
}

export async function runSshBench(): Promise<void> {
  const sshd = await startSshd({ maxSessions: 10 });
  try {
    const target = await sshdTarget(sshd);
    const commands = commandSet(await freePort());
    const ROUNDS = 5;

    // (a) cold: handshake + all commands concurrently over one pooled connection
    const cold: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const tr = new SshTransport(target);
      cold.push(await timed(() => Promise.all(commands.map((argv) => tr.exec(argv)))));
      await tr.close();
    }
    // (b) OpenSSH client, one new connection per command, one after another
    const openssh: number[] = [];
    for (let i = 0; i < 3; i++) openssh.push(await opensshSequential(sshd, commands));
    // (c) one handshake + the slowest command alone
    const single: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const tr = new SshTransport(target);
      single.push(await timed(() => tr.exec(['sleep', '0.3'])));
      await tr.close();
    }
    const a = median(cold);
    const b = median(openssh);
    const c = median(single);
    console.log(`${commands.length} login-style commands, median of ${ROUNDS} (OpenSSH: 3):`);
    console.log(`  (a) bot, concurrent over one pooled connection, cold (with handshake): ${fmt(a)}`);
    console.log(`  (b) ssh binary, new connection per command, sequential:             ${fmt(b)}`);
    console.log(`  (c) one handshake + slowest command (sleep 0.3):                    ${fmt(c)}`);
    console.log(`  (b)/(a) = ${(b / a).toFixed(1)} (target >= 5)   (a)/(c) = ${(a / c).toFixed(2)} (target <= 1.3)`);

    // 20 diagnoses at once on one target, cold then warm
    for (const mode of ['cold', 'warm'] as const) {
      const tr = new SshTransport(target);
      if (mode === 'warm') await tr.exec(['true']);
      const { result: walls, peakMb } = await peakRss(() =>
        Promise.all(Array.from({ length: 20 }, () => timed(() => Promise.all(commands.map((argv) => tr.exec(argv)))))),
      );
      const s = stats(walls);
      console.log(
        `20 concurrent diagnoses (${20 * commands.length} commands, ${target.maxConcurrency} channels, ${mode}): ` +
          `p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, max ${fmt(s.max)}; connections ${tr.stats.connections}; peak RSS ${peakMb.toFixed(0)} MB`,
      );
      await tr.close();
    }
  } finally {
    await sshd.stop();
  }
}
