import { matchIntent } from '../../../src/intent/match.js';
import { committedNgram } from '../../../src/intent/ngram.js';
import { classifyNgram, linearModel, NULL_CLASS, type NgramModel } from '../../../src/intent/ngram-model.js';
import { NGRAM_REASON } from '../../../src/intent/ngram-offer.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

/** A model sure of the checklist for anything with 有问题 or 吃 in it. */
const sure: NgramModel = linearModel(['checklist', NULL_CLASS], Float64Array.from([0, 0]), [
  ['b:问题', [8, 0]],
  ['c:吃', [8, 0]],
]);

describe('the committed n-gram classifier', () => {
  it('loads once, with the six playbooks and the unrelated class', () => {
    const model = committedNgram();
    expect(model).not.toBeNull();
    expect(committedNgram()).toBe(model);
    const ids = playbooks.map((p) => p.id).sort();
    expect(model!.classes).toEqual([...ids, NULL_CLASS].sort());
    expect(model!.index.size).toBeGreaterThan(1000);
    expect(model!.weights.length).toBe(model!.index.size * model!.classes.length);
  });

  it('is null, and matching goes on with the rules alone, when the file is missing or malformed', () => {
    expect(committedNgram('/nonexistent/ngram-model.json')).toBeNull();
    expect(committedNgram(defaultPlaybookDir() + '/login.md')).toBeNull();
    expect(committedNgram()).not.toBeNull();
  });

  it('tells trouble on OMS from chatter', () => {
    const model = committedNgram()!;
    expect(classifyNgram(model, '超管登录不上')[0]!.label).toBe('login');
    expect(classifyNgram(model, 'houduan qi bu lai')[0]!.label).toBe('service-start');
    expect(classifyNgram(model, '中午吃什么')[0]!.label).toBe(NULL_CLASS);
  });
});

describe('matchIntent with the classifier', () => {
  it('adds its playbook as a choice where the rules have no answer, never a passive reply', () => {
    expect(matchIntent('生产环境有问题', playbooks, { ngram: () => null }).outcome).toBe('none');
    const r = matchIntent('生产环境有问题', playbooks, { ngram: () => sure });
    expect(r.outcome).toBe('choices');
    expect(r.playbook?.id).toBe('checklist');
    expect(r.choices?.[0]).toMatchObject({ id: 'checklist', reason: NGRAM_REASON });
    expect(r.passive).toBe(false);
  });

  it('stays silent on chatter and on another system, however sure the classifier is', () => {
    expect(matchIntent('中午吃什么', playbooks, { ngram: () => sure }).outcome).toBe('none');
    expect(matchIntent('jenkins 生产环境有问题', playbooks, { ngram: () => sure }).outcome).toBe('none');
  });

  it('offers nothing below the threshold', () => {
    const p = classifyNgram(sure, '生产环境有问题')[0]!.p;
    expect(matchIntent('生产环境有问题', playbooks, { ngram: () => sure, ngramP: p + 1e-9 }).outcome).toBe('none');
  });

  it('is not even loaded for a confident match', () => {
    let asked = 0;
    const r = matchIntent('超管登录不上', playbooks, { ngram: () => (asked++, sure) });
    expect([r.outcome, r.playbook?.id, asked]).toEqual(['match', 'login', 0]);
  });
});
