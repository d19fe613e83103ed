import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from './store.js';

export interface FileStoreOptions {
  /** The directory that holds the state (created if missing), e.g. `<dataDir>/store`. */
  dir: string;
  /** Clock in milliseconds (tests move it). */
  now?: () => number;
  /** A lock older than this is taken to be left by a crashed process. */
  staleLockMs?: number;
}

/** What a claim, vote or approval file holds besides its value. */
interface Stamped {
  expiresAt: number;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The embedded store: one directory on one machine, shared safely by every
 * process that opens it.
 *
 * - Records are written to a temporary file and renamed into place, so a
 *   reader never sees half a record and a crash never leaves one.
 * - A claim is a file created with `open(path, 'wx')` (O_CREAT|O_EXCL): the
 *   kernel lets exactly one process create it. Taking over an expired claim
 *   happens under a directory lock (also an O_EXCL file) after re-reading it,
 *   so two processes cannot both take it over.
 * - A claim file that cannot be read (a process died between creating and
 *   writing it) counts as held: the safe side is "never run twice".
 */
export class FileStore implements Store {
  readonly describe: string;
  private readonly now: () => number;
  private readonly staleLockMs: number;
  private ready: Promise<void> | undefined;

  constructor(private readonly options: FileStoreOptions) {
    this.describe = `file ${options.dir}`;
    this.now = options.now ?? Date.now;
    this.staleLockMs = options.staleLockMs ?? 10_000;
  }

  async getApproval(id: string): Promise<unknown | undefined> {
    await this.init();
    const rec = await this.readStamped<{ value: unknown }>(this.approvalPath(id));
    if (rec === 'missing' || rec === 'unreadable' || this.expired(rec)) return undefined;
    return rec.value;
  }

  async putApproval(id: string, value: unknown, ttlMs: number): Promise<void> {
    await this.init();
    await this.atomicWrite(this.approvalPath(id), JSON.stringify({ expiresAt: this.now() + ttlMs, value }));
  }

  async listApprovals(): Promise<unknown[]> {
    await this.init();
    const dir = join(this.options.dir, 'approvals');
    const out: unknown[] = [];
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.json')) continue;
      const rec = await this.readStamped<{ value: unknown }>(join(dir, name));
      if (rec === 'missing' || rec === 'unreadable') continue;
      if (this.expired(rec)) {
        await unlink(join(dir, name)).catch(() => undefined);
        continue;
      }
      out.push(rec.value);
    }
    return out;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    await this.init();
    return this.claimFile(join(this.options.dir, 'claims', `${hash(key)}.claim`), key, ttlMs);
  }

  async seen(key: string, ttlMs: number): Promise<boolean> {
    await this.init();
    return !(await this.claimFile(join(this.options.dir, 'seen', `${hash(key)}.seen`), key, ttlMs));
  }

  async addMember(key: string, member: string, ttlMs: number): Promise<{ added: boolean; members: string[] }> {
    await this.init();
    const dir = join(this.options.dir, 'sets', hash(key));
    await mkdir(dir, { recursive: true });
    const added = await this.claimFile(join(dir, `${hash(member)}.member`), member, ttlMs, { member });
    const members: string[] = [];
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.member')) continue;
      const rec = await this.readStamped<{ member?: unknown }>(join(dir, name));
      if (rec === 'missing' || rec === 'unreadable' || this.expired(rec) || typeof rec.member !== 'string') continue;
      members.push(rec.member);
    }
    return { added, members: members.sort() };
  }

  async close(): Promise<void> {}

  private init(): Promise<void> {
    this.ready ??= (async () => {
      for (const sub of ['approvals', 'claims', 'seen', 'sets'])
        await mkdir(join(this.options.dir, sub), { recursive: true, mode: 0o700 });
    })();
    return this.ready;
  }

  private approvalPath(id: string): string {
    return join(this.options.dir, 'approvals', `${SAFE_ID.test(id) ? id : hash(id)}.json`);
  }

  private expired(rec: Stamped): boolean {
    return typeof rec.expiresAt !== 'number' || rec.expiresAt <= this.now();
  }

  /** Once-only creation of `path`; an expired one may be taken over, under the directory lock. */
  private async claimFile(
    path: string,
    key: string,
    ttlMs: number,
    extra: Record<string, unknown> = {},
  ): Promise<boolean> {
    const body = JSON.stringify({ key, ...extra, expiresAt: this.now() + ttlMs, pid: process.pid });
    if (await createExclusive(path, body)) return true;
    const current = await this.readStamped(path);
    if (current === 'missing') return createExclusive(path, body);
    if (current === 'unreadable' || !this.expired(current)) return false;
    return this.withLock(async () => {
      const again = await this.readStamped(path);
      if (again === 'missing') return createExclusive(path, body);
      if (again === 'unreadable' || !this.expired(again)) return false;
      await this.atomicWrite(path, body);
      return true;
    });
  }

  private async readStamped<T>(path: string): Promise<(Stamped & T) | 'missing' | 'unreadable'> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw e;
    }
    try {
      const v = JSON.parse(text) as unknown;
      if (v && typeof v === 'object' && typeof (v as Stamped).expiresAt === 'number') return v as Stamped & T;
    } catch {
      // half-written by a process that died: handled as unreadable below
    }
    return 'unreadable';
  }

  private async atomicWrite(path: string, text: string): Promise<void> {
    const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, text, { mode: 0o600 });
    try {
      await rename(tmp, path);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
  }

  /** Run `fn` holding `<dir>/.lock` (O_EXCL); a lock older than `staleLockMs` was left by a crash and is broken. */
  private async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const lock = join(this.options.dir, '.lock');
    const deadline = Date.now() + this.staleLockMs * 3;
    for (;;) {
      if (await createExclusive(lock, String(process.pid))) break;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > this.staleLockMs) await unlink(lock).catch(() => undefined);
      else if (Date.now() > deadline)
        throw new Error(`the store lock ${lock} is held for too long; if no oms-chatops process is running, delete it`);
      else await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
    }
    try {
      return await fn();
    } finally {
      await unlink(lock).catch(() => undefined);
    }
  }
}

/** Create `path` only if it does not exist (O_EXCL); true when this call created it. */
async function createExclusive(path: string, body: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    await handle.writeFile(body);
  } finally {
    await handle.close();
  }
  return true;
}

function hash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}
