import { answerSummary, isDecisive, matchIntent } from '../../../src/intent/match.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';

/** The four outcomes on the wordings issue 11 quotes as failing before concepts, pinyin and how-to sections. */
let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});
const answer = (text: string) => answerSummary(matchIntent(text, playbooks));

describe('the wordings of issue 11', () => {
  it.each([
    ['接口时好时坏，一会儿 502 一会儿又正常', 'api-not-found'],
    ['服务器内存才 4G，gunicorn 开了 9 个 worker，半夜被 oom 了', 'worker-sigterm'],
    ['一键全检', 'checklist'],
    ['整体体检一遍', 'checklist'],
    ['do a complete sweep', 'checklist'],
    ['chaoguan denglu bushang', 'login'],
    ['超管登录不上', 'login'],
    ['houduan qi bu lai', 'service-start'],
    ['jiekou quan 404 le', 'api-not-found'],
    ['Main PID: 9921 (code=exited, status=217)', 'service-start'],
    [
      '172.29.91.20 - - [08/Dec/2025:14:22:31 +0800] "GET /api/orders/ HTTP/1.1" 504 167 "-" "Mozilla/5.0"',
      'api-not-found',
    ],
    ['$ ss -lntp | grep 8000', 'api-not-found'],
    ['oms-backend.service: Scheduled restart job, restart counter is at 37.', 'service-start'],
    [
      '/etc/systemd/system/oms-backend.service: UTF-8 Unicode (with BOM) text, with CRLF line terminators',
      'service-start',
    ],
    ['2025/12/09 09:14:03 [error] 2231#2231: *1403 no live upstreams while connecting to upstream', 'api-not-found'],
    ['connect() to 127.0.0.1:8000 failed (13: Permission denied) while connecting to upstream', 'api-not-found'],
    ['upstream timed out (110: Connection timed out) while reading response header from upstream', 'api-not-found'],
    ['django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting must not be empty.', 'service-start'],
    ["django.core.exceptions.DisallowedHost: Invalid HTTP_HOST header: '10.0.0.9'.", 'login'],
    ['django.db.utils.OperationalError: unable to open database file', 'api-not-found'],
    [
      '[2025-12-09 02:11:09 +0800] [881] [ERROR] Worker (pid:902) was sent SIGKILL! Perhaps out of memory?',
      'worker-sigterm',
    ],
    [
      'Dec 09 14:20:31 oms-prod kernel: Out of memory: Killed process 4412 (gunicorn) total-vm:1720444kB',
      'worker-sigterm',
    ],
  ])('%s → %s, confidently', (text, id) => {
    // The rules' reading (the classifier may question it: src/intent/ngram-offer.ts, questionMatch).
    const r = matchIntent(text, playbooks, { ngram: () => null });
    expect([r.outcome, r.playbook?.id]).toEqual(['match', id]);
    expect(isDecisive(r)).toBe(true);
    expect(answerSummary(matchIntent(text, playbooks)).offered).toContain(id);
  });

  it.each([
    ['有没有 excel 导入的办法', 'admin#bulk-import'],
    ['后台用户管理那里能不能一次导一批人进去', 'admin#bulk-import'],
    ['how do I get to the django admin on the prod box?', 'admin#admin-url'],
    ['建超管的命令是啥来着', 'admin#create-superuser'],
    ['怎么批量加人', 'admin#bulk-import'],
    ['admin 地址是啥', 'admin#admin-url'],
    ['SIGTERM shi zhengchang de ma', 'worker-sigterm#is-it-normal'],
    ['ERROR 级别那条 SIGTERM 是不是 gunicorn 正常重载？', 'worker-sigterm#is-it-normal'],
    ['mima wangle zenme chongzhi', 'login#reset-password'],
    // Which of nginx and the backend is at fault, by hand: the proxy's playbook.
    ['how can I tell by hand whether nginx or the backend is at fault?', 'api-not-found#by-hand'],
    // The login API tested by hand: login's section, not the API's (login + api, as for a diagnosis).
    ['怎么手工测一下登录接口', 'login#by-hand'],
    // Commands kept at hand, a reference configuration.
    ['有没有值班用的常用命令', 'checklist#quick-fixes'],
    ['is there a baseline nginx config I can compare with?', 'checklist#recommended-config'],
    ['any reference .env for a prod install?', 'checklist#recommended-config'],
    // A guess asked about ("…意味着服务挂了？") is not a symptom seen: the SIGTERM is what is asked about.
    ['gunicorn 日志里 SIGTERM 说明服务挂了吗', 'worker-sigterm#is-it-normal'],
    // Errors in the log on every reload, asked whether normal.
    ['reload 一下 oms-backend 日志就出一堆 ERROR，正常吗', 'worker-sigterm#is-it-normal'],
    ['who do we escalate to if oms is still broken', 'checklist#support'],
    // The value of a setting asked for: the recommended configuration.
    ['前端打包的时候 VITE_API_BASE_URL 要填什么', 'checklist#recommended-config'],
    ['what should ALLOWED_HOSTS be set to on prod', 'checklist#recommended-config'],
  ])('how-to: %s → %s', (text, section) => {
    const a = answer(text);
    expect([a.outcome, a.section]).toEqual(['howto', section]);
    expect(a.passive).toBe(false);
  });

  it.each([
    'the 504 on build-02 is back',
    'celery worker OOM-killed on the etl box again',
    'gitlab sidekiq SIGTERM during the upgrade',
    '今天中午吃什么？',
    '下周一 9 点 OMS 例行维护，届时 /admin 后台不可用，请知悉',
  ])('offers nothing for another system, an announcement or chatter: %s', (text) => {
    expect(answer(text)).toEqual({ outcome: 'none', top: null, offered: [], section: null, passive: false });
  });

  it('offers two or three choices with a reason each for a middle score, and passive listening stays quiet', () => {
    const r = matchIntent('nginx 报 502，后端挂了', playbooks);
    expect(r.outcome).toBe('choices');
    expect(isDecisive(r)).toBe(false);
    expect(r.choices!.length).toBeGreaterThanOrEqual(2);
    expect(r.choices!.length).toBeLessThanOrEqual(3);
    for (const c of r.choices!) expect(c.reason).toMatch(/\S/);
    expect(answerSummary(r).passive).toBe(false);
  });

  it('passive listening is stricter than an addressed message: not on a middle score, nor beside another system', () => {
    const beside = matchIntent('grafana 上看到 OMS 后端内存飙到顶然后 worker 就被干掉了', playbooks);
    expect([beside.outcome, beside.playbook?.id, beside.passive]).toEqual(['match', 'worker-sigterm', false]);
    const alone = matchIntent('后端 worker 进程老是被杀，怀疑内存不够', playbooks);
    expect([alone.outcome, alone.playbook?.id, alone.passive]).toEqual(['match', 'worker-sigterm', true]);
  });

  it.each([
    ['批量导入时手机号和邮箱是必填的吗', 'admin#bulk-import'],
    ['ExecStart 那一行应该怎么写', 'service-start#unit-file'],
    ['开机自启怎么设置', 'service-start#setup'],
    ['不用机器人的话，接口 502 我手工怎么查', 'api-not-found#by-hand'],
  ])('how-to by a detail or by hand: %s → %s', (text, section) => {
    expect(answer(text).section).toBe(section);
  });

  it.each([
    'OOM 是什么意思',
    '另一个项目的 django admin 也 404',
    '登录的问题已经解决了，谢谢大家',
    'hadoop namenode OOM 了',
  ])('offers nothing for a textbook question, another project, a solved problem or an unknown system: %s', (text) => {
    expect(answer(text).offered).toEqual([]);
  });

  it('a message the rules match nothing in names the playbooks that came nearest, not for another system', () => {
    // The rules alone: the n-gram classifier offers service-start for it (worded like earlier reports).
    const weak = matchIntent('systemd-analyze 怎么用', playbooks, { ngram: () => null });
    expect([weak.outcome, weak.playbook]).toEqual(['none', null]);
    expect(weak.nearest?.map((c) => c.id)).toEqual(['service-start']);
    expect(weak.nearest![0]!.reason).toMatch(/\S/);
    expect(answerSummary(weak).offered).toEqual([]);
    // Another system's login scores as much, but is not named as the nearest playbook of OMS.
    const vpn = matchIntent('VPN 登不上，提示证书过期', playbooks);
    expect([vpn.outcome, vpn.alternatives[0]?.id, vpn.nearest]).toEqual(['none', 'login', undefined]);
    expect(matchIntent('今天中午吃什么？', playbooks).nearest).toBeUndefined();
  });
});

