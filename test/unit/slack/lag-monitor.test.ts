import { LagMonitor } from '../../../src/slack/lag-monitor.js';
import { TaskLabels } from '../../../src/slack/task-labels.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // deliberately blocking the event loop
  }
}

describe('LagMonitor', () => {
  it('logs once, naming the label, when a labelled task blocks the loop for ~300 ms', async () => {
    const lines: string[] = [];
    const labels = new TaskLabels();
    const monitor = new LagMonitor({ log: (l) => lines.push(l), labels, intervalMs: 20 });
    monitor.start();
    try {
      await tick(60);
      await labels.track('users: checking hostile.xlsx', () => busy(300));
      await tick(100);
    } finally {
      monitor.stop();
    }
    const named = lines.filter((l) => l.includes('users: checking hostile.xlsx'));
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(/^event loop blocked for \d+ ms/);
    expect(Number(/blocked for (\d+) ms/.exec(named[0]!)![1])).toBeGreaterThanOrEqual(300);
  });

  it('after stop() it logs nothing, and its timer does not keep the process alive', async () => {
    const lines: string[] = [];
    const monitor = new LagMonitor({ log: (l) => lines.push(l), labels: new TaskLabels(), intervalMs: 20 });
    monitor.start();
    monitor.stop();
    busy(300);
    await tick(60);
    expect(lines).toEqual([]);
    monitor.start();
    expect((monitor as unknown as { timer: NodeJS.Timeout }).timer.hasRef()).toBe(false);
    monitor.stop();
  });
});
