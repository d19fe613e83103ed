import { beforeAll } from '@jest/globals';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import type { AnswerSummary } from '../../src/intent/heldout.js';
import { answerSummary, matchIntent } from '../../src/intent/match.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import type { Playbook } from '../../src/playbooks/playbook.js';

/**
 * The matcher's answer over the repository's own playbooks (loaded once, before the file's tests), as the rules
 * tests of test/unit/intent/ read it: call at a test file's top level.
 */
export function answerOverRealPlaybooks(): (text: string) => AnswerSummary {
  let playbooks: Playbook[] = [];
  beforeAll(async () => {
    playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  });
  return (text) => answerSummary(matchIntent(text, playbooks));
}
