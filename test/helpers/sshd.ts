/**
 * A real OpenSSH server for integration tests and the benchmark: `/usr/sbin/sshd -D`
 * on 127.0.0.1 and a free port, with its own host keys, authorized_keys and pid
 * file in a temp dir. It can be stopped and started again mid-test on the same
 * port and keys (to test a server that goes away and comes back).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const SSHD_BIN = '/usr/sbin/sshd';

export interface TestKey {
  path: string;
  publicKey: string;
  passphrase?: string;
}

export interface TestSshd {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  readonly dir: string;
  /** Host key fingerprints by type as `ssh-keygen -lf` prints them (`ed25519`, `rsa`, `ecdsa`). */
  readonly hostKeys: Record<string, { fingerprint: string; publicLine: string }>;
  /** Client keys accepted by the server. */
  readonly keys: { ed25519: TestKey; rsa: TestKey; encrypted: TestKey; stranger: TestKey };
  /** `Accepted publickey` lines in the server log so far (one per authenticated connection). */
  acceptedLogins(): number;
  log(): string;
  start(): Promise<void>;
  /** Kill the listener and every per-connection sshd it forked, as a crash or reboot would. */
  kill(): Promise<void>;
  /** Freeze (SIGSTOP) or thaw (SIGCONT) the per-connection sshd processes: a server that stops answering. */
  freezeSessions(frozen: boolean): void;
  stop(): Promise<void>;
}

export interface SshdOptions {
  maxSessions?: number;
  extraConfig?: string;
  /** Host key types to generate (default all three); a fleet of servers needs only ed25519, each its own. */
  hostKeyTypes?: readonly ('ed25519' | 'rsa' | 'ecdsa')[];
  /** Accept these client keys instead of generating new ones (a fleet shares the bot's key). */
  clientKeys?: TestSshd['keys'];
}

/** The unprivileged account the tests log in as when they run as root. */
export const TEST_USER = 'omschatops-test';
const TEST_HOME = `/var/lib/${TEST_USER}`;

