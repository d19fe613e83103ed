import { Redis } from 'ioredis';
import type { CasResult, RecordKind, Store, Versioned } from './store.js';

export interface RedisStoreOptions {
  /** `redis://[:password@]host:port[/db]` (REDIS_URL). */
  url: string;
  /** Prepended to every key, so several bots (or tests) can share one Redis. */
  prefix?: string;
  /** Clock in milliseconds; only used for the approvals index (Redis expires keys itself). */
  now?: () => number;
}

/**
 * The shared store for several bot instances (Socket Mode delivers each click
 * to one connection at random, so any instance may receive it). The only
 * importer of the Redis client.
 *
 * - claims and de-duplication: `SET key value PX ttl NX`, which Redis answers
 *   `OK` for exactly one caller;
 * - versioned records (approvals, guards): a hash `{version, value}` with a
 *   `PX` expiry, written only by {@link CAS_SCRIPT} (a Lua script runs
 *   atomically: the version check and the write have no command in between),
 *   indexed in a sorted set scored by expiry time for `listRecords`;
 * - votes: a set (`SADD`) with `PEXPIRE`, read back in the same transaction;
 * - the audit log: a list (`RPUSH`, trimmed to `maxLength`).
 */
export class RedisStore implements Store {
  readonly describe: string;
  private readonly client: Redis;
  private readonly prefix: string;
  private readonly now: () => number;

  constructor(options: RedisStoreOptions) {
    this.prefix = options.prefix ?? 'oms-chatops:';
    this.now = options.now ?? Date.now;
    this.client = new Redis(options.url, {
      lazyConnect: true,
      // Fail a command quickly instead of queueing it for ever while Redis is down.
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
    });
    // An unhandled 'error' event would crash the bot; commands still reject with the error.
    this.client.on('error', () => undefined);
    const u = new URL(options.url);
    this.describe = `redis ${u.hostname}:${u.port || '6379'}`;
  }

  /** Connect now, so a wrong REDIS_URL is reported at start-up rather than at the first click. */
  async connect(): Promise<void> {
    if (this.client.status === 'wait') await this.client.connect();
    await this.client.ping();
  }

  async getRecord(kind: RecordKind, id: string): Promise<Versioned | undefined> {
    const [version, value] = await this.client.hmget(this.recordKey(kind, id), 'version', 'value');
    return toVersioned(version, value);
  }

  async compareAndSet(
    kind: RecordKind,
    id: string,
    expected: number,
    value: unknown,
    ttlMs: number,
  ): Promise<CasResult> {
    const ttl = Math.max(1, Math.round(ttlMs));
    const r = (await this.client.eval(
      CAS_SCRIPT,
      2,
      this.recordKey(kind, id),
      this.key('records', kind),
      String(expected),
      JSON.stringify(value),
      String(ttl),
      String(this.now() + ttl),
      id,
    )) as [number, string | null, string | null];
    if (r[0] === 1) return { ok: true, version: Number(r[1]) };
    return { ok: false, current: toVersioned(r[1], r[2]) };
  }

  async listRecords(kind: RecordKind): Promise<Versioned[]> {
    const index = this.key('records', kind);
    await this.client.zremrangebyscore(index, '-inf', this.now());
    const ids = await this.client.zrange(index, 0, -1);
    if (ids.length === 0) return [];
    const pipe = this.client.pipeline();
    for (const id of ids) pipe.hmget(this.recordKey(kind, id), 'version', 'value');
    const out: Versioned[] = [];
    for (const [version, value] of checkExec(await pipe.exec()) as [string | null, string | null][]) {
      const v = toVersioned(version, value);
      if (v) out.push(v);
    }
    return out;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const r = await this.client.set(
      this.key('claim', key),
      JSON.stringify({ at: this.now() }),
      'PX',
      Math.max(1, Math.round(ttlMs)),
      'NX',
    );
    return r === 'OK';
  }

  async seen(key: string, ttlMs: number): Promise<boolean> {
    const r = await this.client.set(this.key('seen', key), '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
    return r !== 'OK';
  }

  async addMember(key: string, member: string, ttlMs: number): Promise<{ added: boolean; members: string[] }> {
    const k = this.key('set', key);
    const results = checkExec(
      await this.client
        .multi()
        .sadd(k, member)
        .pexpire(k, Math.max(1, Math.round(ttlMs)))
        .smembers(k)
        .exec(),
    );
    return { added: results[0] === 1, members: [...(results[2] as string[])].sort() };
  }

  /** Append one line to a capped list (the audit log's copy in Redis). */
  async pushList(name: string, line: string, maxLength = 100_000): Promise<void> {
    const k = this.key('list', name);
    await this.client.multi().rpush(k, line).ltrim(k, -maxLength, -1).exec().then(checkExec);
  }

  /** Every line of a list, oldest first. */
  async readList(name: string): Promise<string[]> {
    return this.client.lrange(this.key('list', name), 0, -1);
  }

  async close(): Promise<void> {
    if (this.client.status === 'wait' || this.client.status === 'end') return;
    await this.client.quit().catch(() => this.client.disconnect());
  }

  /** Versioned records live under `record:` (earlier versions kept plain strings under `approval:`). */
  private recordKey(kind: RecordKind, id: string): string {
    return this.key('record', `${kind}:${id}`);
  }

  private key(kind: string, name?: string): string {
    return `${this.prefix}${kind}${name === undefined ? '' : `:${name}`}`;
  }
}

/**
 * Compare-and-set in one atomic step. KEYS: the record, its kind's index.
 * ARGV: expected version (0 = absent), JSON value, ttl ms, index score, id.
 * Answers {1, newVersion} or {0, currentVersion|false, currentValue|false}.
 */
const CAS_SCRIPT = `
local cur = redis.call('HMGET', KEYS[1], 'version', 'value')
local ver = tonumber(cur[1]) or 0
if ver ~= tonumber(ARGV[1]) then return {0, cur[1], cur[2]} end
local nv = ver + 1
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'version', tostring(nv), 'value', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
return {1, tostring(nv)}
`;

function toVersioned(version: string | null | undefined, value: string | null | undefined): Versioned | undefined {
  if (version === null || version === undefined || value === null || value === undefined) return undefined;
  const parsed = parseJson(value);
  const n = Number(version);
  return parsed === undefined || !Number.isInteger(n) ? undefined : { version: n, value: parsed };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A MULTI/EXEC or pipeline answer: each command's result, or the first command error thrown. */
function checkExec(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw new Error('Redis transaction was aborted');
  for (const [err] of results) if (err) throw err;
  return results.map(([, v]) => v);
}
