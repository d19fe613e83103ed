/** Timers, injected so tests can drive time. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * At most one `chat.update` per interval for one message (Slack allows about
 * one write per second per channel). Progress updates coalesce: only the
 * latest state is sent. The final update also waits for the interval, and
 * updates never overlap.
 */
export class UpdateThrottle {
  private last = Number.NEGATIVE_INFINITY;
  private pending: (() => Promise<void>) | undefined;
  private timer: unknown;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly intervalMs = 1000,
    private readonly clock: Clock = REAL_CLOCK,
  ) {}

  /** Queue a progress update; an earlier one still waiting is replaced. */
  schedule(update: () => Promise<void>): void {
    if (this.closed) return;
    this.pending = update;
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.last + this.intervalMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => this.fire(), wait);
  }

  private fire(): void {
    this.timer = undefined;
    const update = this.pending;
    this.pending = undefined;
    if (!update || this.closed) return;
    this.chain = this.chain.then(async () => {
      this.last = this.clock.now();
      await update().catch(() => undefined);
    });
  }

  /** Drop pending progress, wait for the one in flight and the interval, then send the final update. */
  async finish(final: () => Promise<void>): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    await this.chain;
    const wait = this.last + this.intervalMs - this.clock.now();
    if (wait > 0) await new Promise<void>((resolve) => this.clock.setTimeout(resolve, wait));
    this.last = this.clock.now();
    await final();
  }
}
