import { UpdateThrottle, type Clock } from '../../../src/slack/throttle.js';

/** A hand-driven clock: timers fire only when the test advances time. */
class ManualClock implements Clock {
  t = 0;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private id = 0;
  now() {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.id;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown) {
    this.timers = this.timers.filter((x) => x.id !== h);
  }
  async advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      await flush();
      const due = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      due.fn();
    }
    this.t = end;
    await flush();
  }
}
const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('UpdateThrottle', () => {
  it('sends at most one update per interval, always the latest state', async () => {
    const clock = new ManualClock();
    const sent: Array<{ state: number; at: number }> = [];
    const th = new UpdateThrottle(1000, clock);
    for (let i = 1; i <= 10; i++) {
      th.schedule(async () => void sent.push({ state: i, at: clock.now() }));
      await clock.advance(150);
    }
    await clock.advance(2000);
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    expect(sent.at(-1)!.state).toBe(10);
    expect(sent.length).toBeLessThanOrEqual(3);
  });

  it('the final update drops pending progress and still respects the interval', async () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const th = new UpdateThrottle(1000, clock);
    th.schedule(async () => void sent.push(`progress@${clock.now()}`));
    await clock.advance(10);
    th.schedule(async () => void sent.push('stale progress'));
    const done = th.finish(async () => void sent.push(`final@${clock.now()}`));
    await clock.advance(1000);
    await done;
    expect(sent).toEqual(['progress@0', 'final@1000']);
    th.schedule(async () => void sent.push('after the end'));
    await clock.advance(5000);
    expect(sent).toEqual(['progress@0', 'final@1000']);
  });

  it('a failing progress update does not stop the final one', async () => {
    const clock = new ManualClock();
    const th = new UpdateThrottle(1000, clock);
    th.schedule(async () => {
      throw new Error('ratelimited');
    });
    await clock.advance(1);
    let final = false;
    const done = th.finish(async () => void (final = true));
    await clock.advance(1000);
    await done;
    expect(final).toBe(true);
  });
});
