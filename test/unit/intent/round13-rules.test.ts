import {
  answerExpectations,
  answerOverRealPlaybooks,
  rulesAnswerOverRealPlaybooks,
} from '../../helpers/intent-answer.js';

/**
 * Round 13's rules (docs/intent.md), on wordings invented for them, hard negatives among them.
 */
const answer = answerOverRealPlaybooks();
const { silent } = answerExpectations(answer);
const rules = rulesAnswerOverRealPlaybooks();

describe('another Python framework or a managed cluster', () => {
  it('is another system, even with gunicorn, SIGTERM or a 404', () => {
    silent([
      'gunicorn workers on EKS get SIGTERM when the deployment updates',
      'the flask app returns 404 for every route',
      'gunicorn 在 GKE 上收到 SIGTERM，要加 preStop 吗',
      'fastapi 服务用 uvicorn 跑的，重启后 worker 一直 OOM',
      'openshift 上 django admin 打不开',
    ]);
  });

  it('OMS’s own gunicorn and workers stay OMS’s', () => {
    expect(answer('每次 restart 后端 gunicorn 日志里都有 worker SIGTERM，正常吗').offered).toContain('worker-sigterm');
    expect(answer('gunicorn worker got SIGTERM after systemctl restart oms-backend').top).toBe('worker-sigterm');
  });
});

describe('systemd’s complaints about a unit file’s lines', () => {
  it('name the unit file’s format, so a unit copied over with scp or rsync stays OMS’s', () => {
    for (const text of [
      'unit 文件 scp 上去以后 daemon-reload 报 Assignment outside of section，服务不太对',
      "rsync 过去的 service 文件报 Missing '='，服务不正常",
    ])
      expect([text, answer(text).top]).toEqual([text, 'service-start']);
  });

  it('another unit’s complaint, or a copy with no part of OMS, is not', () => {
    silent(['node_exporter.service 用 scp 拷过去，daemon-reload 提示 Assignment outside of section']);
    expect(answer('我在windows上写的 python 脚本跑不起来').offered).toEqual([]);
  });
});

describe('a shell’s “command not found”', () => {
  it('is a missing tool: no 404, no question asking for commands', () => {
    silent(['-bash: htop: command not found', 'zsh: command not found: kubectl']);
    const r = answer('sudo: systemctl: command not found\n在客户机上起后端服务时报的');
    expect([r.top, r.section]).toEqual(['service-start', null]);
    expect(answer('启动后端的时候报 gunicorn: command not found').section).toBeNull();
  });

  it('something reported while starting the backend is its start failing; another system’s start is not', () => {
    expect(answer('重启服务的时候提示 unit not found').top).toBe('service-start');
    silent([
      '启动 jenkins 的时候报 java heap space',
      "起 mysql 时报 Can't connect",
      '电脑启动的时候提示 bootmgr is missing',
    ]);
  });

  it('a page or an API not found, and commands asked for, are still read', () => {
    expect(answer('接口返回 not found').top).toBe('api-not-found');
    expect(answer('the admin page says not found').top).toBe('admin');
    expect(answer('what commands do I run to create a superuser').section).toBe('admin#create-superuser');
  });
});

describe('Django’s debug 404 page for a request under /api/', () => {
  const page = (url: string, conf = 'oms_backend.urls') =>
    [
      'Page not found (404)',
      'Request Method: GET',
      `Request URL: ${url}`,
      `Using the URLconf defined in ${conf}, Django tried these URL patterns, in this order:`,
      'admin/',
      'api/auth/',
      'The current path, orders/list/, didn’t match any of these.',
    ].join('\n');

  it('is the API path’s, not a question where the admin is', () => {
    const r = answer(page('http://10.0.0.5/api/orders/list/'));
    expect([r.top, r.section]).toEqual(['api-not-found', null]);
  });

  it('the browser’s own Network panel, another Django project, and the admin’s address asked stay as they were', () => {
    const devtools =
      'Request URL: http://172.29.91.61/api/auth/login/\nRequest Method: POST\nStatus Code: 401 Unauthorized';
    expect(answer(devtools).top).toBe('login');
    silent([`我自己的 demo 项目：\n${page('http://127.0.0.1:8000/api/polls/', 'mysite.urls')}`]);
    expect(answer("what's the admin url for oms").section).toBe('admin#admin-url');
    expect(answer('后台的访问路径是什么').section).toBe('admin#admin-url');
  });
});

