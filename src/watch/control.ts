import type { WatchSpec } from '../config/watch.js';
import type { Pause, WatchStore } from './watch-store.js';

/** `watch list`, `watch pause`, `watch resume`: reads and writes of the shared records, for every front end. */

/** One watch as `watch list` shows it. */
export interface WatchListing {
  watch: WatchSpec;
  pause?: Pause;
  /** The bot instance running it now (Redis: one of several). */
  holder?: string;
  lastRunAt?: number;
  /** Targets with a problem now: finding titles, or unreachable. */
  problems: { target: string; findings: string[]; unreachable: boolean }[];
  /** The bot could not post in the channel at the last attempt. */
  channelProblem?: { code: string; at: number };
}

export async function listWatches(watches: readonly WatchSpec[], store: WatchStore): Promise<WatchListing[]> {
  return Promise.all(
    watches.map(async (watch) => {
      const [{ state }, pause, holder] = await Promise.all([
        store.state(watch.id),
        store.pause(watch.id),
        store.holder(watch.id),
      ]);
      const problems = Object.entries(state.targets)
        .filter(([, t]) => t.unreachable || Object.keys(t.findings).length > 0)
        .map(([target, t]) => ({
          target,
          findings: Object.values(t.findings).map((f) => f.title),
          unreachable: Boolean(t.unreachable),
        }));
      return {
        watch,
        problems,
        ...(pause ? { pause } : {}),
        ...(holder ? { holder } : {}),
        ...(state.lastRunAt !== undefined ? { lastRunAt: state.lastRunAt } : {}),
        ...(state.channelProblem ? { channelProblem: state.channelProblem } : {}),
      };
    }),
  );
}

/** A pause without `for` lasts until `watch resume` (stored as the largest time). */
export const UNTIL_RESUMED = Number.MAX_SAFE_INTEGER;

export type WatchChange =
  | { kind: 'paused'; watch: WatchSpec; until: number }
  | { kind: 'resumed'; watch: WatchSpec; wasPaused: boolean }
  | { kind: 'unknown-watch'; id: string; known: string[] };

/** `watch pause <id> [for 2h]`: the scheduler skips it until then (every instance: the pause is in the store). */
export async function pauseWatch(
  req: { id: string; forMs?: number; by: string },
  watches: readonly WatchSpec[],
  store: WatchStore,
  now: () => number,
): Promise<WatchChange> {
  const watch = watches.find((w) => w.id === req.id);
  if (!watch) return unknownWatch(req.id, watches);
  const until = req.forMs === undefined ? UNTIL_RESUMED : now() + req.forMs;
  await store.setPause(watch.id, until, req.by);
  return { kind: 'paused', watch, until };
}

/** `watch resume <id>`: the next tick runs it if it is due; what changed meanwhile is posted once. */
export async function resumeWatch(
  req: { id: string; by: string },
  watches: readonly WatchSpec[],
  store: WatchStore,
): Promise<WatchChange> {
  const watch = watches.find((w) => w.id === req.id);
  if (!watch) return unknownWatch(req.id, watches);
  const wasPaused = Boolean(await store.pause(watch.id));
  if (wasPaused) await store.setPause(watch.id, 0, req.by);
  return { kind: 'resumed', watch, wasPaused };
}

export function unknownWatch(
  id: string,
  watches: readonly WatchSpec[],
): { kind: 'unknown-watch'; id: string; known: string[] } {
  return { kind: 'unknown-watch', id, known: watches.map((w) => w.id) };
}
