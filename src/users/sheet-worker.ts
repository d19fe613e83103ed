/**
 * Checking a user sheet off the main thread, with a budget.
 *
 * Each file is read and checked (src/users/check-sheet.ts) in its own worker
 * thread, so the bot's event loop keeps answering while it runs; the worker
 * is terminated when it runs past the time budget, past its heap limit
 * (`resourceLimits`), or when the owner shuts down. Whatever happens, the
 * caller gets a value: the checked sheet, or a refusal that says what to do.
 *
 * Where the worker's code is, decided once per process:
 * - built (tsc into dist/, or an esbuild bundle): `parse-worker.js` next to
 *   the file this module was compiled into, found with
 *   `new URL('./parse-worker.js', import.meta.url)`. In a bundle that URL is
 *   the bundle's own, so the bundler must emit src/users/parse-worker.ts as a
 *   second entry point named `parse-worker.js` in the bundle's directory;
 * - from the sources (tsx, ts-jest): `parse-worker.ts` next to this file,
 *   started through a two-line bootstrap that registers tsx's loader inside
 *   the worker first (a worker does not get the parent's loader under jest,
 *   so it is always registered explicitly, with no inherited `execArgv`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { CheckedSheet } from './check-sheet.js';
import { refuse, type Read } from './problem.js';
import { SAVE_AGAIN } from './xml-fault.js';

export interface SheetWorkerOptions {
  /** Time the check may run once the worker's code is loaded (default 3 s). */
  budgetMs?: number;
  /** Heap of the worker (default 256 MB); a file that needs more is refused. */
  maxMemoryMb?: number;
  /** Time the worker may take to load its code (default 15 s; the sources are compiled on the fly). */
  loadTimeoutMs?: number;
  /** Checks run at the same time (default 2); more wait their turn (the budget counts from the start). */
  maxConcurrent?: number;
  /** Another worker entry (tests: one that never ends). */
  entry?: URL;
  /** Told when a check starts running in its worker and when it is over (tests, the lag monitor's labels). */
  onState?: (e: { state: 'started' | 'ended'; fileName: string }) => void;
}

export const DEFAULT_BUDGET_MS = 3000;
const DEFAULT_MEMORY_MB = 256;

type Message = { kind: 'started' } | { kind: 'done'; result: Read<CheckedSheet> };

/**
 * The running checks of one owner (the Slack app, one CLI run). `close()`
 * stops every check still running (they answer "cancelled") and refuses new
 * ones, so shutdown never waits on a file.
 */
export class SheetWorkers {
  private readonly running = new Set<() => void>();
  /** Checks waiting for a free slot (each worker may take its whole heap limit). */
  private readonly waiting: Array<() => void> = [];
  private slots: number;
  private closed = false;

  constructor(private readonly options: SheetWorkerOptions = {}) {
    this.slots = options.maxConcurrent ?? 2;
  }

  /** Checks running now. */
  get busy(): number {
    return this.running.size;
  }

  async check(bytes: Buffer, fileName: string): Promise<Read<CheckedSheet>> {
    while (this.slots === 0 && !this.closed) await new Promise<void>((r) => this.waiting.push(r));
    if (this.closed) return cancelled();
    this.slots--;
    try {
      return await this.run(bytes, fileName);
    } finally {
      this.slots++;
      this.waiting.shift()?.();
    }
  }

