import { troubledParts } from '../../../src/intent/parts-in-trouble.js';
import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Several parts in trouble at once (src/intent/parts-in-trouble.ts): the full checklist offered among the parts'
 * choices, first when three parts or more are in trouble, each in its own clause.
 */
const answer = answerOverRealPlaybooks();
const { silent } = answerExpectations(answer);

describe('troubledParts', () => {
  it('counts the parts named alone in clauses in trouble', () => {
    expect(troubledParts([['login'], ['api'], ['admin-site']])).toBe(3);
    expect(troubledParts([['login'], ['superuser']])).toBe(1);
    expect(troubledParts([['login', 'api']])).toBe(0);
    // the API and the server behind it: one fault seen from two ends
    expect(troubledParts([['api'], ['worker']])).toBe(1);
    expect(troubledParts([['api'], ['worker'], ['static']])).toBe(3);
  });
});

describe('several parts in trouble at once', () => {
  it('three parts each in trouble: the checklist leads the choices', () => {
    for (const text of [
      '登录不行 接口时好时坏 后台也怪',
      '接口 502、登录失败、后台 404 同时出现',
      'login is broken, the api returns 502, and admin gives 404',
    ]) {
      const r = answer(text);
      expect([text, r.outcome, r.top]).toEqual([text, 'choices', 'checklist']);
    }
  });

  it('two parts each in trouble: the checklist is offered after the first reading', () => {
    const r = answer('everything on OMS is acting up today: slow API, failed logins, admin page blank');
    expect(r.outcome).toBe('choices');
    expect(r.offered).toContain('checklist');
    const two = answer('登录失败，后台页面也打不开');
    expect(two.offered.includes('checklist') || two.top === 'checklist' || two.offered.length === 1).toBe(true);
  });

  it('one part, or one fault seen from two ends, gets no checklist', () => {
    for (const text of ['登录接口 404', 'jiekou quan 502 le, gunicorn guale?', 'login api gives 401 after deploy']) {
      const r = answer(text);
      expect([text, r.offered.includes('checklist')]).toEqual([text, false]);
    }
  });

  it('chatter naming several things stays silent', () => {
    silent([
      '食堂的饭不行 空调也坏了 打印机也怪',
      'the coffee machine is broken, the printer is flaky and wifi is down',
    ]);
  });
});

describe('reports relayed by the tools that watch OMS', () => {
  it('a SOC, a SIEM, a WAF or an uptime probe named as the source: OMS is offered', () => {
    const cases: Array<[string, string]> = [
      ['WAF 日志里 172.29.91.61 的 /api/orders/ 一直回 504，安全组转过来问是不是我们后端的问题', 'api-not-found'],
      ['SIEM 抓到的：后端日志里一堆 Worker (pid:812) was sent SIGTERM!', 'worker-sigterm'],
      ['splunk 告警：OMS 后台 /admin/ 全是 404', 'admin'],
    ];
    for (const [text, id] of cases) expect([text, answer(text).offered]).toEqual([text, expect.arrayContaining([id])]);
  });

  it("the tool's own trouble, or its own console, stays the tool's", () => {
    silent([
      'WAF 控制台登不上',
      'zabbix 前端登录不了，Admin/zabbix 默认密码也不行',
      'prometheus 的 alertmanager systemd 服务起不来，ExecStart 路径好像写错了',
      'waf 拦截了好多请求',
      'SIEM 的 license 下个月到期',
    ]);
  });

  it('asked to go through the checklist, not another checklist', () => {
    expect(answer('symptoms are scattered, go through the checklist').top).toBe('checklist');
    silent(['can someone share the onboarding checklist for new hires', 'the release checklist is on the wiki']);
  });
});
