import type { MatchResult } from '../../../src/intent/match.js';
import {
  classifyNgram,
  compileNgram,
  NULL_CLASS,
  trainNgram,
  type NgramExample,
} from '../../../scripts/intent-ngram/model.js';
import {
  NGRAM_REASON,
  NGRAM_FIRM,
  NGRAM_SURE_P,
  NGRAM_UNSURE_MATCH,
  offerNgram,
  questionMatch,
  type NgramGate,
} from '../../../src/intent/ngram-offer.js';

const TOY: NgramExample[] = [
  ...['超管登录不上', '登录一直失败', '登录页面报错', 'denglu shibai'].map((text) => ({ text, label: 'login' })),
  ...['接口 404 了', '接口全部 404', '接口报错 404'].map((text) => ({ text, label: 'api-not-found' })),
  ...['中午吃什么', '周五聚餐', '中午一起吃饭'].map((text) => ({ text, label: NULL_CLASS })),
];
const model = compileNgram(trainNgram(TOY));
const titles: Record<string, string> = { login: 'Login', 'api-not-found': 'API 404', admin: 'Admin' };
const titleOf = (id: string) => titles[id];
const scoreOf = (id: string) => (id === 'login' ? 0.25 : 0);
const OPEN: NgramGate = { ours: true, evidence: true };
const extracted = { host: null } as unknown as MatchResult['extracted'];

function result(outcome: MatchResult['outcome'], choices?: string[]): MatchResult {
  const first = choices?.[0];
  return {
    playbook: first ? { id: first, title: titles[first]! } : null,
    confidence: 0.4,
    alternatives: [],
    extracted,
    outcome,
    ...(choices ? { choices: choices.map((id) => ({ id, title: titles[id]!, confidence: 0.4, reason: 'r' })) } : {}),
    passive: false,
  };
}
const offer = (r: MatchResult, text: string, gate = OPEN, p = 0.9, bare?: number) =>
  offerNgram(r, text, model, gate, titleOf, scoreOf, p, undefined, bare);

describe('offerNgram', () => {
  it('turns no answer into choices led by the classifier, never a passive reply', () => {
    const r = offer(result('none'), '登录又失败了');
    expect(r.outcome).toBe('choices');
    expect(r.playbook).toEqual({ id: 'login', title: 'Login' });
    expect(r.choices).toEqual([{ id: 'login', title: 'Login', confidence: 0.25, reason: NGRAM_REASON }]);
    expect(r.passive).toBe(false);
  });

  it('adds its playbook after the rules’ choices, not to three already, and not twice', () => {
    expect(offer(result('choices', ['admin']), '登录又失败了').choices!.map((c) => c.id)).toEqual(['admin', 'login']);
    const three = offer(result('choices', ['admin', 'api-not-found', 'admin']), '登录又失败了');
    expect(three.choices!.map((c) => c.id)).toEqual(['admin', 'api-not-found', 'admin']);
    const full = offer(result('choices', ['admin', 'api-not-found', 'admin']), '登录又失败了');
    expect(full.choices!.map((c) => c.id)).toEqual(['admin', 'api-not-found', 'admin']);
  });

  it('leaves a confident match and a how-to answer alone', () => {
    for (const outcome of ['match', 'howto'] as const) {
      const r = result(outcome, ['admin']);
      expect(offer(r, '登录又失败了')).toBe(r);
    }
  });

  it('offers nothing below the threshold, for unrelated chatter, or when the gate is shut', () => {
    const none = result('none');
    const p = classifyNgram(model, '登录又失败了')[0]!.p;
    expect(offer(none, '登录又失败了', OPEN, p)).not.toBe(none);
    expect(offer(none, '登录又失败了', OPEN, p + 1e-12)).toBe(none);
    expect(offer(none, '中午吃什么')).toBe(none);
    expect(offer(none, '登录又失败了', { ours: false, evidence: true })).toBe(none);
    // Without the rules' evidence: only a question, and only at NGRAM_BARE_P (the toy model is sure of login).
    expect(offer(none, '登录又失败了', { ours: true, evidence: false })).toBe(none);
    expect(offer(none, '登录又失败了', { ours: true, evidence: false, asks: true }).outcome).toBe('choices');
    expect(offer(none, '登录又失败了', { ours: true, evidence: false, asks: true }, 0.5, 1)).toBe(none);
    expect(offerNgram(none, '登录又失败了', null, OPEN, titleOf, scoreOf)).toBe(none);
  });
});

