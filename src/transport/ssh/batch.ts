/**
 * Reading one batch session (src/transport/batch-script.ts) on an open exec channel: each command's result is
 * settled as soon as its end markers arrive (so checks finish, and show progress, one by one), with its own
 * output cap and exit status. Deadlines: every command runs under its own `timeout -k` on the server; here,
 * the command running has its deadline plus the kill grace and a network slack from the moment the one
 * before it finished. When that passes (a hung server or connection), the channel is closed: the finished
 * commands keep their results, the unfinished ones are "timed out" (those that never began say so). After the
 * last command, a channel still open past the kill grace and the slack is closed too.
 */
import type { ClientChannel } from 'ssh2';
import { BatchFrames } from '../batch-frames.js';
import type { ExecResult } from '../transport.js';
import { KILL_GRACE_S, LOCAL_SLACK_MS, SLOT_RELEASE_FALLBACK_MS } from './channel.js';
import type { Connection } from './connection.js';
import { droppedError, type ConnectWhere } from './errors.js';

/** The stderr of a command the session's deadline stopped before it began. */
const NOT_STARTED =
  '未开始：同一 SSH 会话中排在它前面的命令未在期限内结束，请单独诊断此目标 / ' +
  'did not start: the command before it in the same SSH session did not finish in time; ' +
  'diagnose this target alone to run it';

/** One command of the batch as the reader needs it. */
export interface BatchItem {
  timeoutMs: number;
  maxBytes: number;
  settle(result: ExecResult | Error): void;
}

/** Read the batch channel to its end (or its deadline); `release` frees its slot. */
export function runBatchChannel(
  conn: Connection,
  channel: ClientChannel,
  batch: { nonce: string; items: readonly BatchItem[]; where: ConnectWhere },
  release: () => void,
): void {
  const { items } = batch;
  const opened = Date.now();
  const startedAt: number[] = items.map(() => opened);
  const settled = items.map(() => false);
  let signal: string | null = null;
  let deadline: NodeJS.Timeout | undefined;
  let fallback: NodeJS.Timeout | undefined;
  let done = false;

  const resultOf = (i: number, extra: Partial<ExecResult> = {}): ExecResult => {
    const out = frames.output(i);
    const durationMs = Date.now() - startedAt[i]!;
    const code = out.code;
    return {
      code,
      signal: null,
      stdout: out.stdout.toString('utf8'),
      stderr: out.stderr.toString('utf8'),
      durationMs,
      truncated: out.truncated,
      timedOut: code === 124 || (code === 137 && durationMs >= items[i]!.timeoutMs),
      ...extra,
    };
  };
  const settle = (i: number, result: ExecResult | Error) => {
    if (settled[i]) return;
    settled[i] = true;
    items[i]!.settle(result);
  };
  /** The running command's deadline, from now (the one before it has just finished). */
  const arm = () => {
    clearTimeout(deadline);
    const next = settled.indexOf(false);
    // All finished: the shell is exiting. A process a command left behind (still holding the session's output)
    // keeps the channel open; past the kill grace and the network slack it is closed, as a command alone is.
    const wait = next === -1 ? 0 : items[next]!.timeoutMs;
    deadline = setTimeout(onDeadline, wait + KILL_GRACE_S * 1000 + LOCAL_SLACK_MS);
  };
  const frames = new BatchFrames(
    batch.nonce,
    items.map((i) => i.maxBytes),
    {
      begun: (i) => (startedAt[i] = Date.now()),
      finished: (i) => {
        settle(i, resultOf(i));
        arm();
      },
    },
  );

  const finish = (why: 'closed' | 'deadline') => {
    if (done) return;
    done = true;
    clearTimeout(deadline);
    frames.end();
    const dropped = why === 'closed' && conn.dead;
    const ended =
      '(会话在此命令完成前结束，请重新诊断或单独诊断此目标 / the session ended before this command finished; ' +
      'run the diagnosis again, or on this target alone)';
    const stray = frames.strayText().trim();
    items.forEach((_, i) => {
      if (settled[i]) return;
      if (dropped) return settle(i, droppedError(batch.where));
      if (why === 'deadline') {
        // Commands that never began lost their time to the one before them: said, so it is not taken for theirs.
        const waited = frames.begun(i) ? {} : { stderr: NOT_STARTED };
        return settle(i, resultOf(i, { code: null, timedOut: true, ...waited }));
      }
      const before = resultOf(i).stderr;
      const stderr = [before, stray, ended].filter((t) => t !== '').join('\n');
      // A signal that ended the session is the running command's; the ones after it never began.
      settle(i, resultOf(i, { code: null, signal: frames.begun(i) ? signal : null, stderr, timedOut: false }));
    });
  };
  const onDeadline = () => {
    try {
      channel.close();
    } catch {
      // the connection is already gone
    }
    finish('deadline');
    // The server normally answers the close at once; if it never does, do not hold the slot forever.
    fallback = setTimeout(release, SLOT_RELEASE_FALLBACK_MS);
    fallback.unref();
  };

  channel.on('data', (d: Buffer) => frames.push(0, d));
  channel.stderr.on('data', (d: Buffer) => frames.push(1, d));
  channel.on('exit', (c: number | null, sig?: string) => {
    if (typeof c !== 'number') signal = sig ?? null;
  });
  channel.on('error', () => {
    // Errors on a closing channel (writes after close) change nothing; 'close' follows.
  });
  channel.on('close', () => {
    clearTimeout(fallback);
    release();
    // Let both streams deliver what they still hold before reading them.
    setImmediate(() => finish('closed'));
  });
  arm();
}
