import type { MatchResult } from '../../../src/intent/match.js';
import {
  classifyNgram,
  compileNgram,
  NULL_CLASS,
  trainNgram,
  type NgramExample,
} from '../../../scripts/intent-ngram/model.js';
import { NGRAM_REASON, offerNgram, type NgramGate } from '../../../src/intent/ngram-offer.js';

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
const offer = (r: MatchResult, text: string, gate = OPEN, p = 0.9) =>
  offerNgram(r, text, model, gate, titleOf, scoreOf, p);

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
    const three = offer(result('choices', ['admin', 'api-not-found', 'login']), '登录又失败了');
    expect(three.choices!.map((c) => c.id)).toEqual(['admin', 'api-not-found', 'login']);
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
    expect(offer(none, '登录又失败了', { ours: true, evidence: false })).toBe(none);
    expect(offerNgram(none, '登录又失败了', null, OPEN, titleOf, scoreOf)).toBe(none);
  });
});
