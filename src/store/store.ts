/**
 * Shared state for approvals: pending approval records, once-only claims,
 * approval votes and de-duplication of Slack retries. Two implementations:
 * `file-store.ts` (one machine, survives a restart of the bot) and
 * `redis-store.ts` (several bot instances side by side).
 *
 * The store holds plain JSON values; the approvals layer validates what it
 * reads back (a record is a boundary like any other).
 */
export interface Store {
  /** Short description for messages and logs, e.g. `file var/store` or `redis 127.0.0.1:6379`. */
  readonly describe: string;

  /** One approval record by id, or undefined when unknown or past its retention. */
  getApproval(id: string): Promise<unknown | undefined>;
  /** Create or replace an approval record; it is forgotten `ttlMs` from now. */
  putApproval(id: string, value: unknown, ttlMs: number): Promise<void>;
  /** Every approval record still retained (pending or decided), in no particular order. */
  listApprovals(): Promise<unknown[]>;

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
   * already there; `members` is the whole set afterwards. Used to count
   * distinct approvers when a policy needs more than one.
   */
  addMember(key: string, member: string, ttlMs: number): Promise<{ added: boolean; members: string[] }>;

  /** Release connections (Redis); the file store has nothing to release. */
  close(): Promise<void>;
}

/** How long decided approvals and their claims are kept, so a late click sees "already done" rather than "unknown". */
export const DEFAULT_RETENTION_MS = 7 * 24 * 3_600_000;
