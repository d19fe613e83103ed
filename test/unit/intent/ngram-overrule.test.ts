import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { answerSummary, matchIntent } from '../../../src/intent/match.js';
import { linearModel, NULL_CLASS, type NgramModel } from '../../../src/intent/ngram-model.js';
import { NGRAM_VETO_NULL, readAsUnrelated } from '../../../src/intent/ngram-overrule.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';

/**
 * The classifier overruling the rules (src/intent/ngram-overrule.ts), over the real playbooks and the real
 * rules, with models that read every message alike: `leaning(label, p)` gives `label` the probability `p`.
 */
const CLASSES = [NULL_CLASS, 'service-start', 'login', 'admin', 'api-not-found', 'checklist', 'worker-sigterm'];
function leaning(label: string, p: number): NgramModel {
  // p = e^a / (e^a + k - 1) for the class given `a`, the others 0.
  const a = Math.log((p * (CLASSES.length - 1)) / (1 - p));
  return linearModel(
    CLASSES,
    Float64Array.from(CLASSES, (c) => (c === label ? a : 0)),
    [],
  );
}

let playbooks: Playbook[] = [];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});
const match = (text: string, model: NgramModel | null) => matchIntent(text, playbooks, { ngram: () => model });

describe('an answer the classifier reads as unrelated', () => {
  const styling = 'There is no longer any styling on the back office pages since Monday.';

  it('is dropped for the list when the rules are not firm, their playbook named first in it', () => {
    expect(answerSummary(match(styling, null)).top).toBe('admin');
    const r = match(styling, leaning(NULL_CLASS, 0.999));
    expect([r.outcome, r.playbook, r.passive]).toEqual(['none', null, false]);
    expect(r.nearest?.map((c) => c.id)).toEqual(['admin']);
  });

  it('stays below the threshold', () => {
    const below = 1 - (1 - NGRAM_VETO_NULL) * 2;
    expect(answerSummary(match(styling, leaning(NULL_CLASS, below))).top).toBe('admin');
  });

  it('stays when the rules are firm or a log line a playbook knows is pasted', () => {
    const firm = match('超管登录不上', null);
    expect(firm.confidence).toBeGreaterThanOrEqual(0.9);
    expect(answerSummary(match('超管登录不上', leaning(NULL_CLASS, 0.999999))).top).toBe('login');
    const pasted = 'oms-backend.service: Main process exited, code=exited, status=217/USER';
    expect(answerSummary(match(pasted, leaning(NULL_CLASS, 0.999999))).top).toBe('service-start');
  });

  it('keeps a how-to answer’s section named in the list', () => {
    const text = '把快速修复命令写进 gitlab ci 的 job 里，有没有现成的';
    expect(answerSummary(match(text, null)).section).toBe('checklist#quick-fixes');
    const r = match(text, leaning(NULL_CLASS, 0.999));
    expect(r.outcome).toBe('none');
    expect(r.nearest?.[0]).toEqual(
      expect.objectContaining({ id: 'checklist', reason: expect.stringMatching(/how to/) }),
    );
  });
});

describe('readAsUnrelated', () => {
  const answer = {
    playbook: { id: 'admin', title: 'Admin' },
    confidence: 0.6,
    alternatives: [],
    outcome: 'match' as const,
    passive: false,
  };

  it('never overrules where a log line a playbook knows was pasted, a firm answer, or no answer', () => {
    const sure = leaning(NULL_CLASS, 0.999999);
    expect(readAsUnrelated(answer, 'x', sure, false)).toBe(true);
    expect(readAsUnrelated(answer, 'x', sure, true)).toBe(false);
    expect(readAsUnrelated({ ...answer, confidence: 0.9 }, 'x', sure, false)).toBe(false);
    expect(readAsUnrelated({ ...answer, outcome: 'none' as const, playbook: null }, 'x', sure, false)).toBe(false);
    expect(readAsUnrelated(answer, 'x', null, false)).toBe(false);
  });
});

describe('choices the classifier reads as unrelated', () => {
  it('become the list, the rules\u2019 two best choices named first with their reasons', () => {
    for (const text of ['the site is down for everyone', 'workers keep timing out on the big export endpoint']) {
      const rules = match(text, null);
      expect(rules.outcome).toBe('choices');
      const r = match(text, leaning(NULL_CLASS, 0.999));
      expect([r.outcome, answerSummary(r).offered]).toEqual(['none', []]);
      expect(r.nearest).toEqual(rules.choices!.slice(0, 2));
    }
    // Three choices: two are named.
    expect(match('workers keep timing out on the big export endpoint', null).choices).toHaveLength(3);
  });
});
