import { SlackHarness } from '../helpers/fake-slack-harness.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // deliberately blocking the event loop
  }
}

describe('the event-loop lag monitor in the real Bolt app', () => {
  it('runs from start() to stop(): a blocked loop is logged while the app runs, not after it stopped', async () => {
    const h = await SlackHarness.start();
    try {
      expect((await h.command('help')).status).toBe(200);
      await tick(120);
      busy(400);
      await tick(120);
      const blocked = h.logs.filter((l) => l.startsWith('event loop blocked for'));
      expect(blocked.length).toBeGreaterThanOrEqual(1);
      expect(blocked.at(-1)).toMatch(
        /^event loop blocked for \d+ ms \(answers to Slack wait meanwhile\) while running: /,
      );
    } finally {
      await h.stop();
    }
    const before = h.logs.length;
    busy(400);
    await tick(120);
    expect(h.logs.slice(before).filter((l) => l.startsWith('event loop blocked'))).toEqual([]);
  });
});
