/**
 * The fleet settings as the application uses them (`fleet:` in the config, src/config/fleet.ts). Kept apart
 * from the schema so that the front ends import no zod at start-up.
 */
export interface FleetSettings {
  concurrency: number;
  targetTimeoutMs: number;
}

export const DEFAULT_FLEET: FleetSettings = Object.freeze({ concurrency: 16, targetTimeoutMs: 60_000 });
