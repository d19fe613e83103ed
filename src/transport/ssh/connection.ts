/**
 * One SSH connection per target: authentication (key or agent), host key pinning,
 * keepalive, and reconnecting after a drop. Concurrent callers share one attempt;
 * a dead connection is forgotten, and the next caller opens a new one.
 */
import { Client, type ConnectConfig, type PublicKeyAuthMethod } from 'ssh2';
import type { Target } from '../../config/target.js';
import { describeHostKeyRefusal, pinnedKeyAlgorithms, verifyHostKey, type HostKeyVerdict } from '../host-key.js';
import { TransportError } from '../transport.js';
import { connectError, droppedError, handshakeTimeoutError, keyUnreadableError, type ConnectWhere } from './errors.js';
import { loadPrivateKey } from './key.js';

/** Environment the transport may use; passed in, never read from `process.env` here. */
export interface SshEnv {
  OMS_CHATOPS_KEY_PASSPHRASE?: string;
  SSH_AUTH_SOCK?: string;
}

/** See {@link ConnectorOptions.handshakeTimeoutMs}: kex over a slow WAN link still takes well under this. */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 2_000;
/** A hung host's failure is answered from memory for this many handshake deadlines (10 s by default). */
const HUNG_MEMORY_FACTOR = 5;

/** One attempt at a connection; `dead` once its socket closed. */
export interface Connection {
  client: Client;
  ready: Promise<void>;
  dead: boolean;
}

export interface ConnectorOptions {
  env: SshEnv;
  /** SSH keepalive interval; three missed answers drop the connection. */
  keepaliveIntervalMs: number;
  /** Handshake and login deadline. */
  connectTimeoutMs: number;
  /**
   * Deadline from the TCP connection to the end of the key exchange. An SSH server sends its greeting at once
   * and the exchange takes a few round trips; a host that accepted the connection and stays silent is hung.
   */
  handshakeTimeoutMs?: number;
  readFile: (path: string) => Promise<Buffer>;
  /** Called once per successful login (the transport counts connections). */
  onReady?: () => void;
}

interface Pin {
  host: string;
  port: number;
  hostKey?: string;
  knownHostsText?: string;
}

/** Holds the connection to one target and opens a new one when it is gone. */
export class SshConnector {
  private conn: Connection | undefined;
  private connecting: Promise<Connection> | undefined;
  /** A host that stayed silent through the handshake is not asked again for a while (discovery, then checks). */
  private hung: { error: TransportError; until: number } | undefined;

  constructor(
    private readonly target: Target,
    private readonly where: ConnectWhere,
    private readonly options: ConnectorOptions,
  ) {}

  /** The connection held now (open or opening), if any. */
  get current(): Connection | undefined {
    return this.conn;
  }

  /** The open connection, or a new one; concurrent callers share one attempt. */
  async get(): Promise<Connection> {
    if (this.hung && Date.now() < this.hung.until) throw this.hung.error;
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

  /** Drop a connection that failed; the next `get()` opens a new one. */
  forget(conn: Connection): void {
    conn.dead = true;
    if (this.conn === conn) this.conn = undefined;
    try {
      conn.client.destroy();
    } catch {
      // already closed
    }
  }

  /** End the held connection politely (destroyed after 2 s if the server does not answer). */
  async close(): Promise<void> {
    const conn = this.conn;
    this.conn = undefined;
    if (conn) await endConnection(conn);
  }

  private async connect(): Promise<Connection> {
    const t = this.target;
    // The key and the known_hosts file are read at once; a problem with the key is still reported first.
    const [authRead, knownRead] = await Promise.allSettled([authConfig(t, this.options), this.knownHosts()]);
    if (authRead.status === 'rejected') throw authRead.reason;
    if (knownRead.status === 'rejected') throw knownRead.reason;
    const auth = authRead.value;
    const pin: Pin = { host: t.host, port: t.port, hostKey: t.hostKey, knownHostsText: knownRead.value };
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
      let handshakeTimer: NodeJS.Timeout | undefined;
      const handshakeMs = this.options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
      client.on('connect', () => {
        handshakeTimer = setTimeout(() => {
          const error = handshakeTimeoutError(this.where, handshakeMs);
          this.hung = { error, until: Date.now() + HUNG_MEMORY_FACTOR * handshakeMs };
          fail(error);
          client.destroy();
        }, handshakeMs);
      });
      client.on('handshake', () => clearTimeout(handshakeTimer));
      client.on('ready', () => {
        clearTimeout(handshakeTimer);
        settled = true;
        this.options.onReady?.();
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
        clearTimeout(handshakeTimer);
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
          readyTimeout: this.options.connectTimeoutMs,
          keepaliveInterval: this.options.keepaliveIntervalMs,
          keepaliveCountMax: 3,
          // ssh2's algorithm list type is a closed union of names; ours come from the pinned key's own type.
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
    // The rejection is delivered through `get()`; keep Node from reporting it twice.
    conn.ready.catch(() => undefined);
    this.conn = conn;
    return conn;
  }

  /** The known_hosts text when the target pins through a file instead of `hostKey`. */
  private async knownHosts(): Promise<string | undefined> {
    const t = this.target;
    if (t.hostKey || !t.knownHosts) return undefined;
    try {
      return (await this.options.readFile(t.knownHosts)).toString('utf8');
    } catch (err) {
      throw new TransportError(
        'host_key_unknown',
        `The known_hosts file ${t.knownHosts} of target "${t.name}" cannot be read ` +
          `(${(err as Error).message}), so the host key cannot be checked.`,
        `Fix the knownHosts path, or pin the key directly with hostKey: "SHA256:…" ` +
          `(run \`oms-chatops keyscan ${t.name}\`).`,
      );
    }
  }
}

/** How to log in: ssh-agent, or the private key (with its passphrase from the environment). */
async function authConfig(t: Target, options: ConnectorOptions): Promise<Partial<ConnectConfig>> {
  if (!t.user) {
    throw new TransportError(
      'auth_failed',
      `Target "${t.name}" has no user to log in as.`,
      `Set user in target "${t.name}" (e.g. user: omsbot).`,
    );
  }
  if (t.agent) {
    if (!options.env.SSH_AUTH_SOCK) {
      throw new TransportError(
        'auth_failed',
        `Target "${t.name}" uses ssh-agent, but SSH_AUTH_SOCK is not set for the bot.`,
        'Start the bot with SSH_AUTH_SOCK pointing at a running ssh-agent that holds the key (ssh-add -l), ' +
          'or set privateKey instead.',
      );
    }
    return { agent: options.env.SSH_AUTH_SOCK };
  }
  if (t.privateKey) {
    const passphrase = options.env.OMS_CHATOPS_KEY_PASSPHRASE || undefined;
    const key = await loadPrivateKey(t.privateKey, passphrase, options.readFile);
    // The key as parsed once (src/transport/ssh/key.ts), offered straight away: ssh2 would parse it again for
    // every connection and first try the `none` method, a round trip every server refuses.
    const publickey: PublicKeyAuthMethod = { type: 'publickey', username: t.user, key };
    return { authHandler: [publickey] };
  }
  throw keyUnreadableError('(none)', `target "${t.name}" names neither privateKey nor agent: true`);
}

function endConnection(conn: Connection): Promise<void> {
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
