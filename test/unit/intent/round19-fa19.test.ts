import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 19, false alarms (docs/intent.md, "Round 19: fa19"): the rest of the writers' lives — games, shops, home and
 * office devices, a PC's domain logon, one's own side project, family and cloud accounts, the bot itself — share
 * OMS's words but are someone else's problem (src/intent/other-lives.ts). The same words about OMS stay answered.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);

describe('games, shops and apps', () => {
  it('are not OMS, in characters, pinyin and English', () => {
    silent([
      '我的世界服务器开不起来，提示端口 25565 被占用',
      '王者荣耀登录不上，提示网络异常',
      'youxi denglu bu shang zenme ban',
      'taobao xiadan 502 le',
      '拼多多后台商家登录不上',
      'B 站直播后台推流失败',
      'my own minecraft server keeps crashing with OOM',
      "my grandma can't log in to her facebook, says wrong password",
      '网易云音乐登录不上',
    ]);
  });

  it('OMS with the same words stays answered', () => {
    tops([
      ['OMS 登录不上，提示网络异常', 'login'],
      ['下单的时候页面 502 了，是不是后端挂了', 'api-not-found'],
      ['后端启动说 8000 端口 address already in use 我明明只开了一个', 'service-start'],
      ['商家反馈后台登录不上，提示账号或密码错误', 'login'],
      ["my boss can't log in to OMS, says wrong password", 'login'],
    ]);
  });
});

describe('devices and a PC of its own', () => {
  it('a switch, a camera, a Windows domain logon are not OMS', () => {
    silent([
      'how do I get to the admin page of the H3C core switch at 10.20.0.1, web login keeps timing out',
      '华为交换机 web 管理界面登录超时',
      '海康的录像机登录提示用户被锁定',
      '夜班电脑开机 windows 登录不进去 提示此工作站和主域间的信任关系失败',
      '新电脑装 python 的时候报错 permission denied',
      'Azure portal sign-in says AADSTS50076',
    ]);
  });

  it("an office PC's browser is where OMS is used from", () => {
    tops([
      ['公司电脑 chrome 打开后台 404', 'admin'],
      ['新电脑上用浏览器登录 OMS 一直提示密码错误', 'login'],
      ['夜班同事电脑上 chrome 打开后台 404', 'admin'],
    ]);
  });
});

describe("one's own project, freelance work, another project", () => {
  it('is not OMS, even with a Django exception pasted', () => {
    silent([
      "自己的Django练手项目部署到云服务器上 gunicorn 报 ModuleNotFoundError: No module named 'mysite' 跟公司的无关哈",
      'django.core.exceptions.ImproperlyConfigured 出现在我毕业设计项目里',
      'Error: listen EADDRINUSE: address already in use :::3000 我的 next.js 项目',
      '帮我看下这个 nginx 配置，是我个人网站的，反代到 3000 端口老是 502',
      "gunicorn on my personal droplet won't start after reboot, it's my blog not work",
      '私活：客户的 django 网站 admin 样式丢了',
      "ticket-system 的 django 项目 ALLOWED_HOSTS 怎么配通配子域名，'.example.com' 那种写法对吗",
    ]);
  });

  it("OMS's Django exception, a customer's OMS, our Django project stay answered", () => {
    tops([
      ['django.core.exceptions.ImproperlyConfigured 后端起不来', 'service-start'],
      ['客户的 OMS 后台样式丢了，admin 页面光秃秃的', 'admin'],
      ['客户现场 nginx 转发 /api 报 404', 'api-not-found'],
      ['我们医院的 OMS 登录不上，输完密码就转圈', 'login'],
    ]);
    sections([['ALLOWED_HOSTS 怎么配，服务器 IP 要写进去吗', 'checklist#recommended-config']]);
  });
});

describe('another unit named to systemctl or journalctl', () => {
  it("is that unit's", () => {
    silent(['journalctl -u plexmediaserver 一直 restarting', 'systemctl status minecraft.service 显示 failed']);
  });

  it("OMS's unit stays OMS's", () => {
    tops([
      ['sudo journalctl -u oms-backend -n 50 一直在 restarting', 'service-start'],
      ['systemctl status oms-backend 显示 failed，status=1/FAILURE', 'service-start'],
    ]);
  });
});

