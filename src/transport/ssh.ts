/**
 * The SSH transport: one pooled ssh2 connection per target, reused across checks
 * and requests, closed when idle, reopened transparently after a drop. Channels
 * are limited per connection (`maxConcurrency`, below OpenSSH's MaxSessions) and
 * every command is wrapped in `timeout -k` so a hung command dies on the server
 * and frees its session slot. The only module that imports ssh2.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import ssh2, { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import type { Target } from '../config/target.js';
import { describeHostKeyRefusal, pinnedKeyAlgorithms, verifyHostKey, type HostKeyVerdict } from './host-key.js';
import { shellJoin } from './quote.js';
import { connectError, droppedError, keyPassphraseError, keyUnreadableError, type ConnectWhere } from './ssh-errors.js';
import { Slots } from './ssh-slots.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  TransportError,
  type ExecOptions,
  type ExecResult,
  type Transport,
} from './transport.js';

// `utils` is not a static named export of ssh2's CommonJS entry, so Node's ESM loader cannot see it by name.
const { utils } = ssh2;

/** Environment the transport may use; passed in, never read from `process.env` here. */
export interface SshEnv {
  OMS_CHATOPS_KEY_PASSPHRASE?: string;
  SSH_AUTH_SOCK?: string;
}

export interface SshTransportOptions {
  env?: SshEnv;
  /** Close the connection after this long without commands (default 60 s). */
  idleCloseMs?: number;
  /** SSH keepalive interval (default 15 s); three missed answers drop the connection. */
  keepaliveIntervalMs?: number;
  /** Handshake and login deadline (default 10 s). */
  connectTimeoutMs?: number;
  readFile?: (path: string) => Promise<Buffer>;
}

/** Exit statuses that arrived before `run()` listened (see `openChannel`). */
const earlyExits = new WeakMap<ClientChannel, { code: number | null; signal?: string }>();

/** Seconds `timeout -k` waits after TERM before KILL on the server. */
const KILL_GRACE_S = 2;
/** The local deadline is the remote one plus the kill grace plus this slack for the network. */
const LOCAL_SLACK_MS = 1_000;
/** After a local deadline, wait this long for the server's channel close before reusing the slot. */
const SLOT_RELEASE_FALLBACK_MS = 5_000;

/** `timeout`'s duration argument: seconds, to a tenth. */
function seconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 100)) / 10);
}

/** The command line sent to the server for one argv. */
export function remoteCommand(argv: readonly string[], options: { timeoutMs: number; sudo?: boolean }): string {
  if (argv.length === 0) throw new Error('cannot run an empty command');
  return shellJoin([
    'timeout',
    '-k',
    String(KILL_GRACE_S),
    seconds(options.timeoutMs),
    ...(options.sudo ? ['sudo', '-n'] : []),
    ...argv,
  ]);
}

/** Read and parse a private key, so a wrong passphrase is reported as such before connecting. */
export async function loadPrivateKey(
  path: string,
  passphrase: string | undefined,
  readFile: (path: string) => Promise<Buffer> = fsReadFile,
): Promise<Buffer> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw keyUnreadableError(path, reason);
  }
  const parsed = utils.parseKey(data, passphrase);
  if (parsed instanceof Error) {
    if (/passphrase/i.test(parsed.message))
      throw keyPassphraseError(path, passphrase !== undefined && passphrase !== '');
    throw keyUnreadableError(path, `not a private key ssh2 can read (${parsed.message})`);
  }
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key.getPrivatePEM() === null) throw keyUnreadableError(path, 'it holds a public key, not a private key');
  return data;
}

/** One attempt at a connection; `dead` once its socket closed. */
interface Connection {
  client: Client;
  ready: Promise<void>;
  dead: boolean;
}

interface OutputBuffer {
  chunks: Buffer[];
  bytes: number;
  truncated: boolean;
}

function collect(buf: OutputBuffer, data: Buffer, maxBytes: number): void {
  if (buf.bytes >= maxBytes) {
    buf.truncated = true;
    return;
  }
  const room = maxBytes - buf.bytes;
  const piece = data.length > room ? data.subarray(0, room) : data;
  if (data.length > room) buf.truncated = true;
  buf.chunks.push(piece);
  buf.bytes += piece.length;
}

