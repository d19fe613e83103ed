import { ACTIONS, findAction } from '../actions/registry.js';
import { CHECKS, findCheck } from '../checks/registry.js';
import { checkSignals } from '../checks/signals.js';
import { conceptIds } from '../intent/concepts.js';
import type { PlaybookRegistry } from '../playbooks/loader.js';

/** The real whitelists, as the playbook loader sees them. */
export function playbookRegistry(): PlaybookRegistry {
  return {
    hasCheck: (id) => findCheck(id) !== undefined,
    checkSignals: (id) => {
      const c = findCheck(id);
      return c ? checkSignals(c) : undefined;
    },
    hasAction: (id) => findAction(id) !== undefined,
    checkIds: () => CHECKS.map((c) => c.id),
    actionIds: () => ACTIONS.map((a) => a.id),
    conceptIds,
  };
}
