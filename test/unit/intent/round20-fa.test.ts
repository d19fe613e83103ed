import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 20, false alarms (docs/intent.md, "Round 20: false alarms of four new populations"): the other tools of a DBA,
 * a security engineer, a business user of OMS and a monitoring engineer share OMS's words (超管, 后台, 登录失败, 起不来)
 * but are theirs (src/intent/specialist-tools.ts). The same words about OMS stay answered.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);

describe("a DBA's other databases", () => {
  it('are not OMS: their superusers, roles, consoles and proxies', () => {
    silent([
      'pg 里建个 superuser 是 CREATE ROLE xx SUPERUSER LOGIN 还是 CREATE USER 就行',
      '金仓 system 超管账号密码过期了，登录提示要先修改密码',
      '金仓数据库的管理员密码忘了怎么重置',
      '人大金仓的 KStudio 连不上，54321 端口 telnet 不通',
      'ALTER ROLE analyst WITH SUPERUSER 报 must be superuser to alter superusers',
      'the mariadb root login works locally but not from the app box, grant issue?',
      'oceanbase 的 OCP 平台登录 502，obproxy 好像挂了',
    ]);
  });

  it("OMS's own database and superuser keep their answer", () => {
    tops([
      ['库里 auth_user 的密码哈希我没动过，超管就是登录失败', 'login'],
      ['OMS 用的是 MySQL 不是 pg，后端连不上库现在起不来了', 'service-start'],
      ["后端连 MySQL 报 Access denied for user 'oms'，服务起不来", 'service-start'],
    ]);
    sections([
      ['DBA 这边问一下，OMS 的超级管理员是 createsuperuser 建的还是直接 insert 进 auth_user', 'admin#create-superuser'],
    ]);
  });
});

describe("a security engineer's products and appliances", () => {
  it("are not OMS: a vendor's console, a device's back office, a honeypot", () => {
    silent([
      '奇安信天擎的管理后台 502 了',
      '360天擎控制中心后台登录失败',
      '亚信的防病毒控制台起不来',
      '深信服的上网行为管理后台登录不上',
      '数据库审计设备的后台登录以后一直转圈',
      '蜜罐告警：有人用 admin/admin123 登录了蜜罐的后台',
      '东方通 TongWeb 的管理后台登录提示密码错误',
    ]);
  });

  it("a product reporting what it saw on OMS is a channel: OMS's report is answered", () => {
    tops([
      ['天擎报 gunicorn 是可疑进程给隔离了，后端服务起不来了', 'service-start'],
      ['亚信报的弱口令我们改了，超管现在登录不上', 'login'],
      ['绿盟漏扫扫出来后台有弱口令，改了超管密码以后超管登录不上了', 'login'],
      ['改了密码策略以后超管登录失败 提示密码错误', 'login'],
    ]);
    // a honeypot program as the cause of OMS's port conflict (round 16) is not the honeypot's own console
    expect(answer('后端服务起不来，好像 8000 端口被占了？安全那边前两天在这台上跑过一个蜜罐程序，可能是它').top).toBe(
      'service-start',
    );
  });
});

describe("a business user's devices, a friend's project, a report's format", () => {
  it('are not OMS', () => {
    silent([
      '税控盘密码输错三次被锁了怎么办',
      'jindie houtai dakai 502',
      'shuikong pan mima suo le',
      "Okta MFA push never arrives so I can't sign in to anything",
      '帆软报表的管理后台登不上了 密码是对的',
      '朋友的爬虫 python 在他的云服务器上跑着跑着就收到SIGTERM没了 是被谁杀了',
      '客户要出一份部署报告，公司有标准格式吗',
    ]);
  });

  it('OMS with the same words stays answered', () => {
    tops([
      ['帮朋友问的，他们公司也用这套系统，后台打不开 404', 'admin'],
      ['运维同学的电脑上 OMS 超管登录不上', 'login'],
      ['客户报告说超管登录失败，报告格式按上次的来', 'login'],
      ['houtai denglu bu shang mima cuowu', 'login'],
    ]);
    sections([['OMS 部署完了，客户要部署报告，推荐配置在哪看', 'checklist#recommended-config']]);
  });
});

describe("a monitoring engineer's Nightingale", () => {
  it('its own console, account and processes are not OMS', () => {
    silent(['夜莺的后台登录不上 admin 密码改了', 'n9e-server 服务一直重启', 'categraf 服务起不来 status=1/FAILURE']);
  });

  it("what it relays about OMS is OMS's", () => {
    tops([
      ['夜莺告警：后端服务起不来，gunicorn 进程数=0', 'service-start'],
      ['夜莺的拨测说超管登录失败', 'login'],
      ['夜莺报 OMS 接口全 502，后端是不是挂了', 'api-not-found'],
      ['n9e 告警：OMS gunicorn worker 被 SIGTERM，一天好几十次', 'worker-sigterm'],
    ]);
  });
});

