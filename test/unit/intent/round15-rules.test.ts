import { messageContext } from '../../../src/intent/context.js';
import { normalize } from '../../../src/intent/normalize.js';
import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 15's rules (docs/intent.md), on wordings invented for them, hard negatives among them: voice input's
 * homophones, learners' English and pinyin typed with tone numbers, business users relayed by their IT liaison,
 * a migration and its monitoring alerts.
 */
const answer = answerOverRealPlaybooks();
const { tops, silent } = answerExpectations(answer);

describe("voice input's homophones", () => {
  it('read as the words OMS uses', () => {
    expect(normalize('后太 服务气 借口 前段 后段 重起 起动 配制 秘码 模版')).toBe(
      '后台 服务器 接口 前端 后端 重启 启动 配置 密码 模板',
    );
    tops([
      ['后太管理页面打不开了，一直转圈', 'admin'],
      ['借口全部返回502', 'api-not-found'],
      ['前段页面点登录没反应', 'login'],
      ['后段日志里一堆SIGTERM', 'worker-sigterm'],
      ['oms-backend 起动失败 status=217/USER', 'service-start'],
    ]);
    expect(answer('超管秘码忘了怎么重置').section).toBe('login#reset-password');
    expect(answer('批量导入的模版在哪下载').section).toBe('admin#bulk-import');
  });

  it('an excuse, "a while ago" and the server clock stay what they are', () => {
    expect(normalize('别找借口 前段时间 后段时间')).toBe('别找借口 前段时间 后段时间');
    expect(normalize('布署 日至 502网管错误 超官登路 网管说 1日至5日')).toBe(
      '部署 日志 502网关错误 超管登录 网管说 1日至5日',
    );
    silent(['别找借口了，周报今天必须交', '前段时间买的显示器到了没', '服务气的时间和北京时间差了八个小时']);
  });
});

describe("learners' English", () => {
  it('forms of address and contractions without an apostrophe name no other system', () => {
    tops([
      ['dear team, superuser cant login, it show invalid password', 'login'],
      ['hello sir the backend service doesnt start after reboot pls help', 'service-start'],
      ['madam the api giving 502 from today morning pls revert urgently', 'api-not-found'],
      ['dear team login nt working for superadmin, pls check', 'login'],
    ]);
    expect(normalize('it doesnt start, i cant login, nt working')).toBe("it doesn't start, i can't login, not working");
  });

  it('a page "not opening" or "not coming" cannot be opened; "not coming up" is the unit down', () => {
    tops([
      ['sir admin page not opening since morning, kindly check', 'admin'],
      ['admin page is not coming, only blank', 'admin'],
      ['backend is not coming up after reboot', 'service-start'],
    ]);
  });

  it("another system's trouble in the same English stays its own", () => {
    silent(['sir my laptop wifi is not working', 'dear team the vpn cant connect since morning']);
  });
});

describe('pinyin typed with tone numbers', () => {
  it('reads as toneless pinyin', () => {
    expect(normalize('deng1lu4 bu4 shang4')).toBe('denglu bu shang');
    tops([
      ['deng1lu4 bu4 shang4, chao1guan3 mi4ma3 cuo4wu4', 'login'],
      ['hou4duan1 fu2wu4 qi3 bu4 lai2 le', 'service-start'],
      ['jie1kou3 quan2 bu4 502 le', 'api-not-found'],
      ['hou4tai4 da3 bu4 kai1', 'admin'],
    ]);
    expect(answer('pi1liang4 dao3ru4 yong4hu4 zen3me cao1zuo4').section).toBe('admin#bulk-import');
  });

  it('keeps the digits of words that are not pinyin', () => {
    expect(normalize('ext4 sha1sum log4j e2e python3 ipv4 k8s')).toBe('ext4 sha1sum log4j e2e python3 ipv4 k8s');
  });
});

