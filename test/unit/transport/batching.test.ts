import { describe, expect, it } from '@jest/globals';
import { batching, planSessions } from '../../../src/transport/batching.js';
import { oncePerRun } from '../../../src/transport/once-per-run.js';
import {
  TransportError,
  type BatchCommand,
  type ExecOptions,
  type ExecResult,
  type Transport,
} from '../../../src/transport/transport.js';

const answer = (text: string): ExecResult => ({
  code: 0,
  signal: null,
  stdout: text,
  stderr: '',
  durationMs: 1,
  truncated: false,
  timedOut: false,
});

/** A server that notes each session it opened: the commands of each, in the order they ran there. */
class Sessions implements Transport {
  readonly describe = 'sessions';
  readonly sessions: string[][] = [];
  async exec(argv: readonly string[], _options?: ExecOptions): Promise<ExecResult> {
    this.sessions.push([argv.join(' ')]);
    return answer(`alone: ${argv.join(' ')}`);
  }
  execBatch(commands: readonly BatchCommand[]): Array<Promise<ExecResult>> {
    this.sessions.push(commands.map((c) => c.argv.join(' ')));
    return commands.map((c) =>
      c.argv[0] === 'unreachable'
        ? Promise.reject(new TransportError('disconnected', 'dropped', 'run it again'))
        : Promise.resolve(answer(`batched: ${c.argv.join(' ')}`)),
    );
  }
  async close() {}
}

describe('planSessions', () => {
  it('as few sessions as the limit allows, dealt out evenly, shorter deadlines first in each', () => {
    expect(planSessions([], 8)).toEqual([]);
    expect(planSessions([8000], 8)).toEqual([[0]]);
    expect(planSessions([8000, 8000, 8000], 8)).toEqual([[0, 1, 2]]);
    // 10 commands, 8 a session: two sessions of five.
    const ten = planSessions([20_000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 10_000], 8);
    expect(ten.map((s) => s.length)).toEqual([5, 5]);
    expect(ten.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The longest deadline (20 s) last of its session; 10 s just before it in the other.
    expect(ten[1]!.at(-1)).toBe(0);
    expect(ten[0]!.at(-1)).toBe(9);
    expect(() => planSessions([1], 0)).toThrow();
  });
});

describe('batching', () => {
  it('sends the commands asked for in one turn together, a few per session; each caller gets its own answer', async () => {
    const server = new Sessions();
    const t = batching(server, 3);
    const argvs = ['a', 'b', 'c', 'd', 'e'].map((x) => ['cat', x]);
    const results = await Promise.all(argvs.map((argv) => t.exec(argv, { timeoutMs: 8000 })));
    expect(results.map((r) => r.stdout)).toEqual(argvs.map((a) => `batched: ${a.join(' ')}`));
    expect(server.sessions).toEqual([
      ['cat a', 'cat c', 'cat e'],
      ['cat b', 'cat d'],
    ]);
    // Asked for later: another session; a command alone is an ordinary one.
    expect((await t.exec(['cat', 'f'])).stdout).toBe('alone: cat f');
    expect(server.sessions).toHaveLength(3);
  });

  it("one command's failure to reach the server is its own; the others of its session answer", async () => {
    const server = new Sessions();
    const t = batching(server);
    const [ok, failed] = await Promise.allSettled([t.exec(['cat', 'x']), t.exec(['unreachable'])]);
    expect(ok).toMatchObject({ status: 'fulfilled', value: { stdout: 'batched: cat x' } });
    expect(failed).toMatchObject({ status: 'rejected', reason: { code: 'disconnected' } });
  });

  it('under once-per-run, a command asked for twice is sent once, in one session with the others', async () => {
    const server = new Sessions();
    const t = oncePerRun(batching(server));
    const env = ['cat', '/opt/OMS/backend/.env'];
    const r = await Promise.all([t.exec(env), t.exec(['ss', '-tlnp']), t.exec(env)]);
    expect(r.map((x) => x.stdout)).toEqual([
      'batched: cat /opt/OMS/backend/.env',
      'batched: ss -tlnp',
      'batched: cat /opt/OMS/backend/.env',
    ]);
    expect(server.sessions).toEqual([['cat /opt/OMS/backend/.env', 'ss -tlnp']]);
  });

  it('leaves a transport without batches (the local target, an unreachable one) as it is', () => {
    const plain: Transport = { describe: 'local', exec: async () => answer(''), close: async () => undefined };
    expect(batching(plain)).toBe(plain);
  });
});
