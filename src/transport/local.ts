import { spawn } from 'node:child_process';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  EXIT_NOT_FOUND,
  type ExecOptions,
  type ExecResult,
  type Transport,
} from './transport.js';

/** Options for {@link LocalTransport}; injected so tests can vary them. */
export interface LocalTransportOptions {
  /** Effective uid of this process; root runs `sudo` commands directly. */
  uid?: number;
  /** Environment for the children (defaults to a minimal C-locale environment). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs whitelisted commands on this machine with `child_process.spawn` and no
 * shell: argv elements reach the program exactly as given.
 */
export class LocalTransport implements Transport {
  readonly describe = 'local';
  private readonly uid: number;
  private readonly env: NodeJS.ProcessEnv;

  constructor(options: LocalTransportOptions = {}) {
    this.uid = options.uid ?? (typeof process.getuid === 'function' ? process.getuid() : -1);
    // A fixed locale keeps tool output in the wording interpreters expect.
    this.env = options.env ?? {
      PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      SYSTEMD_PAGER: '',
      SYSTEMD_COLORS: '0',
    };
  }

  exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    if (argv.length === 0) throw new Error('LocalTransport.exec: empty argv');
    const full = options.sudo && this.uid !== 0 ? ['sudo', '-n', ...argv] : [...argv];
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const started = performance.now();

    return new Promise((resolve) => {
      const out = new CappedBuffer(maxBytes);
      const err = new CappedBuffer(maxBytes);
      let timedOut = false;
      let settled = false;
      const finish = (code: number | null, signal: string | null, extraErr = '') => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({
          code,
          signal,
          stdout: out.text(),
          stderr: err.text() + extraErr,
          durationMs: Math.round(performance.now() - started),
          truncated: out.truncated || err.truncated,
          timedOut,
        });
      };

      // Own process group, so a deadline kills the command and anything it started.
      const child = spawn(full[0]!, full.slice(1), {
        shell: false,
        env: this.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
        // A grandchild that escaped the group could keep the pipes open: stop waiting for them.
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish(null, 'SIGKILL');
        }, 200).unref();
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') finish(EXIT_NOT_FOUND, null, `${full[0]}: command not found`);
        else if (e.code === 'EACCES') finish(126, null, `${full[0]}: permission denied`);
        else finish(null, null, `${full[0]}: ${e.message}`);
      });
      child.on('close', (code, signal) => finish(code, signal));
    });
  }

  async close(): Promise<void> {
    // Nothing pooled.
  }
}

/** Collects up to `max` bytes and counts what was dropped. */
class CappedBuffer {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    const room = this.max - this.size;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    if (chunk.length > room) {
      this.chunks.push(chunk.subarray(0, room));
      this.size += room;
      this.truncated = true;
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