describe('business users relayed by their IT liaison', () => {
  it("the finance team's people use OMS; the finance system stays another system", () => {
    expect(answer('想给财务经理单独开一个超管账号，服务器上敲什么命令').section).toBe('admin#create-superuser');
    tops([
      ['财务的同事说后台导入用户一直报错', 'admin'],
      ['财务在催，接口全是 502', 'api-not-found'],
    ]);
    silent(['财务系统登录不上，密码错误', '财务那边报表导不出来', '客户那边的合同签了没？财务在催']);
  });

  it("a forwarded message's label names the app it came by, not the system in trouble", () => {
    for (const text of [
      '转发（企业微信）：后台打开全是404',
      '【钉钉转发】超管登录一直转圈',
      'fwd (WeChat): admin page 404',
    ])
      expect([text, messageContext(normalize(text)).foreign]).toEqual([text, false]);
    tops([
      ['转发（企业微信）：后台打开全是404', 'admin'],
      ['【钉钉转发】超管登录一直转圈', 'login'],
    ]);
    silent(['钉钉打卡页面一直转圈', '钉钉审批流怎么配置', '转发：钉钉打不开了']);
  });

  it("a department's system compared with OMS is not OMS", () => {
    silent(['隔壁组的 nginx /api 404，跟我们OMS不是一套', '这个后台跟 OMS 不是一套系统，别找我们']);
  });
});

describe('a migration', () => {
  it("one's own computer as where the front end was built is no other system", () => {
    tops([
      ['I built the front end on my own laptop and now login goes to localhost', 'login'],
      ['前端是在我自己笔记本上 npm run build 打包的，登录请求跑到 localhost:8000 去了', 'login'],
    ]);
    silent(['my laptop keeps losing wifi', '我笔记本登录不了公司邮箱']);
  });

  it('a guess asked after what was seen, in clauses separated by spaces, is no symptom', () => {
    tops([['整个系统 502 了 是不是后台程序挂了 领导在催', 'api-not-found']]);
  });
});

describe('a migration engineer forwarding alerts', () => {
  it("an alert's name run together names what it watches", () => {
    expect(normalize('[FIRING:1] OMSApi5xxRatioHigh')).toBe('[firing:1] oms api 5xx ratio high');
    tops([
      ['[FIRING:1] OMSBackendDown instance=10.20.8.21:9100 summary=oms-backend.service is not active', 'service-start'],
      ['[FIRING:1] NginxUpstream5xxHigh host=oms-app-01 /api 502 ratio above 30%', 'api-not-found'],
    ]);
    silent([
      '[FIRING:2] KafkaConsumerGroupLagHigh group=billing topic=invoices lag=9000 — 数据组那边的',
      '[FIRING:1] RedisMemoryHigh instance=redis-01 used_memory > 90%',
    ]);
  });
});

describe('questions read more closely', () => {
  it('"有没有" asks whether there is, it says nothing is missing', () => {
    expect(answer('超管的密码忘记了，有没有命令行的办法重置一下').section).toBe('login#reset-password');
    expect(answer('现在一个超管都没有，怎么建').section).toBe('admin#create-superuser');
  });

  it('a unit directive named by its line ("User 那一行") is asked about the unit file', () => {
    expect(answer('服务文件里面 Group 那一行应该填什么').section).toBe('service-start#unit-file');
    expect(answer('unit 文件 ExecStart 那一行路径要写 venv 里的吗').section).toBe('service-start#unit-file');
    expect(answer('Excel 表里 User 那一列填什么').section).toBe('admin#bulk-import');
  });
});

describe('more of what the four populations say', () => {
  it('a path dictated, processes and imports misheard, a time-out heard as a supermarket', () => {
    expect(normalize('IP斜杠admin 反斜杠 后端进城 批量倒入 接口超市 超市系统')).toBe(
      'ip/admin 反斜杠 后端进程 批量导入 接口超时 超市系统',
    );
    tops([
      ['我在浏览器里输入服务器的IP斜杠admin 出来的是404页面', 'admin'],
      ['后端进城被杀了 dmesg里有oom', 'worker-sigterm'],
      ['借口超市了 等了一分钟', 'api-not-found'],
    ]);
  });

  it('sent back to login without the article', () => {
    tops([['login page is coming back to login again after entering password, kindly check', 'login']]);
  });

  it("a page of OMS's data failing is the API behind it; the admin's pages and other systems' stay theirs", () => {
    tops([
      ['仓库的同事说打开OMS出库单页面提示404，别的页面都正常', 'api-not-found'],
      ['订单列表一直转圈，最后 504', 'api-not-found'],
      ['后台页面打开是 404', 'admin'],
    ]);
    silent(['ERP 的库存页面 404 了', '金蝶的订单列表打不开，502']);
  });

  it("a shop's own systems and tills are other systems", () => {
    silent(['超市系统的收银台登陆不上', '会员系统后台打不开 502', '门店的POS机登录提示密码错误']);
  });
});

