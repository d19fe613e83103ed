import { open, stat, unlink } from 'node:fs/promises';

export interface FileLockOptions {
  /** A lock older than this was left by a crashed process and is broken (default 10 s). */
  staleMs?: number;
  /** Give up after this long (default three times `staleMs`). */
  waitMs?: number;
}

/**
 * Run `fn` holding the lock file `path` (created with O_EXCL, so the kernel
 * lets exactly one process hold it). Shared by the file store and the audit
 * log: both are written by the bot and by one-shot CLI commands at once.
 */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + (options.waitMs ?? staleMs * 3);
  for (;;) {
    if (await createExclusive(path, String(process.pid))) break;
    const age = await stat(path).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > staleMs) await unlink(path).catch(() => undefined);
    else if (Date.now() > deadline)
      throw new Error(`the lock ${path} is held for too long; if no oms-chatops process is running, delete it`);
    else await new Promise((r) => setTimeout(r, 2 + Math.random() * 10));
  }
  try {
    return await fn();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}

/** Create `path` only if it does not exist (O_EXCL); true when this call created it. */
export async function createExclusive(path: string, body: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    await handle.writeFile(body);
  } catch (e) {
    // A full disk: do not leave an empty lock or claim behind that would block everyone.
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw e;
  } finally {
    await handle.close().catch(() => undefined);
  }
  return true;
}
