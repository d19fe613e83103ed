import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 24, how-to sections asked in other words (docs/intent.md, "Round 24: r24how"): a customer's formal request for
 * the procedure ("烦请提供…的操作说明文档", "请告知具体检查步骤", "请予以明确，并说明理由", "请贵司书面说明：…是否正常")
 * is answered by the section, not a diagnosis; requests for documents that are no how-to about OMS stay silent. The
 * order to check one fault asked in slang is that fault's checks by hand; a bundle of findings (material gathered for
 * support, a check script's report with failures over several parts) is the checklist's, one failure its own.
 */
const answer = answerOverRealPlaybooks();
const { silent, sections, tops } = answerExpectations(answer);

describe('a formal request for the procedure', () => {
  it('is answered by the section', () => {
    sections([
      ['请贵司提供新建超级管理员账号的操作手册，我方按手册执行。', 'admin#create-superuser'],
      ['烦请提供 OMS 创建 superuser 的操作指南', 'admin#create-superuser'],
      ['oms-backend.service 中 User= 应填写哪个账号？请予以明确。', 'service-start#unit-file'],
      ['后端服务无法启动时应如何排查，请告知具体检查步骤，我方照做。', 'service-start#by-hand'],
      ['请贵方书面说明，gunicorn 日志中反复出现 worker SIGTERM 是否正常，并说明理由。', 'worker-sigterm#is-it-normal'],
      ['烦请解释：后台日志里的 Worker was sent SIGTERM 属于正常现象吗？', 'worker-sigterm#is-it-normal'],
    ]);
  });

  it('is not a request for contracts, invoices, reports or another system’s manual', () => {
    silent([
      '烦请贵司提供合同及发票的扫描件，财务入账用',
      '请贵司书面说明本月服务费上涨的原因',
      '请予以明确付款节点，并说明理由',
      '烦请提供 VPN 客户端的操作说明文档',
      '请告知年假申请的具体步骤',
    ]);
  });
});

describe('the order to check one fault', () => {
  it('is that fault’s checks by hand, not the checklist’s order', () => {
    sections([
      ['502了先查哪个 nginx？后端？给个顺序呗', 'api-not-found#by-hand'],
      ['接口404 先看啥后看啥 求顺序🙏', 'api-not-found#by-hand'],
      ['登录401了 先看啥 账号？接口？求个排查顺序', 'login#by-hand'],
    ]);
  });

  it('is not a taxi app’s 502 or a renovation’s order', () => {
    silent(['打车软件一直 502 先看啥 求个顺序', '装修先做水电还是先贴砖 求个顺序🙏']);
  });
});

describe('a bundle of findings', () => {
  it('gathered for support and asked whether it is enough is the checklist’s', () => {
    tops([
      [
        'Collected this for the support ticket, is it enough or do you need more?\n$ journalctl -u oms-backend -n 50\n' +
          'Dec 16 10:01:02 oms01 gunicorn[811]: [CRITICAL] WORKER TIMEOUT (pid:822)\n$ curl -I http://127.0.0.1/api/\n' +
          'HTTP/1.1 502 Bad Gateway',
        'checklist',
      ],
    ]);
  });

  it('a check script’s failures over several parts are the checklist’s, over one part that part’s', () => {
    tops([
      [
        'post-deploy smoke test:\n[PASS] oms-backend.service active\n[FAIL] GET http://127.0.0.1:8000/api/ -> 404\n' +
          '[FAIL] login with admin -> 401\n[PASS] nginx -t\nwhich of these are real problems?',
        'checklist',
      ],
      [
        'checks:\n[ OK ] backend active\n[FAIL] GET /api/orders/ -> 502\n[FAIL] GET /api/users/ -> 502\n' +
          '[ OK ] nginx -t\nboth api calls fail',
        'api-not-found',
      ],
    ]);
  });

  it('a unit’s “vendor preset” in a pasted status is no request for support', () => {
    tops([
      [
        '[root@oms-app01 ~]# systemctl status oms-backend\n● oms-backend.service - OMS Backend\n' +
          '   Loaded: loaded (/etc/systemd/system/oms-backend.service; enabled; vendor preset: disabled)\n' +
          '   Active: failed (Result: exit-code)\n Main PID: 7731 (code=exited, status=203/EXEC)\n' +
          '[root@oms-app01 ~]# ls -l /opt/OMS/backend/venv/bin/gunicorn\nls: 无法访问: 没有那个文件或目录',
        'service-start',
      ],
    ]);
  });
});

describe('the whole in a mess', () => {
  it('in slang or after a migration is the checklist’s', () => {
    tops([
      ['生产上 oms 乱成一锅粥 服务 nginx 前端 全都有问题 救命', 'checklist'],
      ['升级后 oms 一塌糊涂 后端 nginx 都不对劲', 'checklist'],
      ['割接到新服务器后 OMS 到处是问题，分不清是 nginx 没配好还是后端没起', 'checklist'],
      ['shengchan huanjing yi tuan zao, fuwu nginx qianduan quan dou you mao bing', 'checklist'],
    ]);
  });

  it('is not a car’s, a home’s, a contract’s or a project’s mess', () => {
    silent([
      '新车到处是问题 4S店不管',
      '家里装修一团糟 水电全都有毛病',
      '这份合同到处是问题，法务让重写',
      '项目管理一团糟，需求天天变',
      '分不清是感冒还是过敏，一直流鼻涕',
    ]);
  });
});

describe('不 mistyped as 补, 部 or 布', () => {
  it('is read as 不', () => {
    tops([
      ['升级完 oms 后端起部来了，journal 一堆报错', 'service-start'],
      ['重装以后 gunicorn 服务起布来', 'service-start'],
      ['oms 登补上了 账号密码没错啊', 'login'],
    ]);
  });

  it('not 起步 nor a patch', () => {
    silent(['今天起步来得晚', '这件衣服补上了']);
  });
});
