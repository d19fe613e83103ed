import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 15's rules (docs/intent.md) for office chat relayed by business users, on wordings invented for them (hard
 * negatives among them): other systems typed in pinyin, licences, 平台 and WeChat, turning to the maker.
 * test/unit/intent/round15-rules.test.ts holds the rest of the round.
 */
const answer = answerOverRealPlaybooks();
const { tops, silent } = answerExpectations(answer);

describe('office topics in pinyin and licences', () => {
  it("another system typed in pinyin is that system's; OMS's parts in pinyin stay OMS's", () => {
    silent(['deng1lu4 you2xiang1 shi1bai4, mi4ma3 cuo4wu4', 'dayinji lian bu shang', 'kaoqin daka jilu mei you']);
    tops([
      ['chaoguan denglu bu shang, mima cuowu', 'login'],
      ['mei you xiang dao houtai da bu kai', 'admin'],
    ]);
  });

  it("a licence activated is no account's activation", () => {
    silent(['截图里写的是 Windows 激活失败 错误代码 0xC004F074', 'office 激活码在哪找']);
    expect(answer('有个同事的OMS账号被停用了，怎么重新激活').section).toBe('login#reset-password');
  });
});

describe("business users' words for OMS", () => {
  it("平台 is OMS as a whole, not its admin; WeChat's own login is another system", () => {
    const r = answer('平台打不开了 一直转圈');
    expect([r.outcome, r.top]).toEqual(['choices', 'checklist']);
    tops([
      ['平台接口全是 502', 'api-not-found'],
      ['平台全 504 了', 'api-not-found'],
    ]);
    silent([
      '报表平台打不开了',
      '网页版微信登录不上',
      '微信登录不上了 扫码没反应',
      '财务系统 502 了',
      '厂家的工程师几点到',
    ]);
    expect(answer('要找你们厂家的话，我这边需要提供哪些日志').section).toBe('checklist#support');
  });
});
