import { describe, it } from '@jest/globals';
import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 22, OMS's reports read as another system's (docs/intent.md, "Round 22: r22ctx"): a pasted createsuperuser
 * session (src/intent/session-prompts.ts), the pipeline running OMS's step (src/intent/ran-by.ts), the WAF, load
 * balancer or CDN in front as the channel (src/intent/in-front.ts), who reports or was using OMS
 * (src/intent/reporters.ts), the server moved to a new machine room, a deadline told beside a request. The same
 * tools' and things' own trouble stays unanswered.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops } = answerExpectations(answer);

describe('a pasted createsuperuser session', () => {
  it('is OMS’s, its e-mail prompt no mail system', () => {
    tops([
      [
        '(venv) [root@ky10 backend]# python manage.py createsuperuser\nUsername: boss\nEmail address: boss@shop.example\nPassword:\nPassword (again):\nThis password is too short. It must contain at least 8 characters.\nBypass password validation and create user anyway? [y/N]:',
        'admin',
      ],
      [
        'python manage.py createsuperuser\n用户名: kf01\n电子邮件地址: kf01@example.cn\nPassword:\nPassword (again):\n这个密码太常见了。',
        'admin',
      ],
    ]);
  });

  it('a mail system’s own trouble stays its own', () => {
    silent([
      '公司邮件服务器发不出去信了，SMTP 一直超时',
      'Email address on my outlook keeps asking for the password again',
    ]);
  });
});

describe('the pipeline running OMS’s step', () => {
  it('is the means', () => {
    tops([
      ['jenkins 里跑 python manage.py createsuperuser --noinput 第二次就报 username is already taken', 'admin'],
      ['流水线的冒烟测试 curl http://10.0.0.8/api/ 一直 404，流水线直接判失败', 'api-not-found'],
      ['the ci smoke test curls /api/ on the new box and gets 404 Not Found, is the backend up?', 'api-not-found'],
      ['登录请求发到 localhost:8000 去了，估计是 jenkins 打包的时候 .env 没带上', 'login'],
    ]);
  });

  it('its own trouble stays its own', () => {
    silent([
      'jenkins 流水线卡在 npm install，job 超时被杀',
      'jenkins agent 连不上，流水线全在排队',
      'GitHub Actions 里 manage.py check 挂了，只在 CI 上出现，本地没事',
      'jenkins 流水线里 gunicorn 测试起不来',
    ]);
  });
});

describe('the device in front of OMS', () => {
  it('is the channel', () => {
    tops([
      ['绕过 WAF 直接访问源站 /api/orders/ 还是 404', 'api-not-found'],
      ['LB 健康检查 GET /api/ 一直返回 404，节点被打成 down', 'api-not-found'],
      ['WAF 上没有任何拦截记录，可 /api 下的请求都是 404 Not Found', 'api-not-found'],
      // held here, not in probes.jsonl (a training set of the classifier): retrained with them, it flips a message
      ['接口全是 404，响应头里 server 是 nginx，不是我们 WAF 返回的', 'api-not-found'],
      ['SNAT 之后回源 IP 是 10.9.9.250，OMS 的 nginx access log 里请求都进来了，但状态码全是 404', 'api-not-found'],
    ]);
  });

  it('its own trouble stays its own', () => {
    silent([
      'WAF 管理控制台登录不上，提示密码错误',
      'F5 的 pool member 被打成 down 了，交换机端口在闪',
      'CDN 回源带宽跑满了，要不要扩容',
      'WAF 自己的拦截页面返回 403，能改成自定义页面吗',
    ]);
  });
});

describe('who reports or was using OMS', () => {
  it('is no system', () => {
    tops([
      [
        '工单号 GD1230-0007 客户：县人民医院 现象：后端日志有 Worker (pid:12) was sent SIGTERM 诉求：是否有风险',
        'worker-sigterm',
      ],
      ['财务正在导出全年订单报表的时候 worker 被 SIGTERM 了，导出失败', 'worker-sigterm'],
      ['点登录，登录请求打到 127.0.0.1:8000 了，那是我自己电脑，当然连不上，前端该改哪个配置', 'login'],
    ]);
  });

  it('their own systems stay their own', () => {
    silent([
      '客户：县人民医院 的 HIS 系统登录不上，让我们帮忙看看',
      '财务系统导出报表一直转圈',
      '我本地电脑上 docker desktop 起不来',
    ]);
  });
});

describe('what happened to OMS’s server, and a deadline', () => {
  it('are OMS’s', () => {
    tops([
      ['服务器搬到新机房之后，后端起不来了，systemctl status 是 failed', 'service-start'],
      // held here, not in probes.jsonl (a training set of the classifier): retrained with them, it flips a how-to
      ['服务器迁到新机房以后整个系统都不正常了', 'checklist'],
      ['after the servers were moved to the new data centre nothing works any more, where do I start', 'checklist'],
      [
        '后端起不来了：\noms-backend.service: Main process exited, code=exited, status=1/FAILURE\n期望：今天下班前恢复，明早有培训',
        'service-start',
      ],
    ]);
  });

  it('the room’s own chores and a training announced stay silent', () => {
    silent(['机房搬迁以后门禁要重新登记', '明天上午有培训，请大家准时参加']);
  });
});
