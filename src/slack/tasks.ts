import type { Reply } from './deps.js';
import type { TaskLabels } from './task-labels.js';

/** What a background task does, for its failure notice and log line. */
export type TaskKind =
  | 'diagnose'
  | 'check'
  | 'compare'
  | 'command'
  | 'button'
  | 'share'
  | 'approval-request'
  | 'approval-click'
  | 'user-sheet'
  | 'suggestion'
  | 'sweep'
  | 'discover'
  | 'bundle';

/**
 * Where a task's failure is told, best place first: the progress message it
 * posted (replaced, so it never stays at "11/11"), its thread, the person
 * privately (response_url, else chat.postEphemeral). Tasks fill in
 * `progress` and `threadTs` as they post; a task nobody asked for (a
 * suggestion, the expiry sweep) has no place and is only logged.
 */
export interface TaskPlace {
  channel?: string;
  user?: string;
  threadTs?: string;
  reply?: Reply;
  progress?: { channel: string; ts: string };
}

export interface TaskFailure {
  kind: TaskKind;
  place: TaskPlace | undefined;
  error: unknown;
}

/**
 * Work that outlives a listener (a diagnosis runs long after the 3-second
 * ack). Every handler's background work starts here: it is tracked so tests
 * and shutdown can wait for it, and a failure goes to `onFailure` (which
 * logs it and tells the user) instead of becoming an unhandled rejection or
 * a message that never arrives.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly onFailure: (f: TaskFailure) => Promise<void> | void,
    /** Labels the work with the request that started it (src/slack/task-labels.ts), for the lag monitor. */
    private readonly labels?: TaskLabels,
  ) {}

  run(kind: TaskKind, place: TaskPlace | undefined, work: (place: TaskPlace) => Promise<unknown>): void {
    const at: TaskPlace = place ?? {};
    const p = (async () => {
      try {
        await (this.labels ? this.labels.track(`background ${kind}`, () => work(at)) : work(at));
      } catch (error) {
        try {
          await this.onFailure({ kind, place, error });
        } catch {
          // onFailure logs and tells the user; if even that throws there is nothing left to tell.
        }
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
