/**
 * Threads that already got a suggestion: at most one per thread. Bounded, so a
 * busy workspace cannot grow it without limit; the oldest entries go first.
 */
export class ThreadMemory {
  private readonly seen = new Set<string>();

  constructor(private readonly maxThreads = 5_000) {}

  /** True the first time a thread is seen (and remembers it); synchronous so two events cannot both win. */
  remember(channel: string, threadTs: string): boolean {
    const key = `${channel}:${threadTs}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    while (this.seen.size > this.maxThreads) this.seen.delete(this.seen.values().next().value!);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
