import { findCheck } from '../../../src/checks/registry.js';
import { isDecisive, matchIntent } from '../../../src/intent/match.js';
import { extract } from '../../../src/intent/extract.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  expect(findCheck('backend-service')).toBeDefined();
});

const id = (text: string) => matchIntent(text, playbooks).playbook?.id ?? null;

describe('matchIntent on the real playbooks', () => {
  it.each([
    ['[2025-12-07 15:35:17 +0800] [3321280] [ERROR] Worker (pid:3321281) was sent SIGTERM!', 'worker-sigterm'],
    ['oms-backend.service: Main process exited, code=exited, status=217/USER', 'service-start'],
    ['/etc/systemd/system/oms-backend.service:1: Assignment outside of section. Ignoring.', 'service-start'],
    ["/etc/systemd/system/oms-backend.service:18: Missing '=', ignoring line.", 'service-start'],
    [
      "Access to XMLHttpRequest at 'http://172.29.91.61/api/auth/login/' from origin 'http://172.29.91.61' has been blocked by CORS policy",
      'login',
    ],
    ['前端用超级管理员无法正常登录', 'login'],
    ['后端 API 访问时出现 not found 页面', 'api-not-found'],
    ['502 Bad Gateway', 'api-not-found'],
    ['管理员后台访问路径和批量增加人员', 'admin'],
    ['login', 'login'],
    ['ＬＯＧＩＮ', 'login'],
  ])('%s → %s', (text, expected) => {
    expect(id(text)).toBe(expected);
  });

  it.each(['今天中午吃什么？', 'the weekly report is due friday', 'LGTM, merging', '', '   '])(
    'no match for chatter: %s',
    (text) => {
      const r = matchIntent(text, playbooks);
      expect(r.playbook).toBeNull();
      expect(isDecisive(r)).toBe(false);
    },
  );

  it('extracts values worth showing back', () => {
    expect(extract('[3321280] [ERROR] Worker (pid:3321281) was sent SIGTERM!').pid).toBe('3321281');
    expect(extract('oms-backend.service: Main process exited, code=exited, status=217/USER')).toMatchObject({
      unit: 'oms-backend.service',
      exitStatus: '217/USER',
    });
    expect(extract("from origin 'http://172.29.91.61' has been blocked").origin).toBe('http://172.29.91.61');
    expect(extract('HTTP/1.1 502 Bad Gateway').httpStatus).toBe('502');
    expect(
      extract(
        'connect() failed (111: Connection refused) while connecting to upstream, upstream: "http://127.0.0.1:8000/api/"',
      ).port,
    ).toBe('8000');
  });

  it('gives alternatives with confidences and never throws on hostile input', () => {
    for (const text of ['\u0000\u0001\ufffd'.repeat(1000), '('.repeat(5000), 'a'.repeat(200_000), '🙂'.repeat(500)]) {
      const r = matchIntent(text, playbooks);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(r.alternatives)).toBe(true);
    }
  });
});

