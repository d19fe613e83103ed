import { findAction } from '../actions/registry.js';
import { findCheck } from '../checks/registry.js';
import { checkSignals } from '../checks/signals.js';

/** What the playbook loader needs to know about the whitelists. */
export interface PlaybookRegistry {
  hasCheck(id: string): boolean;
  checkSignals(id: string): string[] | undefined;
  hasAction(id: string): boolean;
}

/** The real whitelists, as the loader sees them. */
export function playbookRegistry(): PlaybookRegistry {
  return {
    hasCheck: (id) => findCheck(id) !== undefined,
    checkSignals: (id) => {
      const c = findCheck(id);
      return c ? checkSignals(c) : undefined;
    },
    hasAction: (id) => findAction(id) !== undefined,
  };
}