describe('other topics that share a part', () => {
  it('a security review is a topic of its own; a bank or tax portal another system', () => {
    tops([['修复漏洞升级了 nginx 之后接口全是 502', 'api-not-found']]);
    silent([
      '安全查一下 nginx 的配置有没有漏洞',
      '漏洞扫描报告出来了，nginx 版本太低要升级',
      'Our tax portal no longer accepts the bulk upload of invoices',
      '新 kylin 机器上 chronyd 起不来，时间不同步',
      '新机器 selinux 要不要关？等保说不能关',
      'gunicorn 官方文档里 worker 数怎么算的',
    ]);
  });
});

describe('a migration engineer asking', () => {
  it('wanting a new superuser is creating one', () => {
    expect(answer('客户要一个新的超管账号，我在服务器上面要敲什么命令').section).toBe('admin#create-superuser');
  });

  it('what the deployment tool wrote out is OMS configuration, not the tool', () => {
    expect(
      answer('any reference nginx site and .env for the new hosts? want to diff against what ansible rendered').top,
    ).toBe('checklist');
    silent(['ansible inventory 里 db 组的两台 unreachable，ssh 超时']);
  });

  it('a monitoring tool named as where a line was seen is no system in trouble', () => {
    expect(
      answer('after the migration we see "Worker was sent SIGTERM" on every reload in Loki, expected or not?').section,
    ).toBe('worker-sigterm#is-it-normal');
    silent(['zabbix 的 web 登录页 Admin 默认密码登不上']);
  });
});

describe('the extent of a fault and its signs', () => {
  it('"连 X 也是" names how far a fault reaches, not another fault', () => {
    tops([['所有接口返回的都是白底黑字的 Not Found，连登录接口也是', 'api-not-found']]);
    tops([['连超管登录都登不上了', 'login']]);
  });

  it('on and off with no idea where to start is the whole; on and off on one part is that part', () => {
    tops([
      ['接手的环境没人交接 系统时好时坏 不知道从哪开始查', 'checklist'],
      ['系统打不开了 不知道从哪查起', 'checklist'],
      ['接口 502 了，不知道从哪开始查', 'api-not-found'],
      ['接口时好时坏，一会儿 502 一会儿又正常', 'api-not-found'],
    ]);
  });

  it("a monitor's 5xx ratio on the API is the API path's", () => {
    expect(normalize('[FIRING:1] OMSApi5xxRatioHigh')).toBe('[firing:1] oms api 5xx ratio high');
    tops([
      [
        '[FIRING:1] OMSApi5xxRatioHigh (prod oms-app-02)\n - summary = 5xx ratio on /api above 15% for 5m',
        'api-not-found',
      ],
    ]);
    silent(['[FIRING:1] CheckoutApi5xxRatioHigh service=checkout-api summary=5xx above 15%']);
  });
});

describe('dictated run-on text', () => {
  it('clauses separated by spaces say what is fine apart from what fails; everyone failing is one fault', () => {
    tops([
      [
        '早上客户说他们那边所有人都登陆不上了 我看了服务气上面的服务都是正常的 点登陆以后一直转圈 然后提示网络错误',
        'login',
      ],
    ]);
    tops([['所有用户都登录不上了', 'login']]);
  });
});

describe('pages one is sent to', () => {
  it('sent back to the login page after logging in is the login; the admin showing the front end is the admin', () => {
    tops([
      ['点登录以后又跳到了登录页', 'login'],
      ['admin 页面打开的是前端首页，不是 Django 后台', 'admin'],
    ]);
  });
});
