import type { Store } from './store.js';

/**
 * De-duplication of Slack deliveries. Slack re-sends an event when the first
 * delivery was not acknowledged in time (`X-Slack-Retry-Num` over HTTP,
 * `retry_attempt` in Socket Mode), and Bolt does not drop those: the Slack
 * layer asks {@link Dedupe.claim} with the event id and handles the event only
 * when it is the first to claim it. {@link StoreDedupe} keeps the keys in the
 * shared store (file or Redis), so several bot instances share what they have
 * seen; replayed slash commands and clicks are dropped the same way
 * (`src/slack/replay.ts`).
 */
export interface Dedupe {
  /** True the first time `key` is claimed within the TTL, false afterwards. */
  claim(key: string): Promise<boolean>;
}

export interface MemoryDedupeOptions {
  /** How long a key is remembered (default 10 minutes: Slack retries within about 5). */
  ttlMs?: number;
  /** At most this many keys are kept; the oldest go first (default 10 000). */
  maxKeys?: number;
  /** Clock, injected for tests. */
  now?: () => number;
}

/** An in-memory TTL set with a size bound: one bot instance. */
export class MemoryDedupe implements Dedupe {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: MemoryDedupeOptions = {}) {
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async claim(key: string): Promise<boolean> {
    return this.claimSync(key);
  }

  /** The synchronous core (claims cannot interleave). */
  claimSync(key: string): boolean {
    const now = this.now();
    this.expire(now);
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    this.seen.delete(key);
    this.seen.set(key, now + this.ttlMs);
    while (this.seen.size > this.maxKeys) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  /** Keys remembered right now (for tests and metrics). */
  get size(): number {
    return this.seen.size;
  }

  /** Map order is insertion order and every TTL is the same, so expired keys are at the front. */
  private expire(now: number): void {
    for (const [key, until] of this.seen) {
      if (until > now) break;
      this.seen.delete(key);
    }
  }
}

/** How long a Slack delivery is remembered: past the 5 minutes in which a signed request is accepted. */
export const SLACK_DEDUPE_TTL_MS = 10 * 60_000;

/**
 * De-duplication in the shared {@link Store} (file or Redis): every bot
 * instance sharing the store sees a key once, so a Slack retry, a replayed
 * slash command or a redelivered click is handled by one instance only.
 */
export class StoreDedupe implements Dedupe {
  constructor(
    private readonly store: Pick<Store, 'seen'>,
    private readonly options: { prefix?: string; ttlMs?: number } = {},
  ) {}

  async claim(key: string): Promise<boolean> {
    const { prefix = 'slack:', ttlMs = SLACK_DEDUPE_TTL_MS } = this.options;
    return !(await this.store.seen(`${prefix}${key}`, ttlMs));
  }
}