function userExists(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Log in as a dedicated unprivileged user with /bin/sh when running as root: the
 * bot's account is not root either, root's ~/.bashrc (sourced by bash for SSH
 * commands) would slow every command down, and sudo then behaves as in production.
 */
function loginUser(): string {
  if (process.getuid?.() !== 0) return userInfo().username;
  if (!userExists(TEST_USER)) {
    mkdirSync(TEST_HOME, { recursive: true });
    try {
      execFileSync(
        'useradd',
        ['--system', '--no-create-home', '--home-dir', TEST_HOME, '--shell', '/bin/sh', TEST_USER],
        { stdio: 'pipe' },
      );
    } catch (err) {
      // Another test file may have created it at the same moment.
      if (!userExists(TEST_USER)) throw err;
    }
  }
  // `!` in the shadow file means locked, and sshd refuses even key logins to locked accounts.
  execFileSync('usermod', ['-p', '*', TEST_USER], { stdio: 'ignore' });
  return TEST_USER;
}

/** A port nobody listens on at the moment of the call. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function keygen(path: string, type: 'ed25519' | 'rsa' | 'ecdsa', passphrase = ''): void {
  const args = ['-q', '-t', type, '-N', passphrase, '-f', path, '-C', `oms-chatops-test-${type}`];
  if (type === 'rsa') args.push('-b', '3072');
  execFileSync('ssh-keygen', args, { stdio: 'ignore' });
}

function fingerprintOf(pubLine: string): string {
  const blob = Buffer.from(pubLine.trim().split(/\s+/)[1] ?? '', 'base64');
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Start a test sshd; call `stop()` in `afterAll`. */
export async function startSshd(options: SshdOptions = {}): Promise<TestSshd> {
  const dir = mkdtempSync(join(tmpdir(), 'oms-sshd-'));
  // sshd reads authorized_keys as the login user.
  chmodSync(dir, 0o755);
  const user = loginUser();
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  const hostTypes = options.hostKeyTypes ?? (['ed25519', 'ecdsa', 'rsa'] as const);
  for (const t of hostTypes) keygen(join(dir, `host_${t}`), t);
  if (!options.clientKeys) {
    keygen(join(dir, 'client_ed25519'), 'ed25519');
    keygen(join(dir, 'client_rsa'), 'rsa');
    keygen(join(dir, 'client_encrypted'), 'ed25519', 'correct horse battery');
    keygen(join(dir, 'client_stranger'), 'ed25519');
  }

  const pub = (name: string) => readFileSync(join(dir, `${name}.pub`), 'utf8').trim();
  const key = (name: string, passphrase?: string): TestKey => ({
    path: join(dir, name),
    publicKey: pub(name),
    ...(passphrase ? { passphrase } : {}),
  });
  const keys = options.clientKeys ?? {
    ed25519: key('client_ed25519'),
    rsa: key('client_rsa'),
    encrypted: key('client_encrypted', 'correct horse battery'),
    stranger: key('client_stranger'),
  };
  writeFileSync(
    join(dir, 'authorized_keys'),
    [keys.ed25519, keys.rsa, keys.encrypted].map((k) => k.publicKey).join('\n') + '\n',
    {
      mode: 0o644,
    },
  );

  const hostKeys: TestSshd['hostKeys'] = {};
  for (const t of hostTypes) {
    const line = pub(`host_${t}`);
    hostKeys[t] = { fingerprint: fingerprintOf(line), publicLine: line };
  }

  const port = await freePort();
  const config = join(dir, 'sshd_config');
  const logFile = join(dir, 'sshd.log');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      ...hostTypes.map((t) => `HostKey ${join(dir, `host_${t}`)}`),
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin prohibit-password',
      `MaxSessions ${options.maxSessions ?? 10}`,
      'MaxStartups 100:30:200',
      'LogLevel VERBOSE',
      'Subsystem sftp internal-sftp',
      options.extraConfig ?? '',
      '',
    ].join('\n'),
  );
  execFileSync(SSHD_BIN, ['-t', '-f', config], { stdio: 'pipe' });

  let child: ChildProcess | undefined;

  const server: TestSshd = {
    host: '127.0.0.1',
    port,
    user,
    dir,
    hostKeys,
    keys,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    acceptedLogins: () => (server.log().match(/Accepted publickey/g) ?? []).length,
    async start() {
      if (child) return;
      const proc = spawn(SSHD_BIN, ['-D', '-f', config, '-E', logFile], { stdio: 'ignore' });
      child = proc;
      proc.once('exit', () => {
        if (child === proc) child = undefined;
      });
      await waitListening(port, proc, logFile);
    },
    async kill() {
      const proc = child;
      if (!proc?.pid) return;
      const pids = [proc.pid, ...descendants(proc.pid)];
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await waitForExit(proc);
      child = undefined;
    },
    freezeSessions(frozen: boolean) {
      if (!child?.pid) return;
      for (const pid of descendants(child.pid)) {
        try {
          process.kill(pid, frozen ? 'SIGSTOP' : 'SIGCONT');
        } catch {
          // already gone
        }
      }
    },
    async stop() {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

async function waitListening(port: number, proc: ChildProcess, logFile: string): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) {
      throw new Error(`sshd exited at start: ${existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''}`);
    }
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on 127.0.0.1:${port} within 10 s`);
}

/** A validated target pointing at the test sshd, pinned to its ed25519 host key, logging in with the ed25519 key. */
export async function sshdTarget(sshd: TestSshd, over: Record<string, unknown> = {}) {
  const { targetSchema } = await import('../../src/config/target-schema.js');
  const config = targetSchema.parse({
    host: sshd.host,
    port: sshd.port,
    user: sshd.user,
    privateKey: sshd.keys.ed25519.path,
    hostKey: sshd.hostKeys.ed25519?.fingerprint,
    ...over,
  });
  return { name: 'test-sshd', ...config };
}
