import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { answerSummary, matchIntent } from '../../../src/intent/match.js';
import { troubledParts } from '../../../src/intent/parts-in-trouble.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';
import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Several parts in trouble at once (src/intent/parts-in-trouble.ts): the full checklist offered among the parts'
 * choices, first when three parts or more are in trouble, each in its own clause.
 */
const answer = answerOverRealPlaybooks();
const { silent } = answerExpectations(answer);
let playbooks: Playbook[] = [];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

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
  it('three parts each in trouble: the checklist leads (run, or first of the choices)', () => {
    for (const text of [
      '登录不行 接口时好时坏 后台也怪',
      '接口 502、登录失败、后台 404 同时出现',
      'login is broken, the api returns 502, and admin gives 404',
    ]) {
      const r = answer(text);
      expect([text, r.top]).toEqual([text, 'checklist']);
    }
  });

  it('two parts each in trouble, left as choices by the rules: the checklist is offered after the first reading', () => {
    // The rules alone (the classifier, when sure, may reorder the choices: src/intent/ngram-offer.ts).
    const r = answerSummary(matchIntent('接口 502，后台也打不开', playbooks, { ngram: () => null }));
    expect([r.outcome, r.offered[1], [...r.offered].sort()]).toEqual([
      'choices',
      'checklist',
      ['admin', 'api-not-found', 'checklist'],
    ]);
    expect(answer('接口 502，后台也打不开').offered).toContain('checklist');
  });

  it('one part, or one fault seen from two ends, gets no checklist', () => {
    for (const text of ['登录接口 404', 'jiekou quan 502 le, gunicorn guale?', 'login api gives 401 after deploy']) {
      const r = answer(text);
      expect([text, r.offered.includes('checklist')]).toEqual([text, false]);
    }
  });

  it('everything asked for, or where to start, over two parts in trouble: the checklist runs', () => {
    for (const text of [
      "admin won't load, logins fail and the service keeps restarting — please go through everything",
      '服务起不来、nginx 502、后台没样式，三个问题一起，帮整体看一遍',
      'login flaky, admin 404, and the unit restarted twice overnight — where do we even start',
      'both the login page and the admin are broken and the API gives 404s, can you run everything',
      // everything named (a guess, nothing asked) over several parts in trouble
      '后台打不开，登录也失败，接口 502，估计是整体的问题',
      // three parts each in trouble, nothing asked
      '服务挂了 登录也不行 后台也打不开',
    ])
      expect([text, answer(text).outcome, answer(text).top]).toEqual([text, 'match', 'checklist']);
    // one part in trouble, asked to go through everything: that part
    expect(answer('登录一直失败，帮我整体看一遍').offered).toContain('login');
  });

  it('chatter naming several things stays silent', () => {
    silent([
      '食堂的饭不行 空调也坏了 打印机也怪',
      'the coffee machine is broken, the printer is flaky and wifi is down',
    ]);
  });
});
