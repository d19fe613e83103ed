/**
 * One run on one target (a diagnosis: layout discovery, the checks, the follow-up round, a second discovery)
 * often asks for the same command more than once: two checks read the same `.env`, discovery and a check both
 * dump `nginx -T` through sudo. Through this wrapper an identical command line runs once per run and every
 * caller gets its result; on a real server that is one SSH session (and one sudo) fewer each time.
 */
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  type ExecOptions,
  type ExecResult,
  type Transport,
} from './transport.js';

interface Ran {
  result: Promise<ExecResult>;
  /** The command has answered (or failed). */
  settled: boolean;
  timeoutMs: number;
  maxBytes: number;
}

/** A transport that runs each distinct command once; `ran` and `shared` count what it did (tests, benchmarks). */
export interface OncePerRunTransport extends Transport {
  /** Commands sent to the server. */
  readonly ran: number;
  /** Answers given from a command that had already run (or was running). */
  readonly shared: number;
}

/**
 * Wrap a target's transport for the length of one run. Commands are the same when their argv and sudo are;
 * a caller whose options ask for more than the first run gave (a larger output cap when that output was cut,
 * a longer deadline when that one passed) gets a run of its own; a shorter deadline than one still running
 * waits only that long (then: timed out, as its own run would have). A smaller cap gets the output cut to it.
 * Results are frozen; a failed attempt is not kept for later callers.
 * Only for one run: outputs are never kept beyond it, so the next run sees the server as it is then.
 */
export function oncePerRun(transport: Transport): OncePerRunTransport {
  const runs = new Map<string, Ran>();
  let ran = 0;
  let shared = 0;
  const start = (key: string, argv: readonly string[], options: ExecOptions, timeoutMs: number, maxBytes: number) => {
    ran++;
    // Frozen: a caller that changed its result in place would change every other caller's.
    const result = transport.exec(argv, options).then((r) => Object.freeze(r));
    const entry: Ran = { result, timeoutMs, maxBytes, settled: false };
    runs.set(key, entry);
    // A failure to reach the target answers the callers waiting on this attempt; a later caller tries again.
    result.then(
      () => void (entry.settled = true),
      () => {
        entry.settled = true;
        if (runs.get(key) === entry) runs.delete(key);
      },
    );
    return result;
  };
  return {
    describe: transport.describe,
    get ran() {
      return ran;
    },
    get shared() {
      return shared;
    },
    ...(transport.connect ? { connect: () => transport.connect!() } : {}),
    close: () => transport.close(),
    async exec(argv, options = {}) {
      const key = `${options.sudo ? 'sudo' : ''}\0${argv.join('\0')}`;
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
      const before = runs.get(key);
      if (!before) return start(key, argv, options, timeoutMs, maxBytes);
      // A caller with a shorter deadline than a command still running waits for it only as long as its own
      // deadline: past it, the answer is "timed out" as the command would have been (one session all the same).
      // A failure to reach the target is shared with the callers already waiting: the same attempt answers them.
      const waited =
        before.settled || timeoutMs >= before.timeoutMs ? await before.result : await within(before, timeoutMs);
      if (waited === 'late') {
        shared++;
        return lateResult(timeoutMs);
      }
      const r = waited;
      const tooShort = r.timedOut && timeoutMs > before.timeoutMs;
      const tooSmall = r.truncated && maxBytes > before.maxBytes;
      if (tooShort || tooSmall) return start(key, argv, options, timeoutMs, maxBytes);
      shared++;
      return cut(r, maxBytes);
    },
  };
}

/** The result as a caller with a smaller output cap would have got it (per stream, like the transports). */
function cut(r: ExecResult, maxBytes: number): ExecResult {
  const out = capped(r.stdout, maxBytes);
  const err = capped(r.stderr, maxBytes);
  return { ...r, stdout: out.text, stderr: err.text, truncated: r.truncated || out.cut || err.cut };
}

function capped(text: string, maxBytes: number): { text: string; cut: boolean } {
  // Most outputs are far below any cap: the byte length is counted only when the characters could exceed it.
  if (text.length * 3 <= maxBytes) return { text, cut: false };
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return { text, cut: false };
  return { text: bytes.subarray(0, maxBytes).toString('utf8'), cut: true };
}

/** The running command's answer, or `late` once `timeoutMs` has passed without one. */
async function within(run: Ran, timeoutMs: number): Promise<ExecResult | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  try {
    return await Promise.race([run.result, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** What a caller whose deadline passed first gets: nothing arrived in time. */
function lateResult(timeoutMs: number): ExecResult {
  return { code: null, signal: null, stdout: '', stderr: '', durationMs: timeoutMs, truncated: false, timedOut: true };
}
