import { answerOverRealPlaybooks, overruleExpectations } from '../../helpers/intent-answer.js';

/**
 * Round 10's rules (docs/intent.md), on wordings invented for them, hard negatives among them: whom to hand a
 * problem to, asked in English or pinyin; requests typed in pinyin; a service that has to be started by hand after
 * every boot; a tester naming their role.
 */
const answer = answerOverRealPlaybooks();
// The classifier's overrules of the rules' tuned readings (src/intent/ngram-overrule.ts).
const { kept } = overruleExpectations();

describe('whom to hand a problem to', () => {
  it('asked in English or in pinyin (谁 typed "shei") is the checklist support section', () => {
    for (const text of [
      'Who can I reach out to if this keeps failing, and what details should I include?',
      'what info do we attach when we escalate?',
      'xiufu bu liao zhao shei',
    ])
      expect([text, answer(text).section]).toEqual([text, 'checklist#support']);
  });

  it('about another system, offers nothing', () => {
    for (const text of [
      'who do I send the jenkins build logs to?',
      'jenkins 挂了找谁',
      'who should I send the invoice to?',
    ])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });
});

describe('requests typed in pinyin', () => {
  it('"fa wo" asks for the how-to', () => {
    expect(answer('quanmian paicha buzhou fa wo').section).toBe('checklist#by-hand');
  });
});

describe('started by hand after every boot', () => {
  it('is the service not coming up, not a question how to check by hand', () => {
    for (const text of [
      '每次重启机器都得手动把 oms-backend 拉起来',
      '重启服务器以后 gunicorn 不会自动起来，nginx 没事',
    ])
      expect([text, answer(text).outcome, answer(text).top]).toEqual([text, 'match', 'service-start']);
  });

  it('while asking how to check by hand stays a how-to question', () => {
    expect(answer('怎么手动确认 nginx 有没有把 /api 转发到 8000').section).toBe('api-not-found#by-hand');
  });
});

describe('a role named before the report', () => {
  it('a tester is no other system', () => {
    expect(answer('tester 这边：登录按钮点了没反应').top).toBe('login');
  });
});

describe('the whole or one part', () => {
  it('which of two parts to check first, by hand, is the checklist by-hand section', () => {
    expect(answer('想自己一步步排查，先查 nginx 还是先看后端日志？').section).toBe('checklist#by-hand');
  });

  it('one part in trouble asked which side to check first stays that part', () => {
    expect(answer('登录失败，先查前端还是先查后端？').top).toBe('login');
  });

  it('everything down, two parts named, no idea where to start: the checklist; one part: that part', () => {
    expect(answer("everything is down: login fails, admin won't open either, where do I even start").top).toBe(
      'checklist',
    );
    expect(answer('接口全部 404，从哪开始查').top).toBe('api-not-found');
  });

  it('outputs of three checks pasted as fine, asking what else: the checklist, a known line beside it', () => {
    const outputs = [
      'Active: active (running)',
      'LISTEN 0 2048 127.0.0.1:8000 0.0.0.0:*',
      'HTTP/1.1 401 Unauthorized',
      '{"detail":"Authentication credentials were not provided."}',
      'all of this looks fine to me, what else should I check?',
    ];
    const a = answer(outputs.join('\n'));
    // The rules tie the two; the classifier retrained on round 14's tuning half is sure of the 401's login and may
    // lead with it: both are offered first, in either order.
    expect([a.outcome, [...a.offered.slice(0, 2)].sort()]).toEqual(['choices', ['checklist', 'login']]);
    const failed = ['Active: failed (Result: exit-code)', 'Main PID: 123 (code=exited, status=217/USER)', '下一步查啥'];
    expect(answer(failed.join('\n')).top).toBe('service-start');
  });
});

describe('testing it oneself', () => {
  it('"测" a part, or asking how to test it, is that part\'s by-hand section', () => {
    for (const [text, section] of [
      ['怎么测后端接口通不通', 'api-not-found#by-hand'],
      ['登录要自己测的话 直连 8000 测一下就行吗', 'login#by-hand'],
    ] as const)
      expect([text, answer(text).section]).toEqual([text, section]);
  });

  it('a plan to test is no question', () => {
    for (const text of ['明天 QA 要测登录功能，大家别动环境', '下午要测一下接口性能'])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });
});

describe('"log in" is no log', () => {
  it('a report of users unable to log in is the login, not a question about its logs', () => {
    const a = answer("manager asking: is the system down? staff can't log in since lunch");
    expect([a.outcome, a.top]).toEqual(['match', 'login']);
  });
});

