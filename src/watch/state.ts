import { z } from 'zod';

/**
 * What a watch remembers between runs (kept in the store, so a restart of the
 * bot neither re-posts old problems nor forgets them): per target, the
 * findings that were a problem at the last run, whether it was unreachable
 * and since when, and when its problem was last told in the channel.
 */

const finding = z.object({ title: z.string(), severity: z.string(), since: z.number() });

const targetState = z.object({
  /** Problem findings by id (info findings are not problems). */
  findings: z.record(z.string(), finding),
  /** Set while the target cannot be reached; its findings are those from before. */
  unreachable: z.object({ since: z.number(), error: z.string() }).optional(),
  /** The last post about this target's problem (a change or a reminder), ms since the epoch. */
  toldAt: z.number().optional(),
});

export const watchStateSchema = z.object({
  v: z.literal(1),
  /** When the last run started (the schedule counts from it). */
  lastRunAt: z.number().optional(),
  targets: z.record(z.string(), targetState),
  /** The last post failed because the bot cannot post in the channel (not invited, archived). */
  channelProblem: z.object({ code: z.string(), at: z.number() }).optional(),
});

export type WatchState = z.infer<typeof watchStateSchema>;
export type TargetState = z.infer<typeof targetState>;
export type StoredFinding = z.infer<typeof finding>;

export const EMPTY_STATE: WatchState = Object.freeze({ v: 1, targets: {} }) as WatchState;

/** A stored value read back: a state, or the empty one when it is missing or not a state (the store is a boundary). */
export function parseWatchState(value: unknown): WatchState {
  const r = watchStateSchema.safeParse(value);
  return r.success ? r.data : { v: 1, targets: {} };
}
