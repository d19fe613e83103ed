import type { WatchSpec } from '../config/watch.js';
import { decideWatch, type TargetOutcome, type WatchPost } from './decide.js';
import type { WatchState } from './state.js';
import { targetLine, type TargetLine } from './target-line.js';
import type { Pause, WatchStore } from './watch-store.js';

export type { TargetLine } from './target-line.js';

/**
 * Runs a watch's playbook on all its targets at once (src/app/watch.ts: the fleet runner, each target with its
 * own deadline): one outcome per target, in the watch's order. A rejection is a fault: that run records nothing.
 */
export interface WatchRunner<R> {
  run(watch: WatchSpec): Promise<TargetOutcome<R>[]>;
}

/** How a post went; `notInChannel`: the bot cannot post there (not invited, archived, unknown channel). */
export type PostResult = { ok: true } | { ok: false; code: string; notInChannel: boolean };

/** Says one change in the watch's channel (Slack: src/slack/watch-poster.ts). */
export interface WatchPoster<R> {
  post(watch: WatchSpec, post: WatchPost<R>): Promise<PostResult>;
}

/** What a run came to. `conflict`: another instance wrote the state meanwhile, so this run posted nothing. */
export type WatchRunResult =
  | { kind: 'ran'; watch: WatchSpec; targets: TargetLine[]; posts: number; failedPosts: number; paused?: Pause }
  | { kind: 'conflict'; watch: WatchSpec }
  | { kind: 'unknown-watch'; id: string; known: string[] };

export interface WatchSchedulerOptions<R> {
  watches: readonly WatchSpec[];
  store: WatchStore;
  runner: WatchRunner<R>;
  poster: WatchPoster<R>;
  /** This instance's name in the leases (host:pid:random). */
  holder: string;
  now: () => number;
  log(line: string): void;
  /** How often due watches are looked for (default 15 s; tests and the benchmark call `tick()` themselves). */
  tickMs?: number;
}

/**
 * Runs each watch on schedule in the bot, posting only on change
 * (decide.ts). With several bot instances on one store, the lease makes
 * exactly one of them run each watch; the holder renews it at every tick, and
 * when it dies the lease lapses within one interval and another takes over.
 * The state is written with compare-and-set before anything is posted, so a
 * run that lost a race posts nothing (never twice).
 */
export class WatchScheduler<R> {
  private timer: NodeJS.Timeout | undefined;
  private readonly running = new Map<string, Promise<WatchRunResult>>();
  private ticking: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly o: WatchSchedulerOptions<R>) {}

  get watches(): readonly WatchSpec[] {
    return this.o.watches;
  }

  start(): void {
    if (this.timer || this.o.watches.length === 0) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.tick(), this.o.tickMs ?? 15_000);
    this.timer.unref();
    void this.tick();
  }

  /** Stop ticking, let running watches finish; `release: false` leaves the leases to lapse (a crash, in tests). */
  async stop(options: { release?: boolean } = {}): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
    await Promise.allSettled(this.running.values());
    if (options.release === false) return;
    for (const w of this.o.watches) await this.o.store.release(w.id, this.o.holder).catch(() => undefined);
  }

  /** One pass: every due watch whose lease this instance holds (or takes) runs. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.ticking) {
      // A run longer than a tick (a slow host up to its deadline) keeps its lease: renewed while it runs.
      for (const id of this.running.keys()) {
        const w = this.o.watches.find((x) => x.id === id)!;
        this.o.store.acquire(id, this.o.holder, w.everyMs).catch((e: Error) => this.o.log(`watch ${id}: ${e.message}`));
      }
      return this.ticking;
    }
    this.ticking = Promise.all(this.o.watches.map((w) => this.maybeRun(w))).then(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  /** `watch run <id>`: now, whatever the schedule; a paused watch runs but posts nothing and keeps its state. */
  async runNow(id: string): Promise<WatchRunResult> {
    const w = this.o.watches.find((x) => x.id === id);
    if (!w) return { kind: 'unknown-watch', id, known: this.o.watches.map((x) => x.id) };
    const busy = this.running.get(w.id);
    if (busy) return busy;
    return this.track(w, this.o.store.pause(w.id));
  }

  private async maybeRun(w: WatchSpec): Promise<void> {
    try {
      if (this.running.has(w.id)) {
        await this.o.store.acquire(w.id, this.o.holder, w.everyMs);
        return;
      }
      if (await this.o.store.pause(w.id)) return;
      if (!(await this.o.store.acquire(w.id, this.o.holder, w.everyMs))) return;
      const { state } = await this.o.store.state(w.id);
      if (state.lastRunAt !== undefined && this.o.now() - state.lastRunAt < w.everyMs) return;
      await this.track(w, Promise.resolve(undefined));
    } catch (e) {
      this.o.log(`watch ${w.id}: ${(e as Error).message} (the next tick tries again)`);
    }
  }

  private track(w: WatchSpec, pause: Promise<Pause | undefined>): Promise<WatchRunResult> {
    const run = pause.then((p) => this.runOnce(w, p)).finally(() => this.running.delete(w.id));
    this.running.set(w.id, run);
    return run;
  }

  private async runOnce(w: WatchSpec, paused: Pause | undefined): Promise<WatchRunResult> {
    const { store, runner, now, log } = this.o;
    const { state, version } = await store.state(w.id);
    const at = now();
    const outcomes = await runner.run(w);
    const targets = outcomes.map(targetLine);
    const decided = decideWatch(state, outcomes, { now: at, remindEveryMs: w.remindEveryMs, paused: Boolean(paused) });
    if (paused) return { kind: 'ran', watch: w, targets, posts: 0, failedPosts: 0, paused };
    if (!(await store.saveState(w.id, version, decided.state))) {
      log(`watch ${w.id}: another instance ran it at the same time; its posts stand, this run posts nothing`);
      return { kind: 'conflict', watch: w };
    }
    let failedPosts = 0;
    let problem: WatchState['channelProblem'];
    for (const p of decided.posts) {
      const r = await this.o.poster.post(w, p);
      if (r.ok) continue;
      failedPosts++;
      if (r.notInChannel) {
        problem = { code: r.code, at };
        log(
          `watch ${w.id}: cannot post in channel ${w.channel} (${r.code}): invite the bot there ` +
            '(`/invite @oms-chatops`); the watch keeps running and `watch list` shows this',
        );
        break;
      }
      log(`watch ${w.id}: a ${p.kind} post to ${w.channel} failed (${r.code})`);
    }
    // The channel's health is remembered for `watch list`: set when posting failed, cleared once a post went through.
    const posted = decided.posts.length - failedPosts > 0;
    if (problem || (state.channelProblem && posted)) {
      const next = { ...decided.state };
      if (problem) next.channelProblem = problem;
      else delete next.channelProblem;
      await store.saveState(w.id, version + 1, next);
    }
    return { kind: 'ran', watch: w, targets, posts: decided.posts.length, failedPosts };
  }
}
