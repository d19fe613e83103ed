import { describe, it } from '@jest/globals';
import { answerExpectations, answerOverRealPlaybooks, overruleExpectations } from '../../helpers/intent-answer.js';

/**
 * Round 21, things around OMS (docs/intent.md, "Round 21: r21ctx"; src/intent/around-oms.ts): reports of OMS's trouble
 * that also name the tool deploying it, what happened to its server, a user agent, the PC restarted, or a clause of
 * concern, were read as another system's; the same tools' and things' own trouble stays unanswered. Held here, not in
 * probes.jsonl (a training set of the classifier): retrained with them, it flips two messages near its cut-off.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);
// The classifier's overrules of the rules' tuned readings (src/intent/ngram-overrule.ts).
const { kept } = overruleExpectations();

describe('the tool that deploys OMS', () => {
  it('is the means, the report OMS’s', () => {
    tops([
      ['用 ansible 部署完后端，systemctl start 起不来，203/EXEC', 'service-start'],
      ['gitlab ci 发版重启后端之后日志里一串 Worker was sent SIGTERM，正常吗', 'worker-sigterm'],
      [
        'every time jenkins deploys and restarts the backend we see worker was sent SIGTERM in the log',
        'worker-sigterm',
      ],
      ['jenkins 发布完，页面能开但是接口全是 404', 'api-not-found'],
      ['tongguo jenkins fabu wan houduan qi bu lai', 'service-start'],
    ]);
    sections([
      ['createsuperuser 在 jenkins 的 job 里怎么跑才不会卡在输入密码那一步', 'admin#create-superuser'],
      ['how to run createsuperuser non-interactively inside a jenkins pipeline stage?', 'admin#create-superuser'],
      ['超管密码忘了，想用 ansible 的 playbook 重置一下，怎么写', 'login#reset-password'],
    ]);
  });

  it('its own trouble stays its own', () => {
    silent([
      'jenkins 的 admin 密码忘了怎么重置',
      'Jenkins 升级插件以后登录页面 502 了',
      'ansible tower 升级到新版本后 admin 登录不上',
      'jenkins agent 节点离线了，job 一直排队',
      'our jenkins web UI returns 503 after the plugin update',
    ]);
  });
});

describe('what happened to the server before', () => {
  it('is the cause, the trouble OMS’s', () => {
    tops([
      ['昨晚机房断电，来电以后后端一直没起来', 'service-start'],
      ['用昨天的备份还原之后，超管账号登录提示密码错误', 'login'],
      ['restored the vm from last night’s backup and now /api returns 404 for everything', 'api-not-found'],
      ['ntpdate 把时间校准以后，后端日志里出了几条 SIGTERM', 'worker-sigterm'],
    ]);
  });

  it('the room’s, the backup’s and the clock’s own trouble stays theirs', () => {
    silent([
      '机房停电了，UPS 撑了二十分钟，空调也停了',
      '备份任务昨晚失败了，备份目录满了',
      '从备份恢复失败，提示文件损坏',
      'chronyd 起不来，时间一直不同步',
      '机房下周停电检修，请大家提前关机',
    ]);
  });
});

describe('a user agent, the PC restarted, a clause of concern', () => {
  it('leave the report OMS’s', () => {
    tops([
      [
        '10.1.2.3 - - [10/Dec/2025:09:00:01 +0800] "POST /api/auth/login/ HTTP/1.1" 502 157 "http://10.1.1.5/login" ' +
          '"Mozilla/5.0 (Linux; Android 12; SM-G9910) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36"',
        'api-not-found',
      ],
      [
        '10.1.2.9 - - [10/Dec/2025:09:03:11 +0800] "GET /api/orders/ HTTP/1.1" 404 179 "-" ' +
          '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Safari/605.1.15"',
        'api-not-found',
      ],
      ['后台登录一直提示密码错误，电脑也重启过了，换了浏览器也一样', 'login'],
      ['用户换了一台电脑也还是登录不上后台，提示 403 CSRF', 'login'],
      ['后端日志里偶尔有 Worker was sent SIGTERM，领导担心系统不稳定', 'worker-sigterm'],
      ['worker 被 OOM kill 了好几次，怀疑系统内存不够', 'worker-sigterm'],
    ]);
    kept([['customer says the system page is blank 502, restarted his PC already, still the same', 'api-not-found']]);
  });

  it('the PC’s and another system’s own trouble stays theirs', () => {
    silent([
      '电脑重启以后蓝屏了，一直进不去桌面',
      '重启电脑以后打印机就找不到了',
      'my laptop keeps freezing when excel opens a big file',
      '门禁系统登录不上，担心系统数据丢了',
      '排课系统打不开，领导很着急',
    ]);
  });
});