describe('what operators actually type and paste', () => {
  it.each([
    // Chinese near-synonyms fold to the same symptom
    ['超管登不上', 'login'],
    ['超级管理员登录不上', 'login'],
    ['超管进不去了', 'login'],
    ['后端起不来', 'service-start'],
    ['后端启动不了', 'service-start'],
    ['后端挂了', 'service-start'],
    // typos, casing, full-width punctuation, traditional characters
    ['loign failed', 'login'],
    ['Worker was sent SIGTREM', 'worker-sigterm'],
    ['djnago admin 404', 'admin'],
    ['超管登陆不上，跨越报错', 'login'],
    ['後端報錯 Worker was sent SIGTERM', 'worker-sigterm'],
    ['ＯＭＳ 登录失败，提示 Ｎｅｔｗｏｒｋ Ｅｒｒｏｒ', 'login'],
    // mixed Chinese / English
    ['接口全404了', 'api-not-found'],
    ['admin 账号 login 不了，F12 看是 401', 'login'],
    ['服务文件报 Assignment outside of section', 'service-start'],
    // prefixes: journal, short-iso, gunicorn in journal, nginx error log, Slack quote, shell prompt, dmesg
    [
      "Nov 22 21:19:39 oms-server systemd[1]: /etc/systemd/system/oms-backend.service:18: Missing '=', ignoring line.",
      'service-start',
    ],
    [
      "2026-11-22T21:19:27+0800 oms-server systemd[1]: oms-backend.service: Failed with result 'exit-code'.",
      'service-start',
    ],
    [
      'Nov 22 21:19:55 oms-server gunicorn[77]: [2026-11-22 21:19:55 +0800] [77] [ERROR] Worker (pid:79) was sent SIGTERM!',
      'worker-sigterm',
    ],
    [
      '2026/11/22 21:18:32 [error] 12#12: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 10.1.2.3',
      'api-not-found',
    ],
    [
      "> Access to fetch at 'http://oms.example.com/api/auth/login/' from origin 'http://oms.example.com' has been blocked by CORS policy",
      'login',
    ],
    [
      '[root@kylin ~]# systemctl start oms-backend\nJob for oms-backend.service failed because the control process exited with error code.',
      'service-start',
    ],
    ['[ 1234.567890] gunicorn invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0', 'worker-sigterm'],
  ])('%s → %s', (text, expected) => {
    const r = matchIntent(text, playbooks);
    expect(r.playbook?.id).toBe(expected);
    expect(isDecisive(r)).toBe(true);
    expect(r.outcome).toBe('match');
  });

  it('scores each line of a multi-line paste and combines them', () => {
    const journal = [
      'Nov 22 21:19:27 oms-server systemd[1]: Starting oms-backend.service - OMS Backend Gunicorn Service...',
      'Nov 22 21:19:27 oms-server (gunicorn)[31]: oms-backend.service: Failed to determine user credentials: No such process',
      'Nov 22 21:19:27 oms-server systemd[1]: oms-backend.service: Main process exited, code=exited, status=217/USER',
      "Nov 22 21:19:27 oms-server systemd[1]: oms-backend.service: Failed with result 'exit-code'.",
    ].join('\n');
    const r = matchIntent(journal, playbooks);
    expect(r.playbook?.id).toBe('service-start');
    expect(isDecisive(r)).toBe(true);
    expect(r.extracted).toMatchObject({ unit: 'oms-backend.service', exitStatus: '217/USER', host: 'oms-server' });
    // A log with only healthy start-up lines names no problem.
    const healthy =
      '[2026-11-22 21:17:38 +0800] [33] [INFO] Starting gunicorn 23.0.0\n[2026-11-22 21:17:38 +0800] [45] [INFO] Booting worker with pid: 45';
    expect(matchIntent(healthy, playbooks).playbook).toBeNull();
  });

  it('offers choices instead of picking silently when two playbooks fit equally', () => {
    const r = matchIntent('nginx 报 502，后端挂了', playbooks);
    expect(r.outcome).toBe('choices');
    expect(isDecisive(r)).toBe(false);
    expect([r.playbook!.id, ...r.alternatives.map((a) => a.id)].sort()).toEqual(['api-not-found', 'service-start']);
  });

  it('reads a cause guessed after what was seen as a question, not as a second symptom', () => {
    const r = matchIntent('nginx 报 502，后端是不是挂了', playbooks);
    expect([r.outcome, r.playbook?.id]).toEqual(['match', 'api-not-found']);
  });

  it('lets the more specific playbook win when the other explains only part of the message', () => {
    const r = matchIntent('api 全挂了 502', playbooks);
    expect(r.playbook?.id).toBe('api-not-found');
    expect(isDecisive(r)).toBe(true);
  });

  it('reads several symptoms joined by "+" as about the whole', () => {
    const r = matchIntent('后台打不开 + 接口502 + 服务一直重启，三个问题一起来的', playbooks);
    expect([r.outcome, r.playbook?.id]).toEqual(['match', 'checklist']);
    expect(id('接口502 + 服务一直重启')).not.toBe('checklist');
  });

  it('reviews everything asked for beside a pasted configuration, but not beside a fault', () => {
    const env = '\n$ cat /opt/OMS/backend/.env\nALLOWED_HOSTS=10.0.0.5\nCORS_ALLOWED_ORIGINS=http://10.0.0.5';
    const r = matchIntent(`帮忙把整套配置全面过一遍${env}`, playbooks);
    expect([r.outcome, r.playbook?.id]).toEqual(['match', 'checklist']);
    // The rules' reading; the classifier, sure and wrong here, leads the choices with it second
    // (src/intent/ngram-offer.ts: questionMatch).
    expect(matchIntent(`登录失败，帮忙全面过一遍${env}`, playbooks, { ngram: () => null }).playbook?.id).toBe('login');
    const sig = 'please check everything\n[ERROR] Worker (pid:3321281) was sent SIGTERM!';
    expect(id(sig)).toBe('worker-sigterm');
  });

  it('reads a port listing that lacks the port grepped for as nothing listening there', () => {
    const r = matchIntent(
      'ss -tlnp | grep -E \'80|8000\'\nLISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:(("nginx"))',
      playbooks,
    );
    expect([r.outcome, r.playbook?.id, r.evidence]).toEqual([
      'match',
      'api-not-found',
      'concepts: port + not-listening',
    ]);
  });

  it('reads errors logged on every restart as the workers stopped, errors and the service down after one as the service', () => {
    expect(id('每次重启后端，gunicorn 日志里都有几行 ERROR')).toBe('worker-sigterm');
    expect(id('重启后日志报错，服务起不来')).toBe('service-start');
  });

  it('leaves out a clause saying one part is fine beside a problem named elsewhere', () => {
    const r = matchIntent('访问 http://10.0.0.5/admin/ 返回 404，但是 /api/ 正常', playbooks);
    expect([r.outcome, r.playbook?.id]).toEqual(['match', 'admin']);
    // Asked, it stays: "SIGTERM 是不是正常的" is the question itself.
    expect(matchIntent('日志里的 SIGTERM 是不是正常的', playbooks).howto?.section).toBe('is-it-normal');
  });

  it('chooses the checklist only when asked for', () => {
    for (const text of ['全面检查一下', '帮我完整排查一遍 OMS', 'run a full check on prod'])
      expect(id(text)).toBe('checklist');
    for (const text of ['something is wrong', '生产环境有问题', 'all green, ship it', '全部通过了'])
      expect(id(text)).not.toBe('checklist');
    // The whole system said to be unusable, nothing asked for: the checklist is offered as a choice, never run.
    const vague = matchIntent('系统用不了', playbooks);
    expect([vague.outcome, vague.playbook?.id]).toEqual(['choices', 'checklist']);
  });

  it.each([
    '钉钉打卡登录不上',
    'VPN 今晚 22:00 维护，届时无法登录',
    'grafana 502 了',
    '下午三点在 502 会议室开周会',
    '502 的钥匙谁拿了',
    'gitlab runner 起不来',
    'redis.exceptions.ConnectionError: Error 111 connecting to 127.0.0.1:6379. Connection refused.',
    'ssh: connect to host 10.0.0.8 port 22: Connection refused',
    "rm: cannot remove '/tmp/build': Permission denied",
    'npm ERR! 404 Not Found - GET https://npm.corp.example/@corp%2fui - Not found',
    'jenkins agent got SIGTERM during the build',
    'worker 节点扩容完成',
    'java.lang.OutOfMemoryError: Java heap space',
  ])('stays silent on another system or another meaning: %s', (text) => {
    const r = matchIntent(text, playbooks);
    expect(r.playbook).toBeNull();
    expect(r.outcome).toBe('none');
  });

  it('keeps a message that names OMS ours even when it names another tool', () => {
    expect(id('git pull 之后 oms-backend 起不来')).toBe('service-start');
  });

  it('takes "…，不是 oms" closing a clause as about another system, "是不是 oms 的问题" as a question', () => {
    expect(matchIntent('sidekiq 半夜被 OOM 杀了，不是 oms', playbooks).outcome).toBe('none');
    expect(matchIntent('jenkins 那台 502 了，并非 oms。', playbooks).outcome).toBe('none');
    expect(id('是不是 oms 的问题？登录一直失败')).toBe('login');
  });

  it('says what matched', () => {
    expect(matchIntent('status=217/USER', playbooks).evidence).toMatch(/^signature: /);
    expect(matchIntent('超管登不上', playbooks).evidence).toMatch(/^phrase: /);
    expect(matchIntent('/oms login', playbooks).evidence).toBe('alias: login');
  });

  it('bounds huge and multi-line input', () => {
    const big = `${'x'.repeat(50_000)}\n`.repeat(500) + 'status=217/USER';
    expect(() => matchIntent(big, playbooks)).not.toThrow();
    expect(matchIntent(`status=217/USER\n${'noise line\n'.repeat(10_000)}`, playbooks).playbook?.id).toBe(
      'service-start',
    );
  });
});

