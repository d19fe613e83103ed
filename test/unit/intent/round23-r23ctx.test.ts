import { describe, it } from '@jest/globals';
import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 23, OMS's reports placed elsewhere (docs/intent.md, "Round 23: r23ctx"): OMS's own test environment in a
 * report asking for a diagnosis (src/intent/test-env.ts), OMS in containers beside its systemd installation
 * (src/intent/container-side.ts); and the false alarms that share OMS's words: an app the writer suspects their phone
 * of, a Django project on one's own laptop (src/intent/other-lives.ts). Other systems there stay silent.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);

describe('OMS’s own test environment', () => {
  it('in a bug report or a question asking for a diagnosis is OMS’s', () => {
    tops([
      [
        '【缺陷】测试环境后台登录失败 复现步骤：1. 打开 http://10.1.2.3 2. 输入 admin 和密码 预期结果：进入首页 实际结果：提示网络错误',
        'login',
      ],
      ['UAT 上接口全部 404，是不是 nginx 哪里配得不对？', 'api-not-found'],
      ['测试服上后端服务起不来，systemctl status 一直 failed，该从哪查', 'service-start'],
      [
        'Bug on the UAT environment: /admin/ returns 404. Steps to reproduce: open /admin/. Actual result: 404',
        'admin',
      ],
      ['預發環境登入一直轉圈，console 話 CORS blocked，係咪設定有問題？', 'login'],
    ]);
    sections([['想拿推荐的 gunicorn 配置跟 UAT 上现在那份对比一下，有推荐值吗', 'checklist#recommended-config']]);
  });

  it('only mentioned, or another system’s, stays silent', () => {
    silent([
      '测试环境的后台打不开了，谁动了？',
      '测试服上的后端起不来，不急，明天再看',
      '测试环境登录不上 生产正常',
      'uat 环境接口 404，跟生产没关系',
      'CRM 的测试环境接口 404，是不是 nginx 配得不对',
      '测试环境的 redis 连不上，该从哪查',
      '【Bug】报销系统测试环境提交按钮没反应 复现步骤：1. 打开报销单 2. 点提交 预期结果：提交成功 实际结果：没反应',
    ]);
  });
});

describe('OMS in containers beside its systemd installation', () => {
  it('is OMS’s other installation', () => {
    tops([
      ['compose 版的后端从来不报 SIGTERM，systemd 版天天报，为啥', 'worker-sigterm'],
      ['upstream 之前写的容器 IP，改成 127.0.0.1:8000 以后接口全 502', 'api-not-found'],
      [
        '容器里的 healthcheck 打 http://127.0.0.1:8000/api/ 一直 404，一直 unhealthy，后端是不是有问题',
        'api-not-found',
      ],
      ['在容器里能登录，切回 systemd 部署后前端登录报 CORS 错误', 'login'],
    ]);
  });

  it('containers’ own trouble stays silent', () => {
    silent([
      'docker 升级以后 systemctl start docker 一直起不来，容器全没了',
      '隔壁组的容器被 OOM killed 了，systemd 那边看不到日志',
      'k8s 里 pod 一直 CrashLoopBackOff，容器里 gunicorn 起不来',
      'harbor 升级后容器里拉镜像一直 502',
      'gitlab runner 的容器里 npm install 超时，流水线挂了',
    ]);
  });
});

describe('other systems sharing OMS’s words', () => {
  it('an app one suspects one’s phone of, a Django project on one’s laptop, stay silent', () => {
    silent([
      '打卡的app打开显示502 Bad Gateway，是我手机的问题吗',
      '排班app登录一直转圈，是不是我手机网络不好',
      'a docker compose django project on my laptop: createsuperuser gives django.db.utils.OperationalError',
      '自己笔记本 WSL 里 docker compose 起的 django 项目，migrate 报 django.db.utils.OperationalError',
    ]);
  });

  it('OMS opened from a phone or a laptop stays OMS’s', () => {
    tops([
      ['我用手机打开 OMS 后台，登录页一直转圈', 'login'],
      ['我自己电脑浏览器打开后台，页面报 502 Bad Gateway', 'api-not-found'],
    ]);
  });

  it('a laptop or WSL only the way to the server keeps the pasted exception OMS’s (review)', () => {
    tops([
      ['从 wsl ssh 上生产机，后端日志 django.db.utils.OperationalError: could not connect to server', 'api-not-found'],
      ['我用 WSL 连的服务器，gunicorn 日志里 django.core.exceptions.ImproperlyConfigured', 'service-start'],
      ['on my laptop I tailed the server log: django.db.utils.OperationalError: could not connect', 'api-not-found'],
      ['我的电脑上跑 ssh 看了下服务器 journalctl：django.db.utils.OperationalError', 'api-not-found'],
    ]);
  });
});

describe('the guards the review found untested', () => {
  it('a test environment only mentioned (who broke it, left for later) stays another system’s', () => {
    silent(['测试环境谁动了？登录一直失败，怎么回事', '测试环境的后台打不开了，明天再看，不急，怎么回事']);
    tops([['测试环境登录失败，为什么', 'login']]);
  });

  it('a container side with nothing of OMS named beside it stays another system’s', () => {
    silent(['容器版的后端一直 502，怎么回事', 'docker 版的 gunicorn 一直被 sigterm，是不是哪里不对']);
    tops([['容器版的 oms 后端一直 502，怎么回事', 'api-not-found']]);
  });

  it('beside OMS’s test environment or its containers passive listening stays silent', () => {
    for (const text of [
      '测试环境登录失败，为什么',
      'UAT 上接口全部 404，是不是哪里配得不对',
      '容器版的 oms 后端一直 502，怎么回事',
    ]) {
      const r = answer(text);
      expect([text, r.offered.length > 0, r.passive]).toEqual([text, true, false]);
    }
  });
});
