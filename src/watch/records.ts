import { z } from 'zod';

/** The watch store's records as read back (src/watch/watch-store.ts loads this on its first read). */

export const leaseSchema = z.object({ holder: z.string(), expiresAt: z.number() });
export const pauseSchema = z.object({ until: z.number(), by: z.string() });

/** A pause in force: until when, and who asked. */
export type Pause = z.infer<typeof pauseSchema>;

export { parseWatchState } from './state.js';
