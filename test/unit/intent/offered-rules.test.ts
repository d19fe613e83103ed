import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * The offered probes' rules (docs/intent.md "Offered: pastes, relayed reports, several parts at once"), on wordings
 * invented for them, hard negatives among them: reports relayed by the tools that watch OMS, and pasted output no
 * signature knew.
 */
const answer = answerOverRealPlaybooks();
const { tops, silent } = answerExpectations(answer);

describe('reports relayed by the tools that watch OMS', () => {
  it('a SOC, a SIEM, a WAF or an uptime probe named as the source: OMS is offered', () => {
    const cases: Array<[string, string]> = [
      ['WAF 日志里 172.29.91.61 的 /api/orders/ 一直回 504，安全组转过来问是不是我们后端的问题', 'api-not-found'],
      ['SIEM 抓到的：后端日志里一堆 Worker (pid:812) was sent SIGTERM!', 'worker-sigterm'],
      ['splunk 告警：OMS 后台 /admin/ 全是 404', 'admin'],
      ['nagios: CRITICAL - HTTP 504 Gateway Time-out on http://172.29.91.61/api/orders/export/', 'api-not-found'],
    ];
    for (const [text, id] of cases) expect([text, answer(text).offered]).toEqual([text, expect.arrayContaining([id])]);
  });

  it('its raw log or a screenshot it sent, pasted', () => {
    tops([
      [
        'WAF 原始日志：\ntime=2026-12-01T14:02:11 dst=172.29.91.61 uri=/api/orders/ status=502 action=pass',
        'api-not-found',
      ],
      [
        'SOC 给的截图文字：\nPOST /api/auth/login/ 403 Forbidden {"detail":"CSRF Failed: Origin checking failed"}',
        'login',
      ],
    ]);
    silent(['SOC 周报：本周拦截钓鱼邮件 312 封', 'Zabbix server 自己的 mysql 挂了，监控全断了']);
  });

  it("the tool's own trouble, or its own console, stays the tool's", () => {
    silent([
      'WAF 控制台登不上',
      'zabbix 前端登录不了，Admin/zabbix 默认密码也不行',
      'prometheus 的 alertmanager systemd 服务起不来，ExecStart 路径好像写错了',
      'waf 拦截了好多请求',
      'SIEM 的 license 下个月到期',
      'the SIEM itself is down — splunk indexer 502 since midnight',
    ]);
  });

  it('a list handed in as paperwork is no checklist', () => {
    silent(['审计组要求下周前提交所有系统的账号权限清单', '麻烦汇总一份服务器资产清单']);
    expect(answer('按清单全部检查一遍 OMS').top).toBe('checklist');
  });

  it("a platform's own parts are that platform's", () => {
    silent(['态势感知平台自己的后台登录不上了，厂商在看', '监控系统自己的接口 502 了']);
    tops([['OMS 平台自己的后台登录不上了', 'login']]);
  });

  it('asked to go through the checklist, not another checklist', () => {
    expect(answer('symptoms are scattered, go through the checklist').top).toBe('checklist');
    silent(['can someone share the onboarding checklist for new hires', 'the release checklist is on the wiki']);
  });
});

describe('pasted output', () => {
  it("gunicorn's own lines for a worker killed or timed out", () => {
    tops([
      [
        '[2026-12-01 10:01:11 +0800] [712] [WARNING] Worker with pid 845 was terminated due to signal 9',
        'worker-sigterm',
      ],
      ['Sentry 里 OMS 后端一直有 SystemExit: 1，大概每小时几十条', 'worker-sigterm'],
      ['[2026-12-01 13:05:00 +0800] [900] [ERROR] Worker (pid:931) was sent code 134!', 'worker-sigterm'],
      ['[Tue Dec  1 14:20:05 2026] oom_reaper: reaped process 5531 (gunicorn), now anon-rss:0kB', 'worker-sigterm'],
    ]);
    silent(['python 脚本里 sys.exit(1) 和 SystemExit 有什么区别']);
  });

  it("systemd's exit status told in a sentence", () => {
    expect(answer('改了 oms-backend.service 的 User，然后后端就 217 了').offered).toContain('service-start');
    expect(answer('houtai fuwu qi bu lai 217 USER').offered).toContain('service-start');
    silent(['会议室 217 了吗，我们在 203 等你']);
  });

  it('sudo or polkit refusing to manage the unit', () => {
    tops([
      ['$ sudo systemctl restart oms-backend\nsudo: a password is required', 'service-start'],
      [
        'systemctl restart oms-backend\nFailed to restart oms-backend.service: Interactive authentication required.',
        'service-start',
      ],
    ]);
    silent(['sudo: a password is required 怎么在 jenkins 里免密', 'lisi is not in the sudoers file 怎么加']);
  });

  it("systemd's reminder to reload, nginx failing on gunicorn's socket", () => {
    tops([
      [
        'systemctl start oms-backend\nWarning: The unit file, source configuration file or drop-ins of oms-backend.service ' +
          "changed on disk. Run 'systemctl daemon-reload' to reload units.",
        'service-start',
      ],
      [
        '2026/12/01 11:10:41 [error] 977#977: *12 connect() to unix:/run/gunicorn.sock failed (2: No such file or directory) while ' +
          'connecting to upstream',
        'api-not-found',
      ],
    ]);
  });

  it('a bulletin relaying what was detected on OMS is a report, a posted notice stays a notice', () => {
    tops([['【安全运营中心通报】检测到 OMS 系统登录接口大量 401/403，同时用户反映管理员登不进去', 'login']]);
    silent(['【通报】本周五晚 OMS 例行维护，期间无法登录，请知悉']);
  });
});
