import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WatchSpec } from '../../../src/config/watch.js';
import { FileStore } from '../../../src/store/file-store.js';
import type { TargetOutcome, WatchPost } from '../../../src/watch/decide.js';
import { WatchScheduler, type PostResult } from '../../../src/watch/scheduler.js';
import { WatchStore } from '../../../src/watch/watch-store.js';

const MIN = 60_000;
const WATCH: WatchSpec = {
  id: 'checklist-prod',
  playbook: 'checklist',
  targetsText: 'prod',
  targets: ['web1', 'web2'],
  everyMs: 5 * MIN,
  channel: 'C0123ABCD',
  remindEveryMs: 4 * 60 * MIN,
};
const hosts = { id: 'allowed-hosts', title: 'ALLOWED_HOSTS lacks the address', severity: 'error' };

/** One store directory shared by the instances, a clock the test moves, results the test sets. */
function world() {
  const dir = mkdtempSync(join(tmpdir(), 'oms-watch-'));
  let clock = Date.parse('2026-11-30T08:00:00Z');
  const now = () => clock;
  const results = new Map<string, TargetOutcome<string>>();
  const posts: { by: string; post: WatchPost<string> }[] = [];
  let answer: PostResult = { ok: true };
  const runs: string[] = [];
  const logs: string[] = [];
  let gate: Promise<void> | undefined;
  let fault = false;
  let open = () => {};
  const instance = (holder: string) => {
    const store = new WatchStore(new FileStore({ dir, now }), now);
    const scheduler = new WatchScheduler<string>({
      watches: [WATCH],
      store,
      holder,
      now,
      log: (l) => logs.push(`${holder}: ${l}`),
      runner: {
        run: (w) =>
          Promise.all(
            w.targets.map(async (target): Promise<TargetOutcome<string>> => {
              runs.push(`${holder}:${target}`);
              await gate;
              if (fault) throw new Error('the store of the fleet runner broke');
              const r = results.get(target);
              return r ?? { target, kind: 'unreachable', error: `connect ECONNREFUSED (${target})` };
            }),
          ),
      },
      poster: {
        async post(_w, post) {
          posts.push({ by: holder, post });
          return answer;
        },
      },
    });
    return { scheduler, store };
  };
  const ok = (target: string, ...findings: (typeof hosts)[]) =>
    results.set(target, { target, kind: 'report', findings, report: target });
  return {
    instance,
    ok,
    down: (t: string) => results.delete(t),
    advance: (ms: number) => (clock += ms),
    now,
    posts,
    runs,
    logs,
    answer: (a: PostResult) => (answer = a),
    /** Runs wait until `release()`: the test writes in between. */
    hold: () => (gate = new Promise<void>((r) => (open = r))),
    release: () => open(),
    breakRunner: (on: boolean) => (fault = on),
  };
}

