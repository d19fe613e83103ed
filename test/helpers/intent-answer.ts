import { beforeAll, expect } from '@jest/globals';
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

/**
 * The rules tests' expectations on an answer function, each naming the text it fails on: `tops` each text's first
 * playbook, `silent` nothing offered and no passive reply, `sections` each text's how-to section.
 */
export function answerExpectations(answer: (text: string) => AnswerSummary) {
  return {
    tops(cases: Array<[string, string]>): void {
      for (const [text, top] of cases) expect([text, answer(text).top]).toEqual([text, top]);
    },
    silent(texts: string[]): void {
      for (const text of texts) {
        const r = answer(text);
        expect([text, r.offered, r.passive]).toEqual([text, [], false]);
      }
    },
    sections(cases: Array<[string, string | null]>): void {
      for (const [text, section] of cases) expect([text, answer(text).section]).toEqual([text, section]);
    },
  };
}

/**
 * The rules' answer alone (no classifier), for the tests that hold a reading the rules make on purpose where the
 * classifier, sure and wrong, leads the choices (src/intent/ngram-offer.ts: questionMatch); the rules' playbook is
 * still offered beside it (`offeredWith`).
 */
export function rulesAnswerOverRealPlaybooks(): (text: string) => AnswerSummary {
  let playbooks: Playbook[] = [];
  beforeAll(async () => {
    playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  });
  return (text) => answerSummary(matchIntent(text, playbooks, { ngram: () => null }));
}

/**
 * The classifier may overrule the rules (src/intent/ngram-overrule.ts): an answer they are not firm about is dropped
 * for the list of playbooks when it reads the message as unrelated. The tests that hold the rules' tuned reading of
 * such a message assert it on the rules alone and what the whole matcher still promises (`kept`): the rules'
 * playbook (and section) answered, or named first in the list of playbooks.
 */
export function overruleExpectations() {
  let playbooks: Playbook[] = [];
  beforeAll(async () => {
    playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  });
  const rules = (text: string) => answerSummary(matchIntent(text, playbooks, { ngram: () => null }));
  return {
    kept(cases: Array<[string, string, string?]>): void {
      for (const [text, top, section] of cases) {
        const r = rules(text);
        expect([text, r.top, r.section ?? undefined]).toEqual([text, top, section]);
        const m = matchIntent(text, playbooks);
        const named = m.outcome === 'none' ? m.nearest?.[0]?.id : answerSummary(m).top;
        expect([text, named]).toEqual([text, top]);
        if (section !== undefined && m.outcome !== 'none')
          expect([text, answerSummary(m).section]).toEqual([text, section]);
      }
    },
    /**
     * The rules offer the playbook (with the section, when one is given, as their answer's); the classifier may put
     * its own reading first or read the message as unrelated, yet the playbook stays one click away: among the
     * choices, or in the list's `nearest`.
     */
    reachable(cases: Array<[string, string, string?]>): void {
      for (const [text, id, section] of cases) {
        const r = rules(text);
        expect([text, r.offered.includes(id)]).toEqual([text, true]);
        if (section !== undefined) expect([text, r.section]).toEqual([text, section]);
        const m = matchIntent(text, playbooks);
        const near = m.outcome === 'none' ? (m.nearest ?? []).map((p) => p.id) : answerSummary(m).offered;
        expect([text, near]).toEqual([text, expect.arrayContaining([id])]);
      }
    },
  };
}