describe('the classifier when sure (NGRAM_SURE_P)', () => {
  const sure = classifyNgram(model, '登录又失败了')[0]!;

  it('is sure of the toy login message (the premise of the tests below)', () => {
    expect(sure.label).toBe('login');
    expect(sure.p).toBeGreaterThanOrEqual(NGRAM_SURE_P);
  });

  it('leads the rules’ choices with its playbook, keeping the rules’ reason', () => {
    const r = offer(result('choices', ['admin', 'api-not-found', 'login']), '登录又失败了');
    expect(r.choices!.map((c) => c.id)).toEqual(['login', 'admin', 'api-not-found']);
    expect(r.choices![0]!.reason).toBe('r');
    expect(r.playbook).toEqual({ id: 'login', title: 'Login' });
  });

  const match = (id: string): MatchResult => ({
    ...result('match'),
    playbook: { id, title: titles[id]! },
    confidence: 0.93,
  });
  const question = (r: MatchResult, text: string, gate = OPEN) =>
    questionMatch(r, text, model, gate, titleOf, scoreOf, 'rules reason');

  it('turns a match or a how-to answer it reads as another playbook into choices of the two, its own first', () => {
    // Below NGRAM_FIRM: a firm match is questioned only beside a second reading (below).
    const r = question({ ...match('api-not-found'), confidence: 0.8, passive: true }, '登录又失败了');
    expect(r.outcome).toBe('choices');
    expect(r.playbook).toEqual({ id: 'login', title: 'Login' });
    expect(r.choices).toEqual([
      { id: 'login', title: 'Login', confidence: 0.25, reason: NGRAM_REASON },
      { id: 'api-not-found', title: 'API 404', confidence: 0.8, reason: 'rules reason' },
    ]);
    // Passive listening never suggests the classifier's reading.
    expect(r.passive).toBe(false);
    const howto = question(
      { ...match('admin'), confidence: 0.8, outcome: 'howto', howto: { section: 'bulk-import', title: 'Bulk' } },
      '登录又失败了',
    );
    expect([howto.outcome, howto.choices!.map((c) => c.id), howto.howto]).toEqual([
      'choices',
      ['login', 'admin'],
      undefined,
    ]);
  });

  it('questions a firm match (NGRAM_FIRM) only beside a second reading of the rules', () => {
    const firm = { ...match('api-not-found'), confidence: NGRAM_FIRM };
    expect(question(firm, '登录又失败了')).toBe(firm);
    const second = questionMatch(firm, '登录又失败了', model, OPEN, titleOf, scoreOf, 'r', undefined, true);
    expect(second.choices!.map((c) => c.id)).toEqual(['login', 'api-not-found']);
  });

  it('offers its playbook after an unsure match (NGRAM_UNSURE_MATCH) when fairly sure (NGRAM_ADD_P)', () => {
    const unsure = { ...match('api-not-found'), confidence: NGRAM_UNSURE_MATCH - 0.01 };
    const r = questionMatch(unsure, '登录又失败了', model, OPEN, titleOf, scoreOf, 'r', 1.1);
    expect(r.choices!.map((c) => c.id)).toEqual(['api-not-found', 'login']);
    const sure = { ...match('api-not-found'), confidence: NGRAM_UNSURE_MATCH };
    expect(questionMatch(sure, '登录又失败了', model, OPEN, titleOf, scoreOf, 'r', 1.1)).toBe(sure);
  });

  it('leaves a match it agrees with, chatter, a shut gate and other outcomes alone', () => {
    const same = match('login');
    expect(question(same, '登录又失败了')).toBe(same);
    const api = match('api-not-found');
    expect(question(api, '中午吃什么')).toBe(api);
    expect(question(api, '登录又失败了', { ours: false, evidence: true })).toBe(api);
    expect(questionMatch(api, '登录又失败了', null, OPEN, titleOf, scoreOf, 'x')).toBe(api);
    const choices = result('choices', ['admin']);
    expect(question(choices, '登录又失败了')).toBe(choices);
  });
});
