import {
  answerExpectations,
  answerOverRealPlaybooks,
  rulesAnswerOverRealPlaybooks,
} from '../../helpers/intent-answer.js';

/**
 * Round 17's rules (docs/intent.md, "Round 17's tuning half"), on wordings invented for them: the systems a site
 * runs beside OMS (src/intent/site-systems.ts) and one's own desk (src/intent/own-desk.ts) are other systems; beside
 * OMS named, or said to be fine, they place nothing.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);
const rules = rulesAnswerOverRealPlaybooks();

describe("a logistics site's own systems and devices", () => {
  it('are not OMS: no playbook, no passive reply', () => {
    silent([
      '仓库手持扫码提示 网络连接失败，换了一台也一样',
      '手持终端登录不上，提示密码错误',
      'WMS 出库波次卡住，拣货任务下发不到 PDA',
      '称重台数据传不上去 接口超时',
      '坐席话机一直显示未注册，呼叫中心那边打不进来',
      '面单打不出来了，打印队列一堆任务',
      'the SIP softphones on the service desk keep failing to register, 408 timeout',
      '司机端登录提示账号异常，运力那边在查',
      '对方接口一直 401，token 是不是过期了',
      '订单回传接口 timeout，对接方那边在限流',
      '报关系统登录不上，报关行在催',
      '冷链温控平台接口 502 一整晚',
      '我们另一个服务的 admin 没样式了',
      "the other product's admin keeps redirecting to its login page",
      '调度系统的后台登录不上，司机在等',
      '报表机上的 gunicorn 又 WORKER TIMEOUT 了',
      'the gunicorn on the ETL box keeps getting SIGTERM at midnight',
      '条码打印的服务起不来，端口没在听',
    ]);
  });

  it('people of the site asking about OMS are answered', () => {
    sections([
      ['OMS 后台批量导入员工有模板吗？呼叫中心新来了 30 个坐席要开账号', 'admin#bulk-import'],
      [
        '我分支上测过了，合到生产以后 OMS 的 gunicorn worker 每次 reload 都报 SIGTERM，正常吗',
        'worker-sigterm#is-it-normal',
      ],
    ]);
  });

  it('beside OMS named, OMS is still answered', () => {
    tops([
      ['OMS 后台登录不上，仓库手持也进不去', 'login'],
      ['夜班：面单打印正常，OMS 的 /api/ 全部 502', 'api-not-found'],
      ['02:10 oms-backend 反复重启，NRestarts 到 40 了，打单那边暂时没影响', 'service-start'],
      ['导出报表那个接口一直 504，别的接口都还好', 'api-not-found'],
      ['报表机那边没事，是 OMS 导出报表那个接口一直 504，别的接口都还好', 'api-not-found'],
    ]);
  });
});

describe("a developer's own desk", () => {
  it('tests, type checkers, the laptop and another repository are not the server', () => {
    silent([
      'pytest 在我本机全挂，conftest 里的 db fixture 报错',
      'test_login.py keeps failing on my branch, the client returns 302 instead of 200',
      'mypy 又报一堆错误，升级 django-stubs 之后',
      'the payments service (separate repo) throws 502 on staging',
      '我本机 vite 代理把 /api 转到 3000 去了，登录请求全 404',
      'my runserver shows the admin without any CSS',
      'django admin 在我分支上 404 了，应该是我改坏了 urls',
      'staging 上 nginx 502，uwsgi 没起来，不关生产的事',
      'dev 环境的 nginx 谁动了，/api 全 404',
      '在本地跑 migrate 报 database is locked',
      "the pre-prod gunicorn keeps getting SIGTERM, it's only a test cluster",
    ]);
  });

  it('the server in trouble beside the desk said to be fine is answered', () => {
    tops([
      ['我本机 runserver 正常，服务器上 oms-backend 起不来，status=217/USER', 'service-start'],
      ['pytest 全绿，但生产上 django admin 没样式，css 全 404', 'admin'],
      ['在本地跑 createsuperuser 没问题，服务器上 OMS 的 createsuperuser 报 no such table', 'admin'],
      ['本地跑是好的，线上 /api 全 404，nginx location 是不是没配', 'api-not-found'],
      [
        'dev 环境一切正常，生产 oms-backend 一直 activating 然后 failed，journalctl 说 status=217/USER',
        'service-start',
      ],
      ['wsl 里测过没问题，服务器上 nginx 转发 /api 还是 404，location 是不是少了斜杠', 'api-not-found'],
    ]);
  });
});

describe("a developer's test run and development server", () => {
  it("a test report or the development server's thread is not the server, even with a Django traceback", () => {
    silent([
      'FAILED tests/test_login.py::test_admin_login - django.db.utils.OperationalError: no such table: auth_user',
      '=== short test summary info ===\nERROR tests/test_api.py::test_orders - django.core.exceptions.ImproperlyConfigured',
      'Exception in thread django-main-thread: django.core.exceptions.ImproperlyConfigured: SECRET_KEY must not be empty',
    ]);
  });

  it("the same traceback from the server's backend is OMS's", () => {
    tops([
      [
        'oms-backend 起不来，journalctl 里 django.core.exceptions.ImproperlyConfigured: SECRET_KEY must not be empty',
        'service-start',
      ],
      [
        '服务器上谁开了个 runserver 没关？日志里 Watching for file changes with StatReloader，oms-backend 报 8000 被占',
        'service-start',
      ],
    ]);
  });
});

describe("a RHEL administrator's other services", () => {
  it('logins through sssd, AJP, RAID tools and package repositories are not OMS', () => {
    silent([
      'sssd 挂了，域账号 ssh 登录不上新机器',
      'httpd in front of tomcat via AJP returns 503 on the intranet box',
      'SELinux blocks httpd_t from the AJP port 8009, which boolean do I set?',
      'mdadm says the RAID1 on backup02 is degraded',
      'bind on ns02 will not start, the zone file fails to load',
      'postfix on mail01 keeps deferring to the relay',
      'EPEL repo gives 404 on repomd.xml since this morning',
    ]);
  });

  it("OMS's own login or SELinux denial stays OMS's", () => {
    tops([
      ['sssd 没问题，是 OMS 自己的超管登录不上，密码是对的', 'login'],
      [
        'SELinux is enforcing and nginx cannot connect to 127.0.0.1:8000, avc denied name_connect, every /api 502',
        'api-not-found',
      ],
    ]);
  });
});

describe("an intern's campus and homework", () => {
  it('the campus network, homework and a tutorial are not OMS', () => {
    silent([
      '校园网登录页面打不开 认证一直失败',
      '毕设的后端部署到服务器上 nginx 502 了 求助',
      '操作系统作业写的 service 起不来 journalctl 看不懂',
      'Django 教程第三章 admin 登录不进去',
      'the polls app from the django tutorial gives 404 on /polls/',
      'my mini program login fails with errcode 40163',
      "my dev box's gunicorn won't start, port 8000 taken",
      'the sandbox tenant of our SaaS app shows a 502 on login',
      'homework: my nginx reverse proxy gives 502, due tomorrow',
      'my centos VM cannot start the service I wrote, status=217/USER',
      '我 centos 虚拟机里自己写的服务 systemctl start 报 status=217/USER',
      '同事的 venv 里 gunicorn 版本不对，起不来',
      '我写的 systemd 练习 unit 一直 activating',
      'wx.request:fail 502 真机上才出现',
      '实验室服务器上 nginx 起不来，师兄说端口被占了',
      '作业里 gunicorn 绑 8000 报 Address already in use',
      'linux 实验要求 nginx 反代一个 flask，一直 502，老师布置的',
    ]);
  });

  it("a tutorial for OMS's own import, or homework set aside, stays OMS's", () => {
    sections([['有没有 OMS 后台批量导入员工的教程？实习生第一次弄', 'admin#bulk-import']]);
    tops([
      ['作业先放一边 师兄说生产的后台登录不了 让我看看 咋查', 'login'],
      ['我们的 venv 建在 .venv 里，oms-backend 报 status=203/EXEC', 'service-start'],
    ]);
  });
});

describe('an intern typing pinyin', () => {
  it('names the campus, the thesis or a handheld: not OMS', () => {
    silent([
      'xiaoyuanwang you denglu bushang le',
      'sushe wangluo renzheng 502',
      'bishe de houduan qibulai',
      'shouchi denglu shibai, mima cuole',
      'jwc xitong yzm yizhi cuo',
    ]);
  });

  it("a laptop's browser opening OMS is where OMS is used from", () => {
    tops([
      ['houtai denglu bushang, wo bijiben liulanqi dakai de', 'login'],
      ['houtai denglu bushang, wo bijiben liulanqi dakai de, chaoguan mima shi dui de', 'login'],
    ]);
    silent(['wo bijiben kaiji mima wangle']);
  });
});

describe('a superuser never made', () => {
  it('is the admin playbook, not the login, though the login page is named', () => {
    tops([['后台的登录页能打开，可是谁也不知道超管密码，新装的库是不是根本没建过超级用户', 'admin']]);
    // The rules' reading; the classifier, sure and wrong here, leads the choices with it second
    // (src/intent/ngram-offer.ts: questionMatch).
    const never = '是不是没建过超管？登录页一直说用户名或密码错误';
    expect(rules(never).top).toBe('admin');
    expect(answer(never).offered).toContain('admin');
    silent(['我从来没建过 git 仓库 怎么开始', '没开过 vpn 账号 找谁']);
  });
});

describe('asking whether something is wrong, and commands to restart everything', () => {
  it('"是出事了吗" under pasted SIGTERM lines asks whether it is trouble, not for the quick fixes', () => {
    const paste = [
      '[2026-10-02 09:00:01 +0800] [51] [INFO] Handling signal: hup',
      '[2026-10-02 09:00:01 +0800] [51] [ERROR] Worker (pid:60) was sent SIGTERM!',
      '这些 ERROR 是出事了吗',
    ].join('\n');
    tops([[paste, 'worker-sigterm']]);
    silent(['出事了吗？群里好安静', '是不是出事了 怎么没人说话']);
  });

  it('a list of commands that restarts everything is the quick fixes; a computer restarted is not OMS', () => {
    sections([
      ['出事了先敲哪几条命令能让业务恢复', 'checklist#quick-fixes'],
      ['后端和 nginx 一起重启然后看状态的几条命令，夜班交接要用', 'checklist#quick-fixes'],
    ]);
    silent(['linux 重启网卡的几条命令是啥', 'windows 重启命令清单有吗', '笔记本重启一下就好了吗']);
  });
});
