/**
 * De-duplication of Slack deliveries. Slack re-sends an event when the first
 * delivery was not acknowledged in time (`X-Slack-Retry-Num` over HTTP,
 * `retry_attempt` in Socket Mode), and Bolt does not drop those: the Slack
 * layer asks {@link Dedupe.claim} with the event id and handles the event only
 * when it is the first to claim it. Later stores (file, Redis) implement the
 * same interface so several bot instances share what they have seen.
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
