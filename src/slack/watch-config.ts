import type { WatchStore } from '../watch/watch-store.js';

/** What main.ts (or a test) gives the Slack layer to run the watches. */
export interface SlackWatchConfig {
  store: WatchStore;
  /** This instance's name in the leases. */
  holder: string;
  /** How often due watches are looked for (default 15 s). */
  tickMs?: number;
  /** The scheduler's clock in ms (tests and the benchmark move it). */
  now?: () => number;
  /** Start the schedule with the bot (default true; tests drive `tick()` themselves). */
  autoStart?: boolean;
}
