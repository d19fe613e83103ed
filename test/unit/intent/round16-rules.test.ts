import { messageContext } from '../../../src/intent/context.js';
import { normalize } from '../../../src/intent/normalize.js';
import { withoutSecurityChannel } from '../../../src/intent/security-channel.js';
import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 16's rules (docs/intent.md), on wordings invented for them, hard negatives among them: security operations
 * and compliance watching the channel, a field technician on a phone, low-level tool output, round 15's test half's
 * kinds of misses (learners' English, a migration, business users).
 */
const answer = answerOverRealPlaybooks();
const { tops, silent, sections } = answerExpectations(answer);

describe('a security tool named as where a line was seen or who asks', () => {
  it('is a channel: the line is OMS’s', () => {
    tops([
      ['SIEM 上报：oms-backend 日志里 [ERROR] Worker (pid:2211) was sent SIGTERM!，帮忙看看', 'worker-sigterm'],
      ['审计那边问：接口 /api/orders/ 一直返回 502 是什么情况', 'api-not-found'],
      ['WAF 日志里看到 /api/auth/login/ 全是 504，不是 WAF 拦的', 'api-not-found'],
    ]);
    sections([
      [
        'the SOC flagged our gunicorn log: Worker (pid:812) was sent SIGTERM! is this a real problem?',
        'worker-sigterm#is-it-normal',
      ],
      ['gunicorn 的 Worker was sent SIGTERM 这种算不算误报？', 'worker-sigterm#is-it-normal'],
    ]);
    expect(withoutSecurityChannel('soc 这边要判定')).toBe(' 说判定');
    // … and passive listening stays silent beside it, as beside any tool
    expect(answer('SIEM 上报：oms-backend 日志里 [ERROR] Worker (pid:2211) was sent SIGTERM!').passive).toBe(false);
  });

  it("the tool's own trouble, and a false alarm told, stay silent", () => {
    silent(['WAF 管理后台登录不上，密码试了好几次', 'SIEM 的 agent 起不来了，日志采集断了', 'SOC 排班表这周谁值夜班']);
    silent(['刚才那条 502 告警是误报，请忽略']);
    expect(messageContext(normalize('刚才那条告警是误报')).notice).toBe(true);
    expect(messageContext(normalize('这条算不算误报？')).notice).toBe(false);
  });
});

describe('where a report was read, and what is no fix', () => {
  it('a weekly report read, a machine switched off, a browser on one’s own laptop', () => {
    tops([
      ['领导在日报里看到 Worker was sent SIGTERM 这几行，问要不要紧', 'worker-sigterm'],
      ['老服务器已经关了，新机器上登录一直提示网络错误', 'login'],
      ['浏览器是在我自己电脑上开的，登录请求发到了 localhost:8000', 'login'],
    ]);
    expect(messageContext(normalize('老机器已经关了')).notice).toBe(false);
  });

  it('"和我们 oms 没关系" says not OMS', () => {
    silent(['这是数据组自己的 nginx，/api 也 404，和我们 oms 没关系']);
  });

  it('another system named as what one knows is a comparison; passive listening stays silent beside it', () => {
    const r = answer('tomcat 上我知道是在 web.xml 里配跨域，我们这个后端登录报跨域要改哪里');
    expect([r.top, r.passive]).toEqual(['login', false]);
    silent(['tomcat 我知道怎么重启']);
  });
});

describe('other topics and shared infrastructure', () => {
  it("a domain account, a PC's logon, a feature request, the server's network settings alone", () => {
    silent([
      '域账户被锁了，电脑开机进不去',
      '笔记本开机登不进去，提示密码过期',
      '运营想加一个导出 excel 的新功能，需求提给谁',
      'centos 怎么配静态ip，网卡名是 ens33',
    ]);
  });

  it('the network settings beside OMS’s parts stay OMS’s', () => {
    tops([['迁移后服务器改了静态IP，前端登录请求还发到老地址', 'login']]);
  });
});

describe('lexicon', () => {
  it('how-to wordings: 建超级管理员, quick-fix, learners’ "how get", the link, erhua, a setup process', () => {
    sections([
      ['新建超级管理员用什么命令', 'admin#create-superuser'],
      ['quick-fix commands for when the api is down', 'checklist#quick-fixes'],
      ['how get the template for bulk import', 'admin#bulk-import'],
      ['what is the link for the django admin on prod', 'admin#admin-url'],
      ['piliang daoru de muban zai nar xiazai', 'admin#bulk-import'],
      ['install process for the backend service on a fresh kylin box', 'service-start#setup'],
      ['steps to check the 504 by hand', 'api-not-found#by-hand'],
      ['Worker was sent SIGTERM on every reload, is that expected?', 'worker-sigterm#is-it-normal'],
    ]);
  });

  it('后台服务/后台程序 is the backend, in Chinese and pinyin; 后台 alone the admin', () => {
    expect(normalize('后台服务 后台程序 后台进程')).toBe('后端服务 后端程序 后端进程');
    tops([
      ['houtai chengxu qi bu lai le', 'service-start'],
      ['后台进程一直起不来 status=217', 'service-start'],
      ['houtai dakai shi 404', 'admin'],
    ]);
  });

  it('a migration: the IP changed, requests on the old machine; "stop working"', () => {
    tops([
      ['since we changed the server ip the login stopped working', 'login'],
      ['前端登录请求跑到旧服务器上去了', 'login'],
    ]);
  });

  it('a batch imported at once with a column refused; no superuser and the admin closed', () => {
    tops([
      ['一次录了80个新员工，有20个说部门那一列不对', 'admin'],
      ['/admin/ 一直进不去，超管账号还没建', 'admin'],
    ]);
  });

  it('an access log’s POST answered 405 on /api/ (its query strings ask nothing)', () => {
    tops([
      [
        '10.0.0.8 - - [01/Dec/2026:09:00:01 +0800] "POST /api/orders/?page=2 HTTP/1.1" 405 157 "-" "curl"',
        'api-not-found',
      ],
    ]);
  });

  it('a phone’s shorthand: ngx, 8000没起, cmds, a search run on a page; hanging up is no service down', () => {
    tops([
      ['ngx 一直 502 8000没起', 'api-not-found'],
      ['订单页点查询 转了半天 504', 'api-not-found'],
    ]);
    sections([['fix cmds pls, quick-fix, backend down', 'checklist#quick-fixes']]);
    expect(normalize('手机快没电了 先挂了')).toBe('手机快没电了 先下了');
    expect(normalize('nginx 先挂了，后端也挂了')).toBe('nginx 先挂了,后端也挂了');
    silent(['信号不好 电话先挂了 晚点打给你']);
  });

  it('curl posting to /api/ answered 405 is the API path’s', () => {
    tops([["$ curl -s -o /dev/null -w '%{http_code}' -X POST http://127.0.0.1/api/orders/\n405", 'api-not-found']]);
  });

  it('one’s own project is another system', () => {
    silent([
      'my own django project admin gives 404 on static in runserver',
      '我自己项目里 createsuperuser 报 no such table',
    ]);
  });

  it('"expected" in a remark asks nothing', () => {
    const r = answer('admin 页面没有样式，直连 8000 也一样（expected with DEBUG=False），怀疑 static 配置');
    expect([r.top, r.section]).toEqual(['admin', null]);
  });

  it('everything off, symptoms scattered, with parts named: the checklist', () => {
    tops([
      ['哪都不对劲 后台打不开 接口超时 登录也失败', 'checklist'],
      ['症状比较分散：登录偶尔失败、接口偶尔 504，先按清单整体过一遍', 'checklist'],
    ]);
    tops([['接口偶尔 504，登录正常', 'api-not-found']]);
    // a bunch of alerts at once, everything asked for
    tops([['凌晨一堆 OMS 告警一起冒出来（504、登录失败、worker SIGTERM），全量查一遍', 'checklist']]);
  });
});

describe("round 17's tuning half's kinds of false alarms", () => {
  it("a desk phone's registration, a campus network's portal, the warehouse's handhelds, a test suite failing", () => {
    silent([
      '客服中心的软电话一直注册失败，坐席都没法接电话',
      '宽带欠费了吗 认证页面一直转圈',
      '仓库手持都连不上了 扫码没反应',
      'tox 跑单测挂了两个，admin 登录那个用例',
    ]);
  });

  it('OMS named beside them stays OMS’s; tests said to pass place nothing', () => {
    tops([
      ['仓库的同事说 OMS 后台打不开', 'admin'],
      ['生产上 /api/orders/ 返回 502，本地 pytest 是过的', 'api-not-found'],
    ]);
  });
});

describe("round 17's tuning half's kinds of misses", () => {
  it('a superuser never created; asking whether something broke; a page instead of data', () => {
    sections([
      ['后台登录页能打开，可是压根没建过超管，交接文档里也没有，怎么办', 'admin#create-superuser'],
      ['Worker was sent SIGTERM 刷了一屏，是出事了吗', 'worker-sigterm#is-it-normal'],
      ['出事了先敲哪几条命令', 'checklist#quick-fixes'],
    ]);
    const r = answer('库存接口返回的是前端的 index.html 不是 json？');
    expect([r.top, r.section]).toEqual(['api-not-found', null]);
  });
});