describe('pages that come back wrong', () => {
  it("nginx's welcome page is nginx's site, a blank admin page the admin's, back at the login page the login's", () => {
    for (const [text, top] of [
      ['装好以后浏览器打开 ip 只看到 nginx 的欢迎页', 'api-not-found'],
      ['signed in ok, but then the admin page is blank', 'admin'],
      ['输完密码点登录，页面闪一下又跳回登录页', 'login'],
      ['after I enter the password it just redirects back to the login page', 'login'],
      ['nothing loads after login, just a spinner', 'login'],
      ['shuru mima hou huidao denglu jiemian', 'login'],
    ] as const)
      expect([text, answer(text).top]).toEqual([text, top]);
  });

  it('on another system, offers nothing', () => {
    expect(answer('jenkins 登录后又跳回登录页').offered).toEqual([]);
  });
});

describe('an account disabled', () => {
  it('asked how to enable it again is the reset-password section; SELinux disabled is no account', () => {
    expect(answer('how do I re-enable an account someone disabled').section).toBe('login#reset-password');
    expect(answer('selinux was disabled but nginx still gets 403').top).toBe('api-not-found');
    expect(answer('account disabled in AD, how to re-enable').offered).toEqual([]);
    expect(answer('they disabled the old report page yesterday').offered).toEqual([]);
  });
});

describe('the system as a whole unusable, a connection refused', () => {
  it('"系统用不了" offers the checklist (a choice, never run unasked); one part of it named stays that part', () => {
    expect(answer('整个系统瘫了，大家都用不了').top).toBe('checklist');
    const vague = answer('OMS 系统不可用了');
    expect([vague.outcome, vague.top, vague.passive]).toEqual(['choices', 'checklist', false]);
    expect(answer('登录系统用不了').top).toBe('login');
    expect(answer('客户那边财务系统用不了').offered).toEqual([]);
    kept([['the site is down for everyone', 'checklist']]);
    expect(answer('our jenkins site went down').offered).toEqual([]);
  });

  it('"拒绝连接" on the backend port is the API path', () => {
    expect(answer('后端 8000 端口连接被拒绝').top).toBe('api-not-found');
    expect(answer('mysql 3306 拒绝连接').offered).toEqual([]);
  });
});

describe('pinyin with a status code or a blank page', () => {
  it('a 502 on the login is offered the API path; a blank admin is the admin', () => {
    expect(answer('denglu 502 le').top).toBe('api-not-found');
    expect(answer('登录 502 了').offered).toEqual(expect.arrayContaining(['api-not-found', 'login']));
    expect(answer('houtai dakai shi kongbai').top).toBe('admin');
  });
});

describe('a spreadsheet the import cannot read', () => {
  it('an openpyxl or xlrd error pasted is the bulk import, "does not support" no support question', () => {
    const a = answer('openpyxl.utils.exceptions.InvalidFileException: openpyxl does not support the old .xls format');
    expect([a.outcome, a.top]).toEqual(['match', 'admin']);
    expect(answer('how do I contact support about OMS?').section).toBe('checklist#support');
  });
});

describe('asked how to check by hand', () => {
  it('which of two parts is at fault: the by-hand section, not a diagnosis of the part feared', () => {
    const a = answer('怎么手动判断是 nginx 没转发还是后端挂了？我想自己 curl 一下');
    expect([a.outcome, a.section]).toEqual(['howto', 'api-not-found#by-hand']);
  });
});

describe('starting at boot', () => {
  it("is the unit: how to set it, in Chinese or pinyin, is the setup section; docker's is another system", () => {
    for (const text of ['kaiji zi qidong zenme she', '开机自启动怎么设'])
      expect([text, answer(text).section]).toEqual([text, 'service-start#setup']);
    expect(answer('docker 开机自启怎么配').offered).toEqual([]);
  });
});

describe('settings and commands named alone', () => {
  it('SECRET_KEY is a setting, changepassword a password command', () => {
    expect(answer('SECRET_KEY 怎么生成').section).toBe('checklist#recommended-config');
    expect(answer('changepassword 要在哪个目录执行').section).toBe('login#reset-password');
    expect(answer('what goes in ALLOWED_HOSTS?').section).toBe('checklist#recommended-config');
    expect(answer('what should the unit file contain').section).toBe('service-start#unit-file');
  });
});