const newBuffer = (): OutputBuffer => ({ chunks: [], bytes: 0, truncated: false });

function isConnectionGone(err: Error): boolean {
  return /Not connected|No response from server|server closed channel unexpectedly/.test(err.message);
}

export class SshTransport implements Transport {
  readonly describe: string;
  /** Counters for tests and the benchmark. */
  readonly stats = { connections: 0, channels: 0, peakChannels: 0 };

  private readonly where: ConnectWhere;
  private readonly slots: Slots;
  private readonly env: SshEnv;
  private readonly idleCloseMs: number;
  private readonly keepaliveIntervalMs: number;
  private readonly connectTimeoutMs: number;
  private readonly readFile: (path: string) => Promise<Buffer>;
  private conn: Connection | undefined;
  private connecting: Promise<Connection> | undefined;
  private pending = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly target: Target,
    options: SshTransportOptions = {},
  ) {
    this.where = { host: target.host, port: target.port, user: target.user ?? '', targetName: target.name };
    this.describe = `${target.user ?? '?'}@${target.host}:${target.port}`;
    this.slots = new Slots(target.maxConcurrency);
    this.env = options.env ?? {};
    this.idleCloseMs = options.idleCloseMs ?? 60_000;
    this.keepaliveIntervalMs = options.keepaliveIntervalMs ?? 15_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.readFile = options.readFile ?? fsReadFile;
  }

  /** True while a connection is open or opening. */
  get connected(): boolean {
    return this.conn !== undefined && !this.conn.dead;
  }

  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const command = remoteCommand(argv, { timeoutMs, sudo: options.sudo });
    this.pending++;
    this.cancelIdle();
    const slot = await this.slots.acquire();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      slot();
      this.stats.channels--;
      this.pending--;
      if (this.pending === 0) this.scheduleIdle();
    };
    this.stats.channels++;
    this.stats.peakChannels = Math.max(this.stats.peakChannels, this.stats.channels);
    try {
      const { conn, channel } = await this.openChannel(command);
      return await this.run(conn, channel, { timeoutMs, maxBytes }, release);
    } catch (err) {
      release();
      throw err;
    }
  }

  async close(): Promise<void> {
    this.cancelIdle();
    const conn = this.conn;
    this.conn = undefined;
    if (conn) await this.endConnection(conn);
  }

  /** Open an exec channel, reconnecting once after a dropped connection and retrying once on a refused channel. */
  private async openChannel(command: string): Promise<{ conn: Connection; channel: ClientChannel }> {
    for (let attempt = 0; ; attempt++) {
      const conn = await this.connection();
      try {
        const channel = await new Promise<ClientChannel>((resolve, reject) => {
          try {
            conn.client.exec(command, (err, ch) => {
              if (err) return reject(err);
              // ssh2 can parse the exit-status in the same chunk as the exec reply, before run() attaches
              // its listeners (a fast command on a fast server): record it now so it is not lost.
              ch.once('exit', (c: number | null, sig?: string) => earlyExits.set(ch, { code: c, signal: sig }));
              resolve(ch);
            });
          } catch (err) {
            // ssh2 throws `Not connected` synchronously when the socket is already gone.
            reject(err);
          }
        });
        return { conn, channel };
      } catch (err) {
        const e = err as Error;
        const gone = conn.dead || isConnectionGone(e);
        if (gone) this.forget(conn);
        if (attempt === 0) {
          if (!gone) await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        if (gone) throw droppedError(this.where, e.message);
        throw new TransportError(
          'disconnected',
          `${this.describe} refused to open another SSH session channel (${e.message}).`,
          `sshd's MaxSessions (default 10) is lower than maxConcurrency (${this.target.maxConcurrency}) for target "${this.target.name}", or another client shares the connection; lower maxConcurrency.`,
        );
      }
    }
  }

  private run(
    conn: Connection,
    channel: ClientChannel,
    opts: { timeoutMs: number; maxBytes: number },
    release: () => void,
  ): Promise<ExecResult> {
    const started = Date.now();
    return new Promise<ExecResult>((resolve, reject) => {
      const stdout = newBuffer();
      const stderr = newBuffer();
      let code: number | null = null;
      let signal: string | null = null;
      let gotExit = false;
      let done = false;
      let fallback: NodeJS.Timeout | undefined;

      const finish = (localDeadline: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        const durationMs = Date.now() - started;
        if (!localDeadline && !gotExit && conn.dead) {
          reject(droppedError(this.where));
          return;
        }
        const timedOut = localDeadline || code === 124 || (code === 137 && durationMs >= opts.timeoutMs);
        resolve({
          code: localDeadline ? null : code,
          signal,
          stdout: Buffer.concat(stdout.chunks).toString('utf8'),
          stderr: Buffer.concat(stderr.chunks).toString('utf8'),
          durationMs,
          truncated: stdout.truncated || stderr.truncated,
          timedOut,
        });
      };

      // Past maxBytes the data is read and dropped, so the window keeps moving and the command can finish.
      channel.on('data', (d: Buffer) => collect(stdout, d, opts.maxBytes));
      channel.stderr.on('data', (d: Buffer) => collect(stderr, d, opts.maxBytes));
      const onExit = (c: number | null, sig?: string) => {
        gotExit = true;
        if (typeof c === 'number') code = c;
        else signal = sig ?? null;
      };
      const early = earlyExits.get(channel);
      if (early) onExit(early.code, early.signal);
      channel.on('exit', onExit);
      channel.on('error', () => {
        // Errors on a closing channel (writes after close) change nothing; 'close' follows.
      });
      channel.on('close', () => {
        clearTimeout(fallback);
        release();
        // Let both streams deliver what they still hold before reading them.
        setImmediate(() => finish(false));
      });

      const deadline = setTimeout(
        () => {
          try {
            channel.close();
          } catch {
            // the connection is already gone
          }
          finish(true);
          // The server normally answers the close at once; if it never does, do not hold the slot forever.
          fallback = setTimeout(release, SLOT_RELEASE_FALLBACK_MS);
          fallback.unref();
        },
        opts.timeoutMs + KILL_GRACE_S * 1000 + LOCAL_SLACK_MS,
      );
    });
  }

  /** The open connection, or a new one; concurrent callers share one attempt. */
  private async connection(): Promise<Connection> {
    if (this.conn && !this.conn.dead) {
      const conn = this.conn;
      await conn.ready;
      return conn;
    }
    if (!this.connecting) {
      this.connecting = this.connect().finally(() => {
        this.connecting = undefined;
      });
    }
    const conn = await this.connecting;
    if (this.conn !== conn && !conn.dead) this.conn = conn;
    try {
      await conn.ready;
    } catch (err) {
      this.forget(conn);
      throw err;
    }
    return conn;
  }

  private forget(conn: Connection): void {
    conn.dead = true;
    if (this.conn === conn) this.conn = undefined;
    try {
      conn.client.destroy();
    } catch {
      // already closed
    }
  }

  private async connect(): Promise<Connection> {
    const t = this.target;
    if (!t.user) {
      throw new TransportError(
        'auth_failed',
        `Target "${t.name}" has no user to log in as.`,
        `Set user in target "${t.name}" (e.g. user: omsbot).`,
      );
    }
    const auth: Partial<ConnectConfig> = {};
    if (t.agent) {
      if (!this.env.SSH_AUTH_SOCK) {
        throw new TransportError(
          'auth_failed',
          `Target "${t.name}" uses ssh-agent, but SSH_AUTH_SOCK is not set for the bot.`,
          'Start the bot with SSH_AUTH_SOCK pointing at a running ssh-agent that holds the key (ssh-add -l), or set privateKey instead.',
        );
      }
      auth.agent = this.env.SSH_AUTH_SOCK;
    } else if (t.privateKey) {
      const passphrase = this.env.OMS_CHATOPS_KEY_PASSPHRASE || undefined;
      auth.privateKey = await loadPrivateKey(t.privateKey, passphrase, this.readFile);
      if (passphrase) auth.passphrase = passphrase;
    } else {
      throw keyUnreadableError('(none)', `target "${t.name}" names neither privateKey nor agent: true`);
    }

    let knownHostsText: string | undefined;
    if (!t.hostKey && t.knownHosts) {
      try {
        knownHostsText = (await this.readFile(t.knownHosts)).toString('utf8');
      } catch (err) {
        throw new TransportError(
          'host_key_unknown',
          `The known_hosts file ${t.knownHosts} of target "${t.name}" cannot be read (${(err as Error).message}), so the host key cannot be checked.`,
          `Fix the knownHosts path, or pin the key directly with hostKey: "SHA256:…" (run \`oms-chatops keyscan ${t.name}\`).`,
        );
      }
    }
    const pin = { host: t.host, port: t.port, hostKey: t.hostKey, knownHostsText };
    const serverHostKey = pinnedKeyAlgorithms(pin);

    const client = new Client();
    let verdict: HostKeyVerdict | undefined;
    const conn: Connection = { client, dead: false, ready: Promise.resolve() };
    conn.ready = new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (err: TransportError) => {
        if (settled) return;
        settled = true;
        reject(err);
      };
      client.on('ready', () => {
        settled = true;
        this.stats.connections++;
        resolve();
      });
      // Always listened to: an unhandled 'error' event (ECONNRESET, keepalive timeout) would crash the bot.
      client.on('error', (err: Error & { level?: string; code?: string }) => {
        if (verdict && !verdict.ok) {
          const { message, hint } = describeHostKeyRefusal(verdict, this.where);
          fail(new TransportError(verdict.code, message, hint));
          return;
        }
        fail(connectError(err, this.where));
      });
      client.on('close', () => {
        conn.dead = true;
        if (this.conn === conn) this.conn = undefined;
        fail(droppedError(this.where, 'closed during login'));
      });
      try {
        client.connect({
          host: t.host,
          port: t.port,
          username: t.user,
          ...auth,
          readyTimeout: this.connectTimeoutMs,
          keepaliveInterval: this.keepaliveIntervalMs,
          keepaliveCountMax: 3,
          ...(serverHostKey ? { algorithms: { serverHostKey: serverHostKey as never } } : {}),
          hostVerifier: (key: Buffer) => {
            verdict = verifyHostKey(pin, key);
            return verdict.ok;
          },
        });
        // Without it, Nagle's algorithm and delayed ACKs add ~40 ms to every channel open and exec request.
        client.setNoDelay(true);
      } catch (err) {
        fail(connectError(err as Error, this.where));
      }
    });
    // The rejection is delivered through `connection()`; keep Node from reporting it twice.
    conn.ready.catch(() => undefined);
    this.conn = conn;
    return conn;
  }

  private endConnection(conn: Connection): Promise<void> {
    return new Promise((resolve) => {
      if (conn.dead) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        conn.client.destroy();
        resolve();
      }, 2_000);
      conn.client.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      conn.client.end();
    });
  }

  private scheduleIdle(): void {
    this.cancelIdle();
    if (!this.conn) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.pending === 0) void this.close();
    }, this.idleCloseMs);
    this.idleTimer.unref();
  }

  private cancelIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

/** Connect only far enough to see the server's host key, then abort (no login). */
export function fetchHostKey(
  host: string,
  port: number,
  options: { timeoutMs?: number; targetName?: string } = {},
): Promise<Buffer> {
  const where: ConnectWhere = { host, port, user: '', targetName: options.targetName ?? host };
  return new Promise((resolve, reject) => {
    const client = new Client();
    let key: Buffer | undefined;
    let settled = false;
    const settle = (err?: TransportError) => {
      if (settled) return;
      settled = true;
      client.destroy();
      if (key) resolve(key);
      else reject(err ?? droppedError(where, 'closed before the host key arrived'));
    };
    client.on('error', (err: Error) => settle(connectError(err, where)));
    client.on('close', () => settle());
    try {
      client.connect({
        host,
        port,
        username: 'oms-chatops-keyscan',
        readyTimeout: options.timeoutMs ?? 10_000,
        hostVerifier: (blob: Buffer) => {
          key = Buffer.from(blob);
          // Refusing the key ends the handshake before any authentication.
          return false;
        },
      });
    } catch (err) {
      settle(connectError(err as Error, where));
    }
  });
}
