import { findAction, ACTIONS } from '../../../src/actions/registry.js';
import { CHECKS, checkDeclaresSignal, findCheck } from '../../../src/checks/registry.js';
import { COMMON_SIGNALS } from '../../../src/checks/output.js';
import { loadPlaybooks, type PlaybookRegistry } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { DOC_SIGNALS } from '../../fixtures/playbooks/registry.js';

/** The registry main.ts will hand the loader: the real check and action whitelists. */
const realRegistry: PlaybookRegistry = {
  hasCheck: (id) => findCheck(id) !== undefined,
  checkSignals: (id) => {
    const check = findCheck(id);
    return check
      ? [...Object.keys(check.signals), ...Object.keys(COMMON_SIGNALS)].filter((s) => checkDeclaresSignal(check, s))
      : undefined;
  },
  hasAction: (id) => findAction(id) !== undefined,
  checkIds: () => CHECKS.map((c) => c.id),
  actionIds: () => ACTIONS.map((a) => a.id),
};

describe('the real playbooks against the real registries', () => {
  it('load without errors', async () => {
    const playbooks = await loadPlaybooks(defaultPlaybookDir(), realRegistry);
    expect(playbooks.length).toBeGreaterThanOrEqual(6);
  });

  it('use a test registry that matches the real one (docs/checks.md is in step with the code)', () => {
    for (const [id, signals] of Object.entries(DOC_SIGNALS)) {
      const check = findCheck(id);
      expect(check).toBeDefined();
      for (const s of signals) expect([id, s, checkDeclaresSignal(check!, s)]).toEqual([id, s, true]);
    }
  });
});
