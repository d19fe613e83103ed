import { answerSummary, matchIntent } from '../../../src/intent/match.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';

/**
 * Round 10's rules (docs/intent.md), on wordings invented for them, hard negatives among them: whom to hand a
 * problem to, asked in English or pinyin; requests typed in pinyin; a service that has to be started by hand after
 * every boot; a tester naming their role.
 */
let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});
const answer = (text: string) => answerSummary(matchIntent(text, playbooks));

describe('whom to hand a problem to', () => {
  it('asked in English or in pinyin (谁 typed "shei") is the checklist support section', () => {
    for (const text of [
      'Who can I reach out to if this keeps failing, and what details should I include?',
      'what info do we attach when we escalate?',
      'xiufu bu liao zhao shei',
    ])
      expect([text, answer(text).section]).toEqual([text, 'checklist#support']);
  });

  it('about another system, offers nothing', () => {
    for (const text of ['who do I send the jenkins build logs to?', 'jenkins 挂了找谁'])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });
});

describe('requests typed in pinyin', () => {
  it('"fa wo" asks for the how-to', () => {
    expect(answer('quanmian paicha buzhou fa wo').section).toBe('checklist#by-hand');
  });
});

describe('started by hand after every boot', () => {
  it('is the service not coming up, not a question how to check by hand', () => {
    for (const text of [
      '每次重启机器都得手动把 oms-backend 拉起来',
      '重启服务器以后 gunicorn 不会自动起来，nginx 没事',
    ])
      expect([text, answer(text).outcome, answer(text).top]).toEqual([text, 'match', 'service-start']);
  });

  it('while asking how to check by hand stays a how-to question', () => {
    expect(answer('怎么手动确认 nginx 有没有把 /api 转发到 8000').section).toBe('api-not-found#by-hand');
  });
});

describe('a role named before the report', () => {
  it('a tester is no other system', () => {
    expect(answer('tester 这边：登录按钮点了没反应').top).toBe('login');
  });
});