describe('全部 as what one operation did to all its items', () => {
  it('is that operation’s extent, not a request to check everything', () => {
    const r = answer('excel 导入之后怎么检查是不是全部导入成功');
    expect([r.top, r.section]).toEqual(['admin', 'admin#bulk-import']);
    expect(answer('批量加人支持哪些列？导入后怎么验证是不是全部加上了').section).toBe('admin#bulk-import');
  });

  it('全部 asking for every check is still the checklist', () => {
    expect(answer('全部检查一遍').top).toBe('checklist');
    expect(answer('帮我全部过一遍，登录、接口、后台').top).toBe('checklist');
  });
});

describe('not up again after a restart, the port found empty', () => {
  it('is the backend down', () => {
    expect(answer('重启以后后端没再起来，8000 端口是空的').top).toBe('service-start');
    expect(answer('服务 restart 之后就没再启动').top).toBe('service-start');
  });

  it('another system’s restart or port, or an empty database, is not', () => {
    silent(['mysql 重启以后没再起来', '3306 端口空的，mysql 没起来', '数据库是空的']);
  });
});

describe('everything asked for over three pasted commands', () => {
  const commands = [
    '$ systemctl is-active oms-backend',
    'active',
    '$ curl -I http://127.0.0.1/api/',
    'HTTP/1.1 404 Not Found',
    '$ sudo nginx -t',
    'nginx: configuration file /etc/nginx/nginx.conf test is successful',
  ].join('\n');

  it('is a review of the whole, though no check-up word is said (整套, 全查)', () => {
    // The rules' reading; the classifier, sure and wrong here, leads the choices with it second
    // (src/intent/ngram-offer.ts: questionMatch).
    expect(rules(`${commands}\n现场就这些，整套帮我看看`).top).toBe('checklist');
    expect(answer(`${commands}\n现场就这些，整套帮我看看`).offered).toContain('checklist');
    expect(answer('麻烦全查一下，客户说用不了').top).toBe('checklist');
  });

  it('one fault asked about over the same commands stays that part’s; another system’s commands stay silent', () => {
    expect(answer(`${commands}\n接口还是 404 怎么回事`).top).toBe('api-not-found');
    silent([
      "$ systemctl is-active mysqld\nactive\n$ mysql -e 'select 1'\nERROR 2002\n$ df -h\n/dev/sda1 100%\n整套帮我看看",
    ]);
    expect(answer('安全查一下 nginx 的配置有没有漏洞').top).not.toBe('checklist');
  });

  it('a fault’s extent (整个接口, 接口全部 404) or a word about the paste is no request for everything', () => {
    for (const said of ['整个接口都 404', '接口全部 404', '全部接口都404了，完整的输出在上面'])
      expect([said, answer(`${commands}\n${said}`).top]).toEqual([said, 'api-not-found']);
    const unit = '$ systemctl status oms-backend\nActive: failed\n$ journalctl -u oms-backend -n 5\nstatus=217/USER';
    expect(answer(`${unit}\n$ id www-data\nno such user\n整个服务起不来`).top).toBe('service-start');
  });
});

describe('commands asked for to check one part oneself', () => {
  it('is that part’s section by hand, however its combination was made', () => {
    const r = answer('which commands should I run myself to check the backend service and its unit?');
    expect(r.section).toBe('service-start#by-hand');
  });

  it('everything checked oneself stays the checklist’s; another system’s API stays silent', () => {
    expect(answer('what commands do I run to check everything myself').section).toBe('checklist#by-hand');
    silent(['jenkins 的 api 我想自己查一下，命令是啥']);
  });
});

describe('a second superuser wanted', () => {
  it('is creating one', () => {
    expect(answer('还要第二个超管，怎么弄').section).toBe('admin#create-superuser');
    expect(answer("we need a second superuser for the auditors, what's the command?").section).toBe(
      'admin#create-superuser',
    );
  });

  it('another system’s second admin stays silent', () => {
    silent(['jenkins 要第二个管理员账号怎么加', 'gitlab need a second admin account']);
    expect(answer('这个操作要一个管理员审批吗').section).not.toBe('admin#create-superuser');
  });
});

describe('a thing’s format asked for by naming it, in Chinese or pinyin', () => {
  it('is a question: the bulk import’s template format is its section', () => {
    expect(answer('批量加人的 excel 模板的格式').section).toBe('admin#bulk-import');
    expect(answer('renyuan daoru moban de geshi').section).toBe('admin#bulk-import');
  });

  it('a format said to be wrong stays a fault; another system’s template stays silent', () => {
    const r = answer('unit 文件格式不对，服务起不来');
    expect([r.top, r.section]).toEqual(['service-start', null]);
    silent(['jenkins 导入模板的格式', '报表导出的格式']);
    expect(answer('nginx 日志的格式').section).toBeNull();
  });
});
