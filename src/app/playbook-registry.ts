import { ACTIONS, findAction } from '../actions/registry.js';
import { CHECKS, findCheck } from '../checks/registry.js';
import { checkSignals } from '../checks/signals.js';
import { LEXICON_PARTS } from '../intent/lexicon.js';
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
    // The lexicon's ids without compiling it (that is the first `match`'s work; the compiled form of the playbooks
    // is checked against these on every start). Compiling validates them: test/unit/app/playbook-registry.test.ts.
    conceptIds: () => LEXICON_PARTS.flatMap(([, concepts]) => Object.keys(concepts)),
  };
}
