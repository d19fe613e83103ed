import { matchIntent } from '../../../src/intent/match.js';
import { readFileSync } from 'node:fs';
import { committedNgram, ngramModelFile } from '../../../src/intent/ngram.js';
import {
  classifyNgram,
  fromNgramData,
  linearModel,
  NULL_CLASS,
  toNgramData,
  type NgramModel,
} from '../../../src/intent/ngram-model.js';
import { NGRAM_REASON, NGRAM_SURE_P } from '../../../src/intent/ngram-offer.js';
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

  it('keeps its weights in the committed form as they were trained, to the hundredth', () => {
    const trained = linearModel(['a', NULL_CLASS], Float64Array.from([0.5, -1]), [
      ['w:x', [3.21, -0.06]],
      ['w:y', [-327.68, 327.67]],
      ['w:z', [0.01, 0.02]],
    ]);
    const data = toNgramData(trained);
    expect(typeof data.weights).toBe('string');
    const loaded = fromNgramData(JSON.parse(JSON.stringify(data)) as typeof data);
    expect(Array.from(loaded.weights)).toEqual([321, -6, -32768, 32767]); // w:z pruned (all below 0.05)
    expect(loaded.index.get('w:y')).toBe(1);
    expect(() => toNgramData(linearModel(['a', NULL_CLASS], Float64Array.from([0, 0]), [['w:x', [400, 0]]]))).toThrow(
      /does not fit the committed form's 16 bits/,
    );
  });

  it('finds each committed feature at its row, and no other (the sorted list searched in place)', () => {
    const data = JSON.parse(readFileSync(ngramModelFile(), 'utf8')) as { features: string };
    const names = data.features.split('|');
    const index = committedNgram()!.index;
    // Twice over: the first lookups search the sorted list, the later ones a Map built from it.
    for (let pass = 0; pass < 2; pass++) {
      expect(names.every((f, i) => index.get(f) === i)).toBe(true);
      for (const absent of ['', 'c:', 'w:zzzzzz', `${names[0]}x`, '\uffff']) expect(index.get(absent)).toBeUndefined();
    }
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

  it('stays silent on chatter that asks nothing and on another system, however sure the classifier is', () => {
    expect(matchIntent('今天天气不错', playbooks, { ngram: () => sure }).outcome).toBe('none');
    expect(matchIntent('jenkins 生产环境有问题', playbooks, { ngram: () => sure }).outcome).toBe('none');
    // A question naming nothing of OMS is offered only what the classifier is sure of (NGRAM_BARE_P): the
    // committed classifier reads lunch as unrelated.
    expect(matchIntent('中午吃什么', playbooks, { ngram: () => sure }).outcome).toBe('choices');
    expect(matchIntent('中午吃什么', playbooks).outcome).toBe('none');
  });

  it('offers nothing below the threshold', () => {
    const p = classifyNgram(sure, '生产环境有问题')[0]!.p;
    expect(matchIntent('生产环境有问题', playbooks, { ngram: () => sure, ngramP: p + 1e-9 }).outcome).toBe('none');
  });

  it('is asked about a confident match, which stays a match when it agrees', () => {
    let asked = 0;
    const r = matchIntent('超管登录不上', playbooks, { ngram: () => (asked++, sureOf('login')) });
    expect([r.outcome, r.playbook?.id, asked > 0]).toEqual(['match', 'login', true]);
  });

  it('keeps passive listening from suggesting what it reads as unrelated (NGRAM_PASSIVE_NULL)', () => {
    const text = '超管登录不上';
    expect(matchIntent(text, playbooks, { ngram: () => sureOf('login') }).passive).toBe(true);
    const unrelated = linearModel([NULL_CLASS, 'login'], Float64Array.from([1, 0]), []);
    const r = matchIntent(text, playbooks, { ngram: () => unrelated });
    expect([r.outcome, r.playbook?.id, r.passive]).toEqual(['match', 'login', false]);
  });
});

/** A model sure of one playbook for any message at all (its prior alone). */
const sureOf = (id: string): NgramModel => linearModel([id, NULL_CLASS], Float64Array.from([12, 0]), []);

describe('the classifier when sure (round 8)', () => {
  // The rules: api-not-found at 0.93 with login close behind at 0.67, a second reading of their own.
  const twoReadings = 'superadmin 在前端登录报 404，login 接口路径是不是 /api/auth/login/ 还是少了 /api';

  it('is sure at least NGRAM_SURE_P with the test models', () => {
    expect(classifyNgram(sureOf('login'), 'x')[0]!.p).toBeGreaterThanOrEqual(NGRAM_SURE_P);
  });

  it('questions a confident match with a second reading: choices of the two, its own first', () => {
    const rules = matchIntent(twoReadings, playbooks, { ngram: () => null });
    expect([rules.outcome, rules.playbook?.id, rules.alternatives[0]?.id]).toEqual(['match', 'api-not-found', 'login']);
    const r = matchIntent(twoReadings, playbooks, { ngram: () => sureOf('login') });
    expect(r.outcome).toBe('choices');
    expect(r.choices!.map((c) => [c.id, c.reason === NGRAM_REASON])).toEqual([
      ['login', true],
      ['api-not-found', false],
    ]);
    expect(r.passive).toBe(false);
  });

  it('leaves the match alone when it agrees or is unsure, and for a match with no second reading', () => {
    expect(matchIntent(twoReadings, playbooks, { ngram: () => sureOf('api-not-found') }).outcome).toBe('match');
    const unsure = linearModel(['login', NULL_CLASS], Float64Array.from([2, 0]), []);
    expect(matchIntent(twoReadings, playbooks, { ngram: () => unsure }).outcome).toBe('match');
    expect(matchIntent('超管登录不上', playbooks, { ngram: () => sureOf('admin') }).outcome).toBe('match');
  });

  it('leads the rules’ choices with the playbook it is sure of', () => {
    const text =
      'user says random requests die mid-way and the backend log shows worker exiting then booting a new one';
    const rules = matchIntent(text, playbooks, { ngram: () => null });
    expect(rules.outcome).toBe('choices');
    const second = rules.choices![1]!.id;
    const r = matchIntent(text, playbooks, { ngram: () => sureOf(second) });
    expect(r.choices!.map((c) => c.id)).toEqual([
      second,
      rules.choices![0]!.id,
      ...rules.choices!.slice(2).map((c) => c.id),
    ]);
    expect(r.playbook?.id).toBe(second);
  });
});