describe('extract', () => {
  it('finds the values of the common lines', () => {
    expect(extract('[2026-11-22 21:19:55 +0800] [77] [CRITICAL] WORKER TIMEOUT (pid:79)').pid).toBe('79');
    expect(extract('Worker (pid:45) was sent SIGKILL! Perhaps out of memory?')).toMatchObject({
      pid: '45',
      signal: 'SIGKILL',
    });
    expect(extract("[ERROR] Connection in use: ('127.0.0.1', 8000)").port).toBe('8000');
    expect(extract('curl: (7) Failed to connect to 127.0.0.1 port 8000: Connection refused').port).toBe('8000');
    expect(extract('8000 端口没在监听').port).toBe('8000');
    expect(extract('POST http://172.29.91.61/api/auth/login/ 401 (Unauthorized)').httpStatus).toBe('401');
    expect(extract('接口全404了').httpStatus).toBe('404');
    expect(
      extract('connect() failed while connecting to upstream, client: 10.1.2.3, server: _, host: "172.29.91.61"').host,
    ).toBe('172.29.91.61');
    expect(
      extract("Invalid HTTP_HOST header: '10.0.0.9:8080'. You may need to add '10.0.0.9' to ALLOWED_HOSTS.").host,
    ).toBe('10.0.0.9:8080');
    expect(extract('Main PID: 31 (code=exited, status=203/EXEC)')).toMatchObject({ pid: '31', exitStatus: '203/EXEC' });
    expect(extract('')).toEqual({});
  });
});
