/**
 * A real Redis for integration tests: `/usr/bin/redis-server` on 127.0.0.1 and
 * a free port, in its own temp dir. Call `stop()` in `afterAll`. With
 * `persist: true` every write goes to an append-only file (fsync always), so
 * `kill()` then `start()` brings the same server back on the same port with
 * its data, as a crashed and restarted Redis would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './sshd.js';

export const REDIS_BIN = '/usr/bin/redis-server';

export interface TestRedis {
  readonly port: number;
  readonly url: string;
  /** SIGKILL the server (clients see ECONNREFUSED until `start()`). */
  kill(): Promise<void>;
  /** Start it again on the same port and directory. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(options: { persist?: boolean } = {}): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'oms-redis-'));
  const port = await freePort();
  const persistence = options.persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir];
  let child: ChildProcess | undefined;

  const launch = async () => {
    const proc = spawn(REDIS_BIN, [...args, '--loglevel', 'warning'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited at start: ${output}`);
      const up = await new Promise<boolean>((resolve) => {
        const s = connect(port, '127.0.0.1');
        s.once('connect', () => {
          s.end('PING\r\n');
          s.once('data', (d) => resolve(d.toString().startsWith('+PONG')));
        });
        s.once('error', () => resolve(false));
      });
      if (up) break;
      if (Date.now() > deadline)
        throw new Error(`redis-server did not answer on 127.0.0.1:${port} within 10 s: ${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const halt = async (signal: NodeJS.Signals) => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill(signal);
    await exited;
  };

  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: () => halt('SIGKILL'),
    start: launch,
    async stop() {
      await halt('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
