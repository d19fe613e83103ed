import { describe, expect, it } from '@jest/globals';
import { oncePerRun } from '../../../src/transport/once-per-run.js';
import { TransportError, type ExecOptions, type ExecResult, type Transport } from '../../../src/transport/transport.js';

/** A server that counts what it ran; each answer says which run it was, cut to the caller's cap. */
class Counting implements Transport {
  readonly describe = 'counting';
  readonly ran: string[] = [];
  constructor(private readonly answer: (n: number, options: ExecOptions) => Partial<ExecResult> = () => ({})) {}
  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    this.ran.push(`${options.sudo ? 'sudo ' : ''}${argv.join(' ')}`);
    await new Promise((r) => setTimeout(r, 5));
    const base = { code: 0, signal: null, stdout: `run ${this.ran.length}`, stderr: '', durationMs: 5 };
    return { ...base, truncated: false, timedOut: false, ...this.answer(this.ran.length, options) };
  }
  async close() {}
}

describe('oncePerRun', () => {
  it('runs an identical command once, at once or later in the run; every caller gets the answer', async () => {
    const server = new Counting();
    const t = oncePerRun(server);
    const [a, b] = await Promise.all([
      t.exec(['cat', '/opt/OMS/backend/.env']),
      t.exec(['cat', '/opt/OMS/backend/.env']),
    ]);
    const c = await t.exec(['cat', '/opt/OMS/backend/.env'], { timeoutMs: 8000 });
    expect([a.stdout, b.stdout, c.stdout]).toEqual(['run 1', 'run 1', 'run 1']);
    expect(server.ran).toEqual(['cat /opt/OMS/backend/.env']);
    expect([t.ran, t.shared]).toEqual([1, 2]);
  });

  it('other arguments, or the same ones through sudo, are other commands', async () => {
    const server = new Counting();
    const t = oncePerRun(server);
    await Promise.all([
      t.exec(['/usr/sbin/nginx', '-T'], { sudo: true }),
      t.exec(['/usr/sbin/nginx', '-T']),
      t.exec(['/usr/sbin/nginx', '-t'], { sudo: true }),
      // Arguments are compared as a list, not as joined text.
      t.exec(['a b', 'c']),
      t.exec(['a', 'b c']),
    ]);
    expect(server.ran).toHaveLength(5);
    expect(t.shared).toBe(0);
  });

  it('a larger cap than a cut output had, or a longer deadline than one that passed, runs again', async () => {
    const server = new Counting((n, o) =>
      n === 1 ? { stdout: 'x'.repeat(o.maxBytes ?? 0), truncated: true } : n === 3 ? { timedOut: true, code: 124 } : {},
    );
    const t = oncePerRun(server);
    const small = await t.exec(['journalctl'], { maxBytes: 10 });
    const large = await t.exec(['journalctl'], { maxBytes: 100 });
    expect(small).toMatchObject({ stdout: 'x'.repeat(10), truncated: true });
    expect(large.stdout).toBe('run 2');
    const late = await t.exec(['curl'], { timeoutMs: 1000 });
    const patient = await t.exec(['curl'], { timeoutMs: 5000 });
    expect(late.timedOut).toBe(true);
    expect(patient).toMatchObject({ stdout: 'run 4', timedOut: false });
    expect(server.ran).toEqual(['journalctl', 'journalctl', 'curl', 'curl']);
  });

  it('a smaller cap gets the shared output cut to it and marked truncated', async () => {
    const server = new Counting(() => ({ stdout: '配置'.repeat(1000), stderr: 'ok' }));
    const t = oncePerRun(server);
    const full = await t.exec(['cat', 'big'], { maxBytes: 1024 * 1024 });
    const cut = await t.exec(['cat', 'big'], { maxBytes: 600 });
    expect(full).toMatchObject({ stdout: '配置'.repeat(1000), truncated: false });
    expect(Buffer.byteLength(cut.stdout)).toBeLessThanOrEqual(600);
    expect(cut).toMatchObject({ stderr: 'ok', truncated: true });
    expect(server.ran).toHaveLength(1);
  });

  it('a target that cannot be reached answers every caller with the one failure', async () => {
    let attempts = 0;
    const down: Transport = {
      describe: 'down',
      exec: async () => {
        attempts++;
        throw new TransportError('connect_refused', 'refused', 'hint');
      },
      close: async () => undefined,
    };
    const t = oncePerRun(down);
    const errors = await Promise.all([
      t.exec(['ss', '-tlnp']).catch((e) => e),
      t.exec(['ss', '-tlnp']).catch((e) => e),
    ]);
    expect(errors.map((e: TransportError) => e.code)).toEqual(['connect_refused', 'connect_refused']);
    expect(attempts).toBe(1);
    expect(t.connect).toBeUndefined();
  });

  it('a failed attempt answers only the callers already waiting on it; a later caller tries again', async () => {
    let attempts = 0;
    const flaky: Transport = {
      describe: 'flaky',
      exec: async () => {
        attempts++;
        if (attempts === 1) throw new TransportError('disconnected', 'reset', 'hint');
        return { code: 0, signal: null, stdout: 'up', stderr: '', durationMs: 1, truncated: false, timedOut: false };
      },
      close: async () => undefined,
    };
    const t = oncePerRun(flaky);
    await expect(t.exec(['ss', '-tlnp'])).rejects.toMatchObject({ code: 'disconnected' });
    await expect(t.exec(['ss', '-tlnp'])).resolves.toMatchObject({ stdout: 'up' });
    expect(attempts).toBe(2);
  });

  it('a shorter deadline than a command still running: shared if in time, else timed out; results frozen', async () => {
    const server = new Counting();
    const t = oncePerRun(server);
    await Promise.all([t.exec(['journalctl'], { timeoutMs: 20_000 }), t.exec(['journalctl'], { timeoutMs: 2_000 })]);
    expect(server.ran).toHaveLength(1);
    // The server answers after 5 ms: a caller allowed 1 ms is told it timed out, and nothing more is sent.
    const [long, short] = await Promise.all([
      t.exec(['dmesg'], { timeoutMs: 20_000 }),
      t.exec(['dmesg'], { timeoutMs: 1 }),
    ]);
    expect(long).toMatchObject({ timedOut: false, code: 0 });
    expect(short).toMatchObject({ timedOut: true, code: null, stdout: '' });
    expect(server.ran).toEqual(['journalctl', 'dmesg']);
    // Once answered, the output is the server's whatever the later caller's deadline.
    const later = await t.exec(['journalctl'], { timeoutMs: 1_000 });
    expect(server.ran).toHaveLength(2);
    expect(later.stdout).toMatch(/^run /);
    expect(server.ran).toHaveLength(2);
    // The stored answer is frozen and every sharer gets its own copy: one caller's change reaches no other.
    const first = await t.exec(['cat', '/etc/hostname']);
    expect(Object.isFrozen(first)).toBe(true);
    const second = await t.exec(['cat', '/etc/hostname']);
    (second as { stdout: string }).stdout = 'changed';
    expect((await t.exec(['cat', '/etc/hostname'])).stdout).toBe(first.stdout);
  });
});