describe('a 405 on the login POST', () => {
  it('met clicking 登录 is offered the login playbook (its api-location-missing section)', () => {
    for (const text of [
      '登录页点登录，POST /api/auth/login/ 直接 405 Not Allowed，本地 dev 从来没见过这个',
      'when I click login the page shows 405 Not Allowed',
      '一点登录就弹 405 Not Allowed，超管进不去',
    ])
      expect([text, answer(text).offered]).toEqual([text, expect.arrayContaining(['login'])]);
  });

  it("told of the endpoint or nginx's proxy stays the API's", () => {
    tops([
      ['POST 登录接口 nginx 直接回了个 405？', 'api-not-found'],
      ['你能看一下 nginx 代理吗 POST /api/auth/login/ 返回 405 Not Allowed 是什么鬼', 'api-not-found'],
      ['提交订单点保存就 405 Not Allowed', 'api-not-found'],
    ]);
  });
});

describe('clauses separated by semicolons', () => {
  it('each naming a part in trouble, are a list of parts: the whole', () => {
    tops([
      ['客户反馈：登录不了；后台白屏；导入失败。我们这边看服务也在重启。', 'checklist'],
      ['仓库反馈：登录不了；后台打开白屏；批量导入也失败。服务好像在重启', 'checklist'],
    ]);
  });

  it('facts about one part stay that part', () => {
    tops([
      ['超管登录失败；密码确认没错；is_active 也是 1', 'login'],
      ['后台样式丢了；static 404；collectstatic 跑过了', 'admin'],
      ['worker 收到 SIGTERM；master 没重启；导出大文件的时候出现', 'worker-sigterm'],
    ]);
  });
});

describe('a service, a console or an appliance told by what it is for', () => {
  it("is another system's", () => {
    silent([
      '搜索服务起不来 端口被占用',
      '消息推送服务 OOM 了',
      '探针服务起不来 status=1/FAILURE',
      '配置中心的后台登录不上',
      '加密机的 web 管理页登录不上',
      '日志审计的超级管理员密码忘了',
      '主库切过去以后另一套系统的后台登录一直报错',
    ]);
  });

  it("OMS's own services, back offices and the browser's console keep their answer", () => {
    tops([
      ['麒麟上后端服务起不来', 'service-start'],
      ['导出服务一跑大文件 worker 就被 SIGTERM', 'worker-sigterm'],
      ['代理服务 502 了，nginx 日志 upstream timed out', 'api-not-found'],
      ['浏览器控制台里报 CORS 错误 登录不上', 'login'],
      ['员工后台批量导入失败', 'admin'],
      ['经销商后台登录提示密码错误', 'login'],
      ['电脑端后台登录不上，手机端可以', 'login'],
      ['所以服务起不来是因为这个吗 id: "www-data"：无此用户', 'service-start'],
    ]);
  });
});

describe("an alert's labels", () => {
  it('naming another service, team or host place the alert there', () => {
    silent([
      '[FIRING:1] ServiceDown job=sms-sender instance=10.20.7.3:9100',
      '[FIRING:1] ProcessNotRunning service=file-transfer host=10.12.3.40 severity=critical',
      'PROBLEM: gunicorn worker timeout on host face-recognition-01 (python 服务)',
      '[FIRING:1] HttpProbe5xx target=http://10.20.8.5/api/v1/health status=502 owner=data-team',
      '[FIRING:1] NginxUpstreamDown upstream=pay_backend server=10.20.4.17:8080',
      'Zabbix: nginx on 10.20.3.99 returned 502 for /api/report/ (report system)',
    ]);
  });

  it("naming OMS's own, its server's exporters and probes or the operators keep the alert OMS's", () => {
    tops([
      ['[FIRING:1] ServiceDown job=oms-backend instance=10.20.3.15:8000', 'service-start'],
      ['[FIRING:1] ProcessNotRunning service=gunicorn host=kylin-oms01', 'service-start'],
      ['[FIRING:1] HttpProbe5xx job=node target=http://172.29.91.61/api/ status=502 owner=ops', 'api-not-found'],
      ['PROBLEM: gunicorn worker timeout on host oms-prod-01', 'worker-sigterm'],
      ['打开 http://172.29.91.61/login?app=pc 超管登录失败', 'login'],
      ['PROBLEM: Service "oms-backend" is not running on host kylin-oms01', 'service-start'],
    ]);
  });
});