describe('the bot itself and exam questions', () => {
  it('are not a fault of OMS', () => {
    silent([
      '你跑的命令都是只读的吧？不会自己去改配置吧',
      '你会不会自己重启我们的服务啊？有没有权限控制',
      'does this bot keep a log of what I typed?',
      'will the bot store what I paste here? there are passwords in some logs',
      '机器人会不会记录我发的内容，里面有客户信息',
      '考试题：nginx 502 和 504 的区别',
    ]);
  });

  it('asking the bot about OMS stays answered', () => {
    tops([
      ['bot 帮我看看为什么超管登录失败', 'login'],
      ['机器人，后端起不来了，status=217/USER', 'service-start'],
      ['bot 你帮我看看，nginx 转发 /api 全是 404', 'api-not-found'],
      ['nginx 502 和 504 的区别是什么？我们 OMS 现在一直报 502', 'api-not-found'],
    ]);
  });
});

describe('a system told by what it is for', () => {
  it('is not OMS', () => {
    silent([
      '排课系统登录不上，教务老师在催',
      '质量追溯平台接口 404',
      '车间的扫码报工终端登录失败',
      '工会系统报名接口超时',
      '网课平台登录不上，老师说要签到',
    ]);
  });

  it('OMS named as the system, or a clause before 系统, stays answered', () => {
    tops([
      ['登录系统时一直提示用户名或密码错误', 'login'],
      ['订单系统的接口全 502 了', 'api-not-found'],
      ['旧系统迁过来以后超管登录不上', 'login'],
      ['管理系统的后台打开是 404', 'admin'],
      ['工会的同事说系统登录不上', 'login'],
    ]);
  });
});

describe("another application's services, suites and devices", () => {
  it('are not OMS', () => {
    silent([
      "the mobile app's backend keeps returning 502 after the deploy",
      'our payments microservice gets OOM-killed every night around 2am',
      "The MES line terminal shows 'login failed' at station 3",
      'U8 的后台管理员密码忘了',
      '携程订单页面 404',
      "the reporting service's gunicorn keeps timing out, different repo from OMS",
      'win11 登录界面卡住',
    ]);
  });

  it('the same words about OMS stay answered', () => {
    tops([
      ['the backend keeps returning 502 after the deploy', 'api-not-found'],
      ['our gunicorn workers get OOM-killed every night around 2am', 'worker-sigterm'],
      ["the line supervisors can't log in to OMS, 'login failed' since this morning", 'login'],
      ['订单页面 404，接口 /api/orders/ 找不到', 'api-not-found'],
      ['服务器重启后 oms-backend 起不来，iDRAC 上看硬件都正常', 'service-start'],
    ]);
  });
});

describe('a test box, UAT, a family, a game server, the bot not answering', () => {
  it('are not OMS', () => {
    silent([
      '10.0.3.7 上的 nginx 502，那台是测试用的',
      "UAT's login page returns 502 since the refresh, nothing to do with prod",
      'minio console keeps redirecting to login',
      '@bot 你是不是挂了，刚才半天没回我',
      '我家孩子的平板登录不上学习 app',
      'jia li dianshi denglu aiqiyi bu xing',
      'valheim dedicated server port already in use',
    ]);
  });

  it('production said fine: answered when addressed, never passively', () => {
    for (const text of [
      'staging 上的后台登录不了，生产没事',
      'The staging admin keeps saying CSRF verification failed, prod is fine',
    ]) {
      expect([text, answer(text).passive]).toEqual([text, false]);
    }
    tops([['staging 上 django admin 没样式，css 全 404', 'admin']]);
    expect(answer('生产上后台登录不了，一直提示密码错误').passive).toBe(true);
  });

  it('the same words about OMS stay answered', () => {
    tops([
      ['10.0.3.7 上的 nginx 502，那台是生产的 OMS', 'api-not-found'],
      ['接口半天不回我，一直 pending，最后 504', 'api-not-found'],
      ['仓库的平板登录 OMS 一直转圈', 'login'],
      ['minio 没问题，是 OMS 的批量导入传 excel 报错', 'admin'],
    ]);
  });
});

describe("OMS messages holding a word of another's life", () => {
  // Kept out of probes.jsonl (a training set of the classifier): retrained with them, it reorders an unrelated choice.
  it('stay answered', () => {
    tops([
      ['直播间下单高峰，OMS 接口全 502', 'api-not-found'],
      ['门禁卡同步用的是 OMS 的用户，批量导入报角色不合法', 'admin'],
      ['打开系统登录页，点登录没反应，手机上试也一样', 'login'],
      ['学校客户的后台登录不了，超管密码对的', 'login'],
      ['夜班电脑上浏览器打开后台 404', 'admin'],
      ['你帮我重启一下后端吧，起不来了', 'service-start'],
      ['小区门口那个仓的同事说后台打不开', 'admin'],
      ['后台登录不了，你是不是没回我', 'login'],
    ]);
  });
});
