import { answerSummary, matchIntent } from '../../../src/intent/match.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';

/**
 * Passive listening answers only reported trouble on OMS (src/intent/match.ts `unaskedWorthy`); the whole-or-a-part
 * rule's request forms (lost + everything, a pasted collection to review); shared infrastructure beside OMS's parts.
 */
let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});
const answer = (text: string) => answerSummary(matchIntent(text, playbooks));

describe('passive listening', () => {
  it('answers a report of trouble or a pasted line OMS knows', () => {
    for (const text of [
      '后台打不开了',
      '[2025-12-07 15:35:17 +0800] [3321280] [ERROR] Worker (pid:3321281) was sent SIGTERM!',
      '前端点登录，请求跑到 localhost:8000 去了',
    ])
      expect([text, answer(text).passive]).toEqual([text, true]);
  });

  it('stays silent on a fix told as done, another team machine, a request for the checklist', () => {
    for (const text of [
      'OMS 的 502 是我昨天改 nginx 搞的，已经回滚了，抱歉大家',
      '财务组那台机器的 nginx 502 了，有人能看下吗',
      '帮我把 OMS 从头到尾全面检查一遍',
    ])
      expect([text, answer(text).passive]).toEqual([text, false]);
  });

  it('stays silent, and offers nothing, on other systems using the same words', () => {
    for (const text of [
      'keycloak 的超管账号被锁了',
      'how do I reset the root password on the jump host?',
      '客户那台 windows server 远程桌面登录不了，提示超出最大允许连接数',
    ])
      expect([text, answer(text).offered, answer(text).passive]).toEqual([text, [], false]);
  });
});

describe('learning rather than a fault', () => {
  it('an interview question, a book, the rule a mechanism follows: offered nothing', () => {
    for (const text of [
      'OOM killer 是按什么规则挑进程杀的？',
      '有没有好的 nginx 入门书推荐',
      '面试题：systemd 的 Restart=always 和 on-failure 区别',
    ])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });

  it('unless it names OMS', () => {
    expect(answer('OMS 的 gunicorn worker 被 OOM killer 杀了，它是按什么规则挑进程的').top).toBe('worker-sigterm');
  });
});

describe('the whole or one part', () => {
  it('not knowing where to start and asking for everything is the checklist, even with trouble named', () => {
    expect(answer('OMS 全挂了，不知道从哪查起，帮忙整体过一遍').top).toBe('checklist');
    expect(answer('问题一大堆 登录 后台 接口 都有毛病 搞不清先弄哪个').top).toBe('checklist');
  });

  it("several commands' output pasted for a review is the checklist's; one command's error is its part's", () => {
    const collection = [
      '按文档收集了，整体帮看下',
      '=== journalctl -u oms-backend -n 5',
      'Dec 08 10:20:01 oms-server systemd[1]: Started oms-backend.service.',
      '=== tail -n 3 /var/log/nginx/error.log',
      '2025/12/08 10:21:00 [error] 1893#1893: *7 connect() failed (111: Connection refused) while connecting to upstream',
      '=== curl -si http://127.0.0.1/api/',
      'HTTP/1.1 502 Bad Gateway',
    ].join('\n');
    expect(answer(collection).top).toBe('checklist');
    const one = [
      '帮看下',
      '2025/12/08 10:21:00 [error] 1893#1893: *7 connect() failed (111: Connection refused) while connecting to upstream',
    ].join('\n');
    expect(answer(one).top).toBe('api-not-found');
  });

  it('"the others are fine" beside one symptom is about that symptom', () => {
    const text = '导出报表大概一分钟就报 504 Gateway Time-out，其他小的接口查询都正常，该从哪看起？';
    expect(answer(text).top).toBe('api-not-found');
  });
});

describe('other systems said to be fine, another time or owner', () => {
  it('other systems named only as fine do not place the message elsewhere', () => {
    expect(answer('redis 和 mysql 都好好的，但是登录一直失败').top).toBe('login');
  });

  it('a previous job, an old project, the customer own system, "not about this": offered nothing', () => {
    for (const text of [
      '上家公司的系统也老是 502，当时是 upstream 配错了',
      '之前那个项目的后端起不来是因为 python 版本不对，跟这个没关系',
      '客户自己的系统登录超时，让他们找自己的开发',
    ])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });
});

describe('things every server has', () => {
  it('are OMS beside one of its parts, another team topic alone', () => {
    expect(answer('刚部署完数据库是空的，一个能进后台的管理员账号都没有').offered).toContain('admin');
    expect(answer('每次 reload 完 error log 一串 ERROR SIGTERM，触发了日志告警').top).toBe('worker-sigterm');
    expect(answer('数据库主从延迟又上来了').offered).toEqual([]);
  });
});
