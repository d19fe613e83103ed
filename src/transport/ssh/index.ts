/**
 * The SSH transport: one pooled ssh2 connection per target, reused across checks
 * and requests, closed when idle, reopened transparently after a drop. Channels
 * are limited per connection (`maxConcurrency`, below OpenSSH's MaxSessions).
 * ssh2 is imported only in this folder: connection.ts (auth, pinning, keepalive,
 * reconnect), channel.ts (open with retry, caps, deadlines), key.ts, scan.ts.
 */
import { randomBytes } from 'node:crypto';
import { readFile as fsReadFile } from 'node:fs/promises';
import type { Target } from '../../config/target.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  type BatchCommand,
  type ExecOptions,
  type ExecResult,
  type Transport,
} from '../transport.js';
import { batchInput, batchScript } from '../batch-script.js';
import { runBatchChannel, type BatchItem } from './batch.js';
import { openChannel, remoteCommand, runChannel, type ChannelContext } from './channel.js';
import { SshConnector, type SshEnv } from './connection.js';
import { Slots } from './slots.js';

export { remoteCommand } from './channel.js';
export type { SshEnv } from './connection.js';
export { loadPrivateKey } from './key.js';
export { fetchHostKey } from './scan.js';

export interface SshTransportOptions {
  env?: SshEnv;
  /** Close the connection after this long without commands (default 60 s). */
  idleCloseMs?: number;
  /** SSH keepalive interval (default 15 s); three missed answers drop the connection. */
  keepaliveIntervalMs?: number;
  /** Handshake and login deadline (default 10 s). */
  connectTimeoutMs?: number;
  /** From TCP connect to the end of the key exchange (default 2 s): a host that accepts and stays silent. */
  handshakeTimeoutMs?: number;
  readFile?: (path: string) => Promise<Buffer>;
}

export class SshTransport implements Transport {
  readonly describe: string;
  /** Counters for tests and the benchmark. */
  readonly stats = { connections: 0, channels: 0, peakChannels: 0 };

  private readonly connector: SshConnector;
  private readonly channels: ChannelContext;
  private readonly slots: Slots;
  private readonly idleCloseMs: number;
  private pending = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(target: Target, options: SshTransportOptions = {}) {
    const where = { host: target.host, port: target.port, user: target.user ?? '', targetName: target.name };
    this.describe = `${target.user ?? '?'}@${target.host}:${target.port}`;
    this.slots = new Slots(target.maxConcurrency);
    this.idleCloseMs = options.idleCloseMs ?? 60_000;
    this.connector = new SshConnector(target, where, {
      env: options.env ?? {},
      keepaliveIntervalMs: options.keepaliveIntervalMs ?? 15_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      ...(options.handshakeTimeoutMs !== undefined ? { handshakeTimeoutMs: options.handshakeTimeoutMs } : {}),
      readFile: options.readFile ?? fsReadFile,
      onReady: () => this.stats.connections++,
    });
    this.channels = {
      connector: this.connector,
      where,
      describe: this.describe,
      targetName: target.name,
      maxConcurrency: target.maxConcurrency,
    };
  }

  /** True while a connection is open or opening. */
  get connected(): boolean {
    const conn = this.connector.current;
    return conn !== undefined && !conn.dead;
  }

  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const command = remoteCommand(argv, { timeoutMs, sudo: options.sudo });
    const release = await this.takeSlot();
    try {
      const { conn, channel } = await openChannel(this.channels, command);
      return await runChannel(conn, channel, { timeoutMs, maxBytes, where: this.channels.where }, release);
    } catch (err) {
      release();
      throw err;
    }
  }

  /**
   * Several commands in one session, one after the other (src/transport/batch-script.ts). A command whose
   * line cannot be built (a NUL byte) is refused alone; the others run.
   */
  execBatch(commands: readonly BatchCommand[]): Array<Promise<ExecResult>> {
    const items: BatchItem[] = [];
    const lines: string[] = [];
    const promises = commands.map(
      ({ argv, options = {} }) =>
        new Promise<ExecResult>((resolve, reject) => {
          const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
          lines.push(remoteCommand(argv, { timeoutMs, sudo: options.sudo }));
          const settle = (r: ExecResult | Error) => (r instanceof Error ? reject(r) : resolve(r));
          items.push({ timeoutMs, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, settle });
        }),
    );
    if (items.length > 0) void this.runBatch(lines, items);
    return promises;
  }

  private async runBatch(lines: readonly string[], items: readonly BatchItem[]): Promise<void> {
    const input = batchInput(randomBytes(12).toString('hex'));
    const nonce = input.trim();
    const release = await this.takeSlot();
    try {
      const { conn, channel } = await openChannel(this.channels, batchScript(lines));
      runBatchChannel(conn, channel, { nonce, items, where: this.channels.where }, release);
      // Through stdin, never in the command line (see src/transport/batch-script.ts).
      channel.end(input);
    } catch (err) {
      release();
      for (const item of items) item.settle(err as Error);
    }
  }

  /** Wait for a channel slot; the function returned frees it (once). */
  private async takeSlot(): Promise<() => void> {
    this.pending++;
    this.cancelIdle();
    const slot = await this.slots.acquire();
    let released = false;
    this.stats.channels++;
    this.stats.peakChannels = Math.max(this.stats.peakChannels, this.stats.channels);
    return () => {
      if (released) return;
      released = true;
      slot();
      this.stats.channels--;
      this.pending--;
      if (this.pending === 0) this.scheduleIdle();
    };
  }

  async connect(): Promise<void> {
    this.cancelIdle();
    try {
      await this.connector.get();
    } finally {
      // A connection nobody uses closes after the idle time, as after the last command.
      if (this.pending === 0) this.scheduleIdle();
    }
  }

  async close(): Promise<void> {
    this.cancelIdle();
    await this.connector.close();
  }

  private scheduleIdle(): void {
    this.cancelIdle();
    if (!this.connector.current) return;
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
