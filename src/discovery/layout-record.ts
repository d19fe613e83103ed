import { z } from 'zod';
import { LAYOUT_KEYS } from './layout.js';

const layoutKey = z.enum(LAYOUT_KEYS);
const layoutValue = z.union([z.string().max(4096), z.array(z.string().max(4096)).max(50)]);
/** A stored discovery is read back like any boundary: a record that does not parse is a miss. */
const discoverySchema = z.object({
  values: z.partialRecord(layoutKey, z.object({ value: layoutValue, source: z.string().max(2000) })),
  notes: z.array(z.object({ value: z.string().max(4096), source: z.string().max(2000) })).max(200),
  undecided: z.array(z.object({ keys: z.array(layoutKey), reason: z.string().max(4096) })).max(200),
});
export const recordSchema = z.object({ discovery: discoverySchema.nullable() });