  private run(bytes: Buffer, fileName: string): Promise<Read<CheckedSheet>> {
    const o = this.options;
    const budgetMs = o.budgetMs ?? DEFAULT_BUDGET_MS;
    const maxMemoryMb = o.maxMemoryMb ?? DEFAULT_MEMORY_MB;
    const entry = o.entry ?? defaultEntry();
    if (!existsSync(fileURLToPath(entry)))
      return Promise.resolve(
        failed(`the sheet reader is missing: ${fileURLToPath(entry)} (parse-worker.js belongs next to the program)`),
      );
    return new Promise((resolve) => {
      const started = startWorker(entry, { bytes, fileName }, memoryLimits(maxMemoryMb));
      const loadMs = o.loadTimeoutMs ?? 15_000;
      let timer = setTimeout(
        () => finish(failed(`the sheet reader did not start within ${seconds(loadMs)} (is the machine overloaded?)`)),
        loadMs,
      );
      let running = false;
      let settled = false;
      const finish = (r: Read<CheckedSheet>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.running.delete(stop);
        void started.terminate();
        if (running) o.onState?.({ state: 'ended', fileName });
        resolve(r);
      };
      const stop = () => finish(cancelled());
      this.running.add(stop);
      started.on('message', (m: Message) => {
        if (m.kind === 'started') {
          running = true;
          o.onState?.({ state: 'started', fileName });
          clearTimeout(timer);
          timer = setTimeout(() => finish(tooSlow(`it took longer than ${seconds(budgetMs)}`)), budgetMs);
        } else finish(m.result);
      });
      started.on('error', (e: Error & { code?: string }) =>
        finish(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig(maxMemoryMb) : failed(e.message)),
      );
      started.on('exit', (code) => finish(failed(`the reader stopped (exit ${code})`)));
    });
  }

  /** Stop every running check and refuse new ones. */
  close(): void {
    this.closed = true;
    for (const stop of [...this.running]) stop();
    for (const wake of this.waiting.splice(0)) wake();
  }
}

function memoryLimits(mb: number): ResourceLimits {
  return { maxOldGenerationSizeMb: mb, maxYoungGenerationSizeMb: Math.min(32, Math.max(4, mb / 8)), stackSizeMb: 4 };
}

let resolvedEntry: URL | undefined;

/** parse-worker.js beside this module when built or bundled, else the .ts source (see the top of this file). */
function defaultEntry(): URL {
  if (resolvedEntry) return resolvedEntry;
  const built = new URL('./parse-worker.js', import.meta.url);
  resolvedEntry = existsSync(fileURLToPath(built)) ? built : new URL('./parse-worker.ts', import.meta.url);
  return resolvedEntry;
}

function startWorker(entry: URL, data: { bytes: Buffer; fileName: string }, resourceLimits: ResourceLimits): Worker {
  // The bytes are copied into the worker (at most LIMITS.maxFileBytes); the caller's buffer stays usable.
  const workerData = { ...data, bytes: new Uint8Array(data.bytes) };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData, resourceLimits });
  const bootstrap =
    `import(${JSON.stringify(tsxApi().href)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits, execArgv: [] });
}

/**
 * tsx's ESM API (`tsx/esm/api`, the `import` condition), found through its package.json:
 * the CommonJS twin that `require.resolve` finds cannot register the loader.
 */
function tsxApi(): URL {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  return new URL(pkg.exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs', pathToFileURL(pkgPath));
}

const seconds = (ms: number) => `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;

function tooSlow(why: string) {
  return refuse(
    'too-complex',
    `读取超时，已停止 / reading the file was stopped: ${why} — ` +
      'a sheet saved by Excel or WPS is read in well under a second; nothing was checked',
    SAVE_AGAIN,
  );
}

function tooBig(mb: number) {
  return refuse(
    'too-complex',
    `读取所需内存太多，已停止 / reading the file was stopped: ` +
      `it needed more than ${mb} MB of memory; nothing was checked`,
    SAVE_AGAIN,
  );
}

function cancelled() {
  return refuse(
    'cancelled',
    '检查已取消 / the check was stopped: the bot is shutting down; nothing was checked',
    'send the file again in a minute, when the bot is back',
  );
}

function failed(why: string) {
  return refuse(
    'check-failed',
    `检查失败 / the file could not be checked: ${why}`,
    "try again; if it keeps failing, run `oms-chatops users validate FILE` on the bot's machine and send the output",
  );
}