describe('the whole or one part', () => {
  it.each([
    '前端、后端、nginx 都挂了',
    'backend, nginx and the login page are all broken',
    '看着都正常，但用户说打不开，还能查什么',
    'all services look fine but users still cannot get in, what else should I check',
  ])('several parts in trouble, or "all fine, what else": the full checklist first (%s)', (text) => {
    const r = matchIntent(text, playbooks);
    expect([r.outcome, r.playbook?.id]).toEqual(['match', 'checklist']);
    expect(r.alternatives.length).toBeGreaterThan(0);
    // Passive listening does not act on that reading.
    expect(r.passive).toBe(false);
  });

  it('"all fine, what else?" beside a part in trouble offers both readings, the checklist first', () => {
    const r = matchIntent('nginx 和 gunicorn 都在跑，但页面还是 502，还能查什么', playbooks);
    expect(r.outcome).toBe('choices');
    expect(r.choices!.map((c) => c.id).slice(0, 2)).toEqual(['checklist', 'api-not-found']);
  });

  it.each([
    ['nginx、gunicorn、systemd 都正常，但接口还是 502', 'api-not-found'],
    ['服务、端口都正常，但登录一直失败', 'login'],
  ])('healthy parts listed beside one symptom: that symptom leads (%s)', (text, id) => {
    expect(answer(text).top).toBe(id);
  });

  it('a pasted log line points at one part even when several are named', () => {
    const r = matchIntent(
      '前端、后端、接口都不对，日志如下\noms-backend.service: Main process exited, code=exited, status=217/USER',
      playbooks,
    );
    expect(r.playbook?.id).toBe('service-start');
  });
});