describe('WatchScheduler', () => {
  test('runs when due, once per interval, only on the instance holding the lease', async () => {
    const w = world();
    w.ok('web1');
    w.ok('web2');
    const a = w.instance('a');
    const b = w.instance('b');
    await a.scheduler.tick();
    await b.scheduler.tick();
    expect(w.runs).toEqual(['a:web1', 'a:web2']);
    w.advance(MIN);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(w.runs).toHaveLength(2);
    w.advance(4 * MIN);
    await Promise.all([b.scheduler.tick(), a.scheduler.tick()]);
    expect(w.runs).toEqual(['a:web1', 'a:web2', 'a:web1', 'a:web2']);
    expect(await a.store.holder(WATCH.id)).toBe('a');
  });

  test('a dead holder: the other takes over within one interval; a clean stop hands over at the next tick', async () => {
    const w = world();
    w.ok('web1');
    w.ok('web2');
    const a = w.instance('a');
    const b = w.instance('b');
    await a.scheduler.tick();
    await a.scheduler.stop({ release: false });
    w.advance(WATCH.everyMs - 1);
    await b.scheduler.tick();
    expect(await b.store.holder(WATCH.id)).toBe('a');
    w.advance(1);
    await b.scheduler.tick();
    expect(await b.store.holder(WATCH.id)).toBe('b');
    expect(w.runs.filter((r) => r.startsWith('b:'))).toHaveLength(2);
    await b.scheduler.stop();
    const c = w.instance('c');
    w.advance(WATCH.everyMs);
    await c.scheduler.tick();
    expect(await c.store.holder(WATCH.id)).toBe('c');
  });

  test('an unreachable target: posted once, and back once', async () => {
    const w = world();
    w.ok('web1');
    const a = w.instance('a');
    await a.scheduler.tick();
    expect(w.posts.map((p) => p.post)).toEqual([
      { kind: 'unreachable', target: 'web2', error: 'connect ECONNREFUSED (web2)' },
    ]);
    for (let i = 0; i < 5; i++) {
      w.advance(WATCH.everyMs);
      await a.scheduler.tick();
    }
    expect(w.posts).toHaveLength(1);
    w.ok('web2');
    w.advance(WATCH.everyMs);
    await a.scheduler.tick();
    expect(w.posts.map((p) => p.post.kind)).toEqual(['unreachable', 'back']);
  });

  test('a restart reads the state back: nothing is posted again', async () => {
    const w = world();
    w.ok('web1', hosts);
    w.ok('web2');
    const a = w.instance('a');
    await a.scheduler.tick();
    expect(w.posts).toHaveLength(1);
    await a.scheduler.stop();
    const again = w.instance('a');
    w.advance(WATCH.everyMs);
    await again.scheduler.tick();
    expect(w.runs).toHaveLength(4);
    expect(w.posts).toHaveLength(1);
  });

  test('paused: not run until the pause ends; `watch run` while paused runs but posts nothing and keeps the state', async () => {
    const w = world();
    w.ok('web1');
    w.ok('web2');
    const a = w.instance('a');
    await a.scheduler.tick();
    await a.store.setPause(WATCH.id, w.now() + 2 * 60 * MIN, 'console:alice');
    w.ok('web1', hosts);
    w.advance(WATCH.everyMs);
    await a.scheduler.tick();
    expect(w.runs).toHaveLength(2);
    const now = await a.scheduler.runNow(WATCH.id);
    expect(now).toMatchObject({ kind: 'ran', posts: 0, paused: { by: 'console:alice' } });
    expect(w.posts).toEqual([]);
    w.advance(2 * 60 * MIN);
    await a.scheduler.tick();
    expect(w.posts.map((p) => p.post.kind)).toEqual(['new']);
  });

  test('a channel the bot is not in: one log line per failed run, remembered for watch list, cleared by a post', async () => {
    const w = world();
    w.ok('web1');
    w.ok('web2');
    const a = w.instance('a');
    await a.scheduler.tick();
    w.answer({ ok: false, code: 'not_in_channel', notInChannel: true });
    w.ok('web1', hosts);
    w.advance(WATCH.everyMs);
    await a.scheduler.tick();
    expect(w.logs.filter((l) => /cannot post in channel C0123ABCD \(not_in_channel\)/.test(l))).toHaveLength(1);
    expect((await a.store.state(WATCH.id)).state.channelProblem).toMatchObject({ code: 'not_in_channel' });
    w.advance(WATCH.everyMs);
    await a.scheduler.tick();
    expect((await a.store.state(WATCH.id)).state.channelProblem).toMatchObject({ code: 'not_in_channel' });
    w.answer({ ok: true });
    w.ok('web1');
    w.advance(WATCH.everyMs);
    await a.scheduler.tick();
    expect((await a.store.state(WATCH.id)).state.channelProblem).toBeUndefined();
  });

  test('a state written by someone else meanwhile: this run posts nothing (never twice)', async () => {
    const w = world();
    w.ok('web1', hosts);
    w.ok('web2');
    const a = w.instance('a');
    const other = w.instance('x').store;
    // Another writer bumps the version while a's run is in flight.
    w.hold();
    const started = a.scheduler.runNow(WATCH.id);
    while (w.runs.length < 2) await new Promise((r) => setTimeout(r, 5));
    const { version, state } = await other.state(WATCH.id);
    expect(await other.saveState(WATCH.id, version, { ...state, lastRunAt: w.now() })).toBe(true);
    w.release();
    expect(await started).toMatchObject({ kind: 'conflict' });
    expect(w.posts).toEqual([]);
    expect(w.logs.join('\n')).toMatch(/another instance ran it at the same time/);
    expect(await a.scheduler.runNow('nope')).toEqual({ kind: 'unknown-watch', id: 'nope', known: [WATCH.id] });
  });

  test('a runner fault: logged, nothing written or posted, the next tick tries again', async () => {
    const w = world();
    w.ok('web1', hosts);
    w.ok('web2');
    const a = w.instance('a');
    w.breakRunner(true);
    await a.scheduler.tick();
    expect(w.logs.join('\n')).toMatch(
      /a: watch checklist-prod: the store of the fleet runner broke \(the next tick tries again\)/,
    );
    expect((await a.store.state(WATCH.id)).version).toBe(0);
    w.breakRunner(false);
    await a.scheduler.tick();
    expect(w.posts.map((p) => p.post.kind)).toEqual(['new']);
  });

  test('a run longer than the interval keeps its lease: the ticks meanwhile renew it, nobody else runs', async () => {
    const w = world();
    w.ok('web1');
    w.ok('web2');
    const a = w.instance('a');
    const b = w.instance('b');
    w.hold();
    const first = a.scheduler.tick();
    while (w.runs.length < 2) await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 8; i++) {
      w.advance(WATCH.everyMs / 2);
      void a.scheduler.tick();
      await new Promise((r) => setTimeout(r, 20));
      await b.scheduler.tick();
    }
    expect(await b.store.holder(WATCH.id)).toBe('a');
    expect(w.runs.every((r) => r.startsWith('a:'))).toBe(true);
    w.release();
    await first;
  });
});
