import { Redis } from 'ioredis';
import type { Store } from './store.js';

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
 * - approval records: JSON strings with a `PX` expiry, indexed in a sorted set
 *   scored by their expiry time for `listApprovals`;
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

  async getApproval(id: string): Promise<unknown | undefined> {
    const text = await this.client.get(this.key('approval', id));
    return text === null ? undefined : parseJson(text);
  }

  async putApproval(id: string, value: unknown, ttlMs: number): Promise<void> {
    const ttl = Math.max(1, Math.round(ttlMs));
    await this.client
      .multi()
      .set(this.key('approval', id), JSON.stringify(value), 'PX', ttl)
      .zadd(this.key('approvals'), this.now() + ttl, id)
      .exec()
      .then(checkExec);
  }

  async listApprovals(): Promise<unknown[]> {
    const index = this.key('approvals');
    await this.client.zremrangebyscore(index, '-inf', this.now());
    const ids = await this.client.zrange(index, 0, -1);
    if (ids.length === 0) return [];
    const texts = await this.client.mget(ids.map((id) => this.key('approval', id)));
    return texts
      .filter((t): t is string => t !== null)
      .map(parseJson)
      .filter((v) => v !== undefined);
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

  private key(kind: string, name?: string): string {
    return `${this.prefix}${kind}${name === undefined ? '' : `:${name}`}`;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A MULTI/EXEC answer: each command's result, or the first command error thrown. */
function checkExec(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw new Error('Redis transaction was aborted');
  for (const [err] of results) if (err) throw err;
  return results.map(([, v]) => v);
}
