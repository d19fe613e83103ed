import type { TaskLabels } from './task-labels.js';

export interface LagMonitorOptions {
  /** The bot's redacting line logger. */
  log: (line: string) => void;
  labels: TaskLabels;
  /** Lateness worth a log line (default 200 ms; Slack gives up on an ack after 3 s). */
  thresholdMs?: number;
  /** How often the loop is sampled (default 50 ms). */
  intervalMs?: number;
}

/**
 * Watches the bot's event loop: a timer that should fire every `intervalMs`
 * and notes how late it is. Past the threshold it logs one line with how long
 * the loop was blocked and the labels of what was running then (set by the
 * Slack handlers, src/slack/task-labels.ts). The timer is unref'd: it never
 * keeps the process alive.
 */
export class LagMonitor {
  private timer: NodeJS.Timeout | undefined;
  private last = 0;

  constructor(private readonly options: LagMonitorOptions) {}

  start(): void {
    if (this.timer) return;
    const interval = this.options.intervalMs ?? 50;
    const threshold = this.options.thresholdMs ?? 200;
    this.last = performance.now();
    this.options.labels.drain();
    this.timer = setInterval(() => {
      const now = performance.now();
      const late = now - this.last - interval;
      this.last = now;
      const ran = this.options.labels.drain();
      if (late > threshold)
        this.options.log(
          `event loop blocked for ${Math.round(late + interval)} ms (answers to Slack wait meanwhile) while running: ${
            ran.length > 0 ? ran.join(', ') : 'nothing labelled'
          }`,
        );
    }, interval);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
