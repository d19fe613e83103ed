/**
 * Exec channels on a pooled connection: the remote command line (`timeout -k`
 * so a hung command dies on the server and frees its session slot), opening a
 * channel with one reconnect or retry, output caps, and the local deadline.
 */
import type { ClientChannel } from 'ssh2';
import { shellJoin } from '../quote.js';
import { TransportError, type ExecResult } from '../transport.js';
import type { Connection, SshConnector } from './connection.js';
import { droppedError, type ConnectWhere } from './errors.js';

/** Seconds `timeout -k` waits after TERM before KILL on the server. */
export const KILL_GRACE_S = 2;
/** The local deadline is the remote one plus the kill grace plus this slack for the network. */
export const LOCAL_SLACK_MS = 1_000;
/** After a local deadline, wait this long for the server's channel close before reusing the slot. */
export const SLOT_RELEASE_FALLBACK_MS = 5_000;

/** Exit statuses that arrived before `runChannel()` listened (see `openChannel`). */
const earlyExits = new WeakMap<ClientChannel, { code: number | null; signal?: string }>();

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

/** Who the channels are for, to name them in errors. */
export interface ChannelContext {
  connector: SshConnector;
  where: ConnectWhere;
  /** `user@host:port`. */
  describe: string;
  targetName: string;
  maxConcurrency: number;
}

/**
 * Waits before each retry of a refused channel. sshd can still count a session for a moment after it
 * closed the channel (more so on a loaded server), so a refusal under our own limit is usually brief.
 */
const REFUSED_RETRY_MS = [200, 500, 1000];

/** Open an exec channel, reconnecting once after a dropped connection and retrying a refused channel. */
export async function openChannel(
  ctx: ChannelContext,
  command: string,
): Promise<{ conn: Connection; channel: ClientChannel }> {
  let refused = 0;
  for (let attempt = 0; ; attempt++) {
    const conn = await ctx.connector.get();
    try {
      const channel = await new Promise<ClientChannel>((resolve, reject) => {
        try {
          conn.client.exec(command, (err, ch) => {
            if (err) return reject(err);
            // ssh2 can parse the exit-status in the same chunk as the exec reply, before runChannel() attaches
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
      if (gone) ctx.connector.forget(conn);
      if (gone && attempt === 0) continue;
      if (gone) throw droppedError(ctx.where, e.message);
      const wait = REFUSED_RETRY_MS[refused++];
      if (wait !== undefined) {
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      throw new TransportError(
        'disconnected',
        `${ctx.describe} refused to open another SSH session channel (${e.message}).`,
        `sshd's MaxSessions (default 10) is lower than maxConcurrency (${ctx.maxConcurrency}) ` +
          `for target "${ctx.targetName}", or another client shares the connection; lower maxConcurrency.`,
      );
    }
  }
}

/** Read one channel to its end, within `maxBytes` per stream and the deadline; `release` frees its slot. */
export function runChannel(
  conn: Connection,
  channel: ClientChannel,
  opts: { timeoutMs: number; maxBytes: number; where: ConnectWhere },
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
        reject(droppedError(opts.where));
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
