/**
 * Shared state for approvals: versioned records (approvals, action guards),
 * once-only claims, sets and de-duplication of Slack retries. Two
 * implementations: `file-store.ts` (one machine, survives a restart of the
 * bot) and `redis-store.ts` (several bot instances side by side).
 *
 * The store holds plain JSON values; the approvals layer validates what it
 * reads back (a record is a boundary like any other).
 */
export interface Store {
  /** Short description for messages and logs, e.g. `file var/store` or `redis 127.0.0.1:6379`. */
  readonly describe: string;

  /** One record with its version, or undefined when unknown or past its retention. */
  getRecord(kind: RecordKind, id: string): Promise<Versioned | undefined>;
  /**
   * Compare-and-set: write `value` only if the record's version is still
   * `expected` (0: the record must not exist). On success the new version is
   * `expected + 1`; otherwise nothing is written and the caller gets what is
   * there now, to re-read and re-decide. The record is forgotten `ttlMs` from now.
   */
  compareAndSet(kind: RecordKind, id: string, expected: number, value: unknown, ttlMs: number): Promise<CasResult>;
  /** Every record of a kind still retained, in no particular order. */
  listRecords(kind: RecordKind): Promise<Versioned[]>;

  /**
   * Take `key` for `ttlMs`. Resolves `true` exactly once across every process
   * sharing the store until the claim expires; every other caller gets `false`.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;

  /**
   * De-duplication: `false` the first time `key` is seen within `ttlMs`, `true`
   * for every repeat (a Slack retry, a second delivery of the same click).
   */
  seen(key: string, ttlMs: number): Promise<boolean>;

  /**
   * Add `member` to the set `key` (kept `ttlMs`). `added` is false when it was
   * already there; `members` is the whole set afterwards.
   */
  addMember(key: string, member: string, ttlMs: number): Promise<{ added: boolean; members: string[] }>;

  /** Release connections (Redis); the file store has nothing to release. */
  close(): Promise<void>;
}

/**
 * What the versioned records hold: approval requests, per target/action run guards (rate limits), each
 * target's discovered layout (src/discovery/layout-cache.ts), and the watches' state, leases and pauses
 * (src/watch/watch-store.ts).
 */
export const RECORD_KINDS = ['approval', 'guard', 'layout', 'watch', 'watch-lease', 'watch-pause'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A record and the version it was read at (1 after the first write). */
export interface Versioned {
  version: number;
  value: unknown;
}

/** A compare-and-set answer: the new version, or the record as it is now (undefined: gone). */
export type CasResult = { ok: true; version: number } | { ok: false; current: Versioned | undefined };

/** How long decided approvals are kept, so a late click sees "already done" rather than "unknown". */
export const DEFAULT_RETENTION_MS = 7 * 24 * 3_600_000;
