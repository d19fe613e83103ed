/**
 * Fewer SSH sessions for a fleet run: the commands a run asks for at the same moment (layout discovery's
 * three, a round of checks, the follow-up round) are sent a few per session (src/transport/batch-script.ts)
 * instead of one session each. On a server a session costs a fork of sshd, a login shell and the channel's
 * setup on both sides (measured in docs/fleet.md); thirty servers on two cores spend most of a fleet run
 * there.
 *
 * The price is order: inside a session the commands run one after the other, so a command that hangs delays
 * the ones after it in its session (each still has its own deadline, counted from its own start). Hence only
 * the checks of a fleet run are batched (src/app/fleet.ts; each target also has its own deadline there),
 * never a single target's diagnosis (its commands keep running side by side on their own channels) and
 * never an action (actions do not go through this wrapper).
 */
import { DEFAULT_TIMEOUT_MS, type ExecOptions, type ExecResult, type Transport } from './transport.js';

/**
 * Commands per session at most. Ten: the round of a login diagnosis (16 commands after a discovery, 18 when
 * the layout came from the cache) goes in two sessions instead of three; each session fewer saves the server
 * a fork of sshd, a shell and a channel's setup (docs/fleet.md, measured), while a command that hangs still
 * holds up at most nine others.
 */
export const COMMANDS_PER_SESSION = 10;

interface Waiting {
  argv: readonly string[];
  options: ExecOptions | undefined;
  resolve(r: ExecResult): void;
  reject(e: unknown): void;
}

/**
 * Split commands (given by their deadlines, in the order asked) into sessions of at most `perSession`: as few
 * sessions as that allows, the commands dealt out in turn so the sessions are about as long, and in each
 * session the shorter deadlines first (a command that may take long holds up fewer others). Pure.
 */
export function planSessions(timeoutsMs: readonly number[], perSession = COMMANDS_PER_SESSION): number[][] {
  if (perSession < 1) throw new Error('perSession must be at least 1');
  const count = Math.ceil(timeoutsMs.length / perSession);
  const order = timeoutsMs.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i);
  const sessions: number[][] = Array.from({ length: count }, () => []);
  order.forEach(({ i }, k) => sessions[k % count]!.push(i));
  return sessions;
}

/**
 * The transport, with the commands asked for in one turn of the event loop sent together, a few per session.
 * A transport without `execBatch` (the local target, one that could not be reached) is returned unchanged.
 */
export function batching(transport: Transport, perSession = COMMANDS_PER_SESSION): Transport {
  if (!transport.execBatch) return transport;
  const execBatch = transport.execBatch.bind(transport);
  let waiting: Waiting[] = [];
  const flush = () => {
    const asked = waiting;
    waiting = [];
    for (const session of planSessions(
      asked.map((w) => w.options?.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      perSession,
    )) {
      const group = session.map((i) => asked[i]!);
      if (group.length === 1) {
        // One command alone gains nothing from the framing: an ordinary session.
        const [w] = group as [Waiting];
        transport.exec(w.argv, w.options).then(w.resolve, w.reject);
        continue;
      }
      const results = execBatch(group.map((w) => ({ argv: w.argv, ...(w.options ? { options: w.options } : {}) })));
      results.forEach((p, k) => p.then(group[k]!.resolve, group[k]!.reject));
    }
  };
  return {
    describe: transport.describe,
    ...(transport.connect ? { connect: () => transport.connect!() } : {}),
    execBatch,
    close: () => transport.close(),
    exec(argv, options) {
      return new Promise<ExecResult>((resolve, reject) => {
        waiting.push({ argv, options, resolve, reject });
        if (waiting.length === 1) setImmediate(flush);
      });
    },
  };
}