describe('explaining more', () => {
  it('a best candidate explaining only a part of what the runner-up explains falls behind it', () => {
    // 挂了 alone reads as the service being down; 接口 + 挂了 is the API.
    expect(answer('接口全挂了，页面提示服务器错误').top).toBe('api-not-found');
  });
});

describe('pasted output read as it is', () => {
  it('`od -c` of a unit file starting with a BOM', () => {
    const paste = '$ head -c 32 oms-backend.service | od -c\n0000000 357 273 277   [   U   n   i   t   ]  \\r  \\n';
    expect(answer(paste).top).toBe('service-start');
    expect(answer(`这几个数字是什么意思\n${paste.split('\n')[1]}`).top).toBe('service-start');
  });

  it('`ss | grep 8000` is "nothing listening" only when nothing is printed under it', () => {
    expect(matchIntent('$ ss -lntp | grep 8000\n$ ', playbooks).evidence).toMatch(/^signature: .*grep/);
    const listening = matchIntent('$ ss -lntp | grep 8000\nLISTEN 0 2048 127.0.0.1:8000 0.0.0.0:*', playbooks);
    expect(listening.evidence ?? '').not.toMatch(/grep/);
  });

  it("a process list in `ss -p` output does not make the message another system's", () => {
    const r = matchIntent(
      'api is 502, ss shows:\nLISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=988,fd=3))',
      playbooks,
    );
    expect(answer('api is 502, ss shows:\nLISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=988,fd=3))').top).toBe(
      'api-not-found',
    );
    expect(r.outcome).toBe('match');
  });

  it.each([
    ['$ sudo -u www-data true\nsudo: unknown user: www-data', 'service-start'],
    ["ImportError: cannot import name 'x' from 'oms_backend.settings'", 'service-start'],
    ['upstream sent too big header while reading response header from upstream', 'api-not-found'],
  ])('a pasted error line with its own signature: %s', (text, id) => {
    expect([matchIntent(text, playbooks).outcome, answer(text).top]).toEqual(['match', id]);
  });

  it("nginx failing to bind its port: both readings offered, nginx's among them", () => {
    const r = matchIntent(
      '$ systemctl status nginx\n● nginx.service - A high performance web server\n   Active: failed (Result: exit-code)\n' +
        'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)',
      playbooks,
    );
    expect(r.outcome).toBe('choices');
    expect(r.choices!.map((c) => c.id)).toContain('api-not-found');
  });

  it('a message that says it is not about OMS gets nothing, even naming OMS', () => {
    expect(answer('not OMS related: my django admin 404s on a side project').offered).toEqual([]);
    expect(answer('跟 OMS 没关系，另一个 django 项目的 admin 打不开').offered).toEqual([]);
  });
});
