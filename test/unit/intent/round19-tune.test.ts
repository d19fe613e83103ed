import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 19, the tuning half (docs/intent.md, "Round 19, second part: the tuning half"): a junior operator's pinyin
 * keyboard — its first candidates (等录, 登不近去, 服物, 启东) and initials among characters (fwq, gly, hdqbl) — read
 * as OMS's words, while the same strings in their own senses (等录取, 启东 the city, a group's gly) and a game's,
 * WeChat's or one's own mood stay unanswered.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);

describe("a pinyin keyboard's first candidates", () => {
  it('are read as the words meant', () => {
    tops([
      ['gly账号等录不上 提示密码错误', 'login'],
      ['oms等录一直失败 急', 'login'],
      ['生产环境登不近去 一直转圈', 'login'],
      ['fwq重启完 服物没自己起来', 'service-start'],
      ['oms后端启东不了 麻了', 'service-start'],
    ]);
    sections([['gly的密码没人知道了 怎么改', 'login#reset-password']]);
  });

  it('leave the same characters in their own senses alone', () => {
    silent([
      '在等录取通知书 心态崩了',
      '等录用结果出来再说吧',
      '明天去启东出差 高铁票怎么报销',
      '启东那边的客户明天来参观',
    ]);
  });
});

describe('initials among characters', () => {
  it('are the words they stand for', () => {
    tops([
      ['fwq重启以后后端没起来 手动start报错', 'service-start'],
      ['hdqbl 手动start也报错', 'service-start'],
      ['gly等录提示账号被禁用', 'login'],
    ]);
    sections([['gly密码忘了 咋重置啊', 'login#reset-password']]);
  });

  it('name nothing of OMS in chatter', () => {
    silent(['gly把我踢出群了 谁能拉我回去', 'fwq机房空调坏了 谁找下物业', 'qbl了 今天早上闹钟没响']);
  });
});

describe("a game, WeChat, one's mood, a help desk", () => {
  it('are not OMS', () => {
    silent([
      '王者又登录失败 服务器排队 麻了',
      '我的王者账号登陆不上了 提示服务器维护',
      '手机微信登陆提示环境异常',
      '他今天心态炸了 别惹他',
      '服务台电话多少 电脑坏了',
    ]);
  });

  it('OMS with the same words stays answered', () => {
    tops([
      ['后端又崩了', 'service-start'],
      ['OMS 登录失败 提示网络异常', 'login'],
    ]);
  });
});
