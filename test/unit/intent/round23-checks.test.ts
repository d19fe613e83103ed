import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 23, what one can check oneself (docs/intent.md, "Round 23: what one can check"): "能查点什么", "该看哪些日志"
 * and their pinyin ask for a playbook's checks by hand (src/intent/lexicon-questions.ts, `by-hand`); data and reports
 * one can look up are not, nor what else there is to check when all looks fine (the whole checked).
 */
const answer = answerOverRealPlaybooks();
const { silent, sections } = answerExpectations(answer);

describe('what one can check oneself', () => {
  it('is the part’s checks by hand', () => {
    sections([
      ['页面显示502的时候我自己在服务器上能查点什么', 'api-not-found#by-hand'],
      ['登录不上我自己能查点啥', 'login#by-hand'],
      ['接口404的话我该查哪些', 'api-not-found#by-hand'],
      ['后端起不来，我应该看什么', 'service-start#by-hand'],
      ['nginx报502，我该看哪些日志', 'api-not-found#by-hand'],
      ['denglu bu shang wo neng cha dian sha', 'login#by-hand'],
      ['houduan qi bu lai, wo gai cha na xie', 'service-start#by-hand'],
    ]);
  });

  it('is not data, reports or orders looked up', () => {
    silent(['我能看哪些报表', '我可以查哪些数据', '你能查一下今天的订单有哪些吗']);
  });

  it('what else to check when all looks fine stays the whole checked, not a section', () => {
    const r = answer('服务都在跑，nginx -t 也 ok，但用户说打不开，还能查什么');
    expect([r.top, r.section]).toEqual(['checklist', null]);
  });
});

describe('what the developers need (review of round 23)', () => {
  it('is not development’s costs, a development zone, a document sent, or a refund', () => {
    silent([
      '研发费用加计扣除需要什么材料',
      '报给开发区管委会要什么材料',
      '转给开发区之前要准备哪些材料',
      '二线城市 开发 需要什么资料',
      '发给开发的需求文档要哪些东西',
      'what info do the engineers need for the building permit',
    ]);
  });

  it('stays the checklist’s support section when the developers are people asked for logs', () => {
    sections([
      ['开发那边要我们提供什么信息', 'checklist#support'],
      ['提 bug 给后端的时候附什么信息', 'checklist#support'],
      ['把问题转给开发之前，我应该先收集哪些日志和信息', 'checklist#support'],
      ['what info do the OMS devs need from us to look into an issue', 'checklist#support'],
    ]);
  });
});
