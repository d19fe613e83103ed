/** The fleet settings without their schema (src/config/fleet.ts), for what every start loads. */

/** The fleet settings as the application uses them. */
export interface FleetSettings {
  concurrency: number;
  targetTimeoutMs: number;
}

export const DEFAULT_FLEET: FleetSettings = Object.freeze({ concurrency: 16, targetTimeoutMs: 60_000 });
