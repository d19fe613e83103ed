import type { Check } from './check.js';
import { HOST_CHECKS } from './host-checks.js';
import { SERVICE_CHECKS } from './service-checks.js';
import { WEB_CHECKS } from './web-checks.js';

/** The read-only whitelist. Duplicate ids fail at start-up. */
export const CHECKS: readonly Check[] = Object.freeze(
  buildRegistry([...SERVICE_CHECKS, ...WEB_CHECKS, ...HOST_CHECKS]),
);

function buildRegistry(checks: Check[]): Check[] {
  const seen = new Set<string>();
  for (const c of checks) {
    if (seen.has(c.id)) throw new Error(`duplicate check id "${c.id}" in the whitelist`);
    seen.add(c.id);
  }
  return checks;
}

const byId = new Map(CHECKS.map((c) => [c.id, c]));

export function findCheck(id: string): Check | undefined {
  return byId.get(id);
}

export { checkDeclaresSignal } from './signals.js';
