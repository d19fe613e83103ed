import { z } from 'zod';
import { parseSpan } from '../duration.js';

/**
 * `fleet:` in the config: how a run over a group (`diagnose login --target all`) spreads out. Targets run at
 * once up to `concurrency` (each still limited by its own `maxConcurrency` channels), and each target has
 * `targetTimeout` to finish before its row says unreachable (src/app/fleet.ts).
 */
export const fleetSchema = z
  .object({
    concurrency: z.number().int().min(1).max(64).default(16),
    targetTimeout: z
      .string()
      .regex(/^\d+\s*(s|m)$/, 'must be a duration like 45s or 2m')
      .default('60s')
      .transform((v) => parseSpan(v, { units: ['s', 'm'] })!),
  })
  .strict();

export { DEFAULT_FLEET, type FleetSettings } from './fleet-defaults.js';
