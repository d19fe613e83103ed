import type { TaskLabels } from './task-labels.js';

/**
 * Work that outlives a listener (a diagnosis runs long after the 3-second
 * ack). Tracked so tests and shutdown can wait for it, and so a failure is
 * logged instead of becoming an unhandled rejection.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly onError: (e: unknown) => void,
    /** Labels the work with the request that started it (src/slack/task-labels.ts), for the lag monitor. */
    private readonly labels?: TaskLabels,
  ) {}

  run(work: () => Promise<void>): void {
    const p = (async () => {
      try {
        await (this.labels ? this.labels.track('background', work) : work());
      } catch (e) {
        this.onError(e);
      }
    })();
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  /** Resolves once nothing runs any more (including work started meanwhile). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  get size(): number {
    return this.running.size;
  }
}
