import { answerOverRealPlaybooks, rulesAnswerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Passive listening answers only reported trouble on OMS (src/intent/match.ts `unaskedWorthy`); the whole-or-a-part
 * rule's request forms (lost + everything, a pasted collection to review); shared infrastructure beside OMS's parts.
 */
const answer = answerOverRealPlaybooks();
const rules = rulesAnswerOverRealPlaybooks();

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
    // The rules' reading; the classifier, sure and wrong here, leads the choices with it second
    // (src/intent/ngram-offer.ts: questionMatch).
    expect(rules(collection).top).toBe('checklist');
    expect(answer(collection).offered).toContain('checklist');
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

describe('round 9: tools beside OMS, and more of what operators paste', () => {
  it('a file copied with scp or from a wiki, a runserver on the port: OMS beside its parts, nothing alone', () => {
    expect(answer('service 文件在记事本里改完 scp 到服务器，daemon-reload 报 Missing = 那行被忽略').top).toBe(
      'service-start',
    );
    expect(answer('pasted the unit from our wiki page, systemd says Assignment outside of section').top).toBe(
      'service-start',
    );
    expect(answer('后端起不来，8000 端口被占了，好像有人开着 runserver 没关').offered).toContain('service-start');
    expect(answer('防火墙没放行 80 端口，后台 admin 打不开').offered).toContain('admin');
    for (const text of [
      'scp 传文件到备份机特别慢',
      'rsync 同步一直断',
      '内网 wiki 的 /admin 我进不去了',
      '公司防火墙把 vpn 断了',
    ])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });

  it('the tools OMS is deployed with (git, pip, npm, ssh) are OMS beside its parts; their own accounts are not', () => {
    expect(answer('git pull 完重启，后端服务就起不来了').offered).toContain('service-start');
    expect(answer('ssh 上去 systemctl 看后端一直 failed').offered).toContain('service-start');
    expect(answer('pnpm build 完重新部署，登录请求全跑到 localhost:8000').offered).toContain('login');
    for (const text of ['npm login 一直报 401', 'git 账号密码登录不上了', 'git rebase 冲突了怎么办'])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });

  it('the channel a report came by is not the system in trouble; the channel in trouble is', () => {
    expect(answer('飞书群里业务反馈后台 admin 打不开').offered).toContain('admin');
    expect(answer('钉钉群里消息发不出去').offered).toEqual([]);
  });

  it('BI tools are other systems, even with gunicorn or an admin account named', () => {
    for (const text of ['metabase 的 admin 密码忘了怎么重置', 'superset 的 gunicorn worker 老是 timeout'])
      expect([text, answer(text).offered, answer(text).passive]).toEqual([text, [], false]);
  });

  it("the browser on one's own computer is where OMS is used from; a laptop alone is another system", () => {
    expect(answer('在我自己电脑的浏览器上点登录，请求发到了 localhost:8000，登录失败').top).toBe('login');
    expect(answer('我笔记本开机登录不了，密码一直提示错误').offered).toEqual([]);
  });

  it('the site not opening with a gateway error seen is the API path; a 502 of no site is nothing', () => {
    expect(answer('网站一早就打不开，有人截图是 502 Bad Gateway').top).toBe('api-not-found');
    expect(answer('502 会议室的投影坏了').offered).toEqual([]);
  });

  it("where to start on one part named alone is that part's; first-aid commands are the quick fixes", () => {
    const a = answer('接口那块我想自己一步一步排查，先看哪里？');
    expect([a.outcome, a.top]).toEqual(['howto', 'api-not-found']);
    expect(answer('急救的命令有哪些，先把业务拉起来').section).toBe('checklist#quick-fixes');
  });

  it('a change to the unit that does not take effect is the unit reload', () => {
    expect(answer('oms-backend.service 里加了 Environment，重启后还是不生效').offered).toContain('service-start');
  });

  it("Django's 404 page names the path that did not match: the API's or the admin's", () => {
    const page = (path: string) =>
      `Page not found (404)\nRequest URL: http://10.0.0.5/${path}\nUsing the URLconf defined in oms_backend.urls\n` +
      `admin/\napi/\nThe current path, ${path}, didn't match any of these.`;
    expect(answer(page('api/v2/items/')).top).toBe('api-not-found');
    // The rules' reading; the classifier, sure and wrong here, leads the choices with it second
    // (src/intent/ngram-offer.ts: questionMatch).
    expect(rules(page('admin/login/x/')).top).toBe('admin');
    expect(answer(page('admin/login/x/')).offered).toContain('admin');
  });

  it("the front end's page for /admin/ is the admin's; a configuration pasted for review the checklist's", () => {
    expect(
      answer(
        '访问 /admin/ 返回的是这个\n<!-- index.html -->\n<script type="module" src="/assets/index-a1b2c3.js"></script>',
      ).top,
    ).toBe('admin');
    expect(
      answer(
        '对照推荐配置整体帮我看一下\nDEBUG=True\nALLOWED_HOSTS=*\nCORS_ALLOWED_ORIGINS=http://10.0.0.5\nTIME_ZONE=UTC',
      ).top,
    ).toBe('checklist');
  });
});
