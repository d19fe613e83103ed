import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createExclusive, withFileLock } from './file-lock.js';
import type { CasResult, RecordKind, Store, Versioned } from './store.js';

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
/** One directory per kind of versioned record. */
const DIRS: Record<RecordKind, string> = {
  approval: 'approvals',
  guard: 'guards',
  layout: 'layouts',
  watch: 'watches',
  'watch-lease': 'watch-leases',
  'watch-pause': 'watch-pauses',
};

/**
 * The embedded store: one directory on one machine, shared safely by every
 * process that opens it.
 *
 * - Records are written to a temporary file and renamed into place, so a
 *   reader never sees half a record and a crash never leaves one. Each write
 *   is a compare-and-set on the record's version, under a per-record lock
 *   file: a late write based on an older version is refused.
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

  async getRecord(kind: RecordKind, id: string): Promise<Versioned | undefined> {
    await this.init();
    const rec = await this.readStamped<{ value: unknown; version?: unknown }>(this.recordPath(kind, id));
    if (rec === 'missing' || rec === 'unreadable' || this.expired(rec)) return undefined;
    return { version: versionOf(rec), value: rec.value };
  }

  async compareAndSet(
    kind: RecordKind,
    id: string,
    expected: number,
    value: unknown,
    ttlMs: number,
  ): Promise<CasResult> {
    await this.init();
    const path = this.recordPath(kind, id);
    // One lock per record: the version check and the rename happen with no other writer in between.
    return withFileLock(
      `${path}.lock`,
      async () => {
        const current = await this.getRecord(kind, id);
        if ((current?.version ?? 0) !== expected) return { ok: false, current };
        const version = expected + 1;
        await this.atomicWrite(path, JSON.stringify({ expiresAt: this.now() + ttlMs, version, value }));
        return { ok: true, version };
      },
      { staleMs: this.staleLockMs },
    );
  }

  async listRecords(kind: RecordKind): Promise<Versioned[]> {
    await this.init();
    const dir = join(this.options.dir, DIRS[kind]);
    const out: Versioned[] = [];
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.json')) continue;
      const rec = await this.readStamped<{ value: unknown; version?: unknown }>(join(dir, name));
      if (rec === 'missing' || rec === 'unreadable') continue;
      if (this.expired(rec)) {
        await unlink(join(dir, name)).catch(() => undefined);
        continue;
      }
      out.push({ version: versionOf(rec), value: rec.value });
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
      for (const sub of [...Object.values(DIRS), 'claims', 'seen', 'sets'])
        await mkdir(join(this.options.dir, sub), { recursive: true, mode: 0o700 });
    })();
    return this.ready;
  }

  private recordPath(kind: RecordKind, id: string): string {
    return join(this.options.dir, DIRS[kind], `${SAFE_ID.test(id) ? id : hash(id)}.json`);
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
    return withFileLock(
      join(this.options.dir, '.lock'),
      async () => {
        const again = await this.readStamped(path);
        if (again === 'missing') return createExclusive(path, body);
        if (again === 'unreadable' || !this.expired(again)) return false;
        await this.atomicWrite(path, body);
        return true;
      },
      { staleMs: this.staleLockMs },
    );
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
    try {
      await writeFile(tmp, text, { mode: 0o600 });
      await rename(tmp, path);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
  }
}

/** Records written before versions existed count as version 1. */
function versionOf(rec: { version?: unknown }): number {
  return typeof rec.version === 'number' && Number.isInteger(rec.version) && rec.version > 0 ? rec.version : 1;
}

function hash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}
