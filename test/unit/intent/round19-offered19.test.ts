import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 19's "offered" rules (docs/intent.md, "Round 19: offered19"), on wordings invented for them: the families the
 * test halves of rounds 16 and 17 missed, each answered by its playbook without asking (or, at worst, first).
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);

/** Each text is run at once: one playbook, no choices. */
function runs(cases: Array<[string, string]>): void {
  for (const [text, id] of cases) {
    const r = answer(text);
    expect([text, r.outcome, r.top]).toEqual([text, 'match', id]);
  }
}

describe("/admin/ answered by the front end's shell", () => {
  it("is the admin's, even beside the login page it shows or the Django login expected", () => {
    runs([
      ['/admin/ 回来的是前端那个空壳，不是 django 的登录页', 'admin'],
      ['admin 进去是前端登录页，根本不是 django administration', 'admin'],
      ['/admin/ opens the Vue shell instead of the Django admin login', 'admin'],
      ['curl http://127.0.0.1/admin/\nHTTP/1.1 200 OK\n<title>OMS 订单管理系统</title>\n这不是后台吧', 'admin'],
    ]);
  });

  it('leaves a login failing from the front end to the login', () => {
    tops([['前端登录页点登录一直报错，admin 账号', 'login']]);
  });

  it('is the admin first when asked about, the page pasted', () => {
    tops([['curl -s 10.1.1.9/admin/ | head\n<div id="app"></div>\nadmin 怎么是这个', 'admin']]);
  });
});

describe("the admin's login page without its styles", () => {
  it("is the admin's static files, not a login failure", () => {
    runs([
      ['/admin/ 的登录框没样式，全挤在左上角', 'admin'],
      ['the django admin login page loads with no css at all', 'admin'],
    ]);
  });
});

describe('nginx failing to reload or start, every API down', () => {
  it("is the API's (its nginx checks), not the backend unit's", () => {
    runs([
      ['nginx 重载失败，接口全挂了', 'api-not-found'],
      ['systemctl restart nginx 报错，/api 现在都挂了', 'api-not-found'],
      ['nginx 起不来，接口全部打不开', 'api-not-found'],
      ['nginx -t 报 host not found in upstream "oms_backend"，所有接口都挂了', 'api-not-found'],
    ]);
  });

  it('leaves the backend named as down to the service', () => {
    runs([
      ['oms-backend 起不来', 'service-start'],
      ['起不来了', 'service-start'],
    ]);
  });
});

describe('the API answering 502 with the backend guessed down', () => {
  it("is the API's: the guess asked is no symptom seen", () => {
    runs([
      ['接口全 502 了，后端挂了？', 'api-not-found'],
      ['页面都 502 Bad Gateway，会不会是 gunicorn 挂了', 'api-not-found'],
      ['every api call is 502, gunicorn dead?', 'api-not-found'],
      ['jiekou dou 502 shi bu shi houduan gua le', 'api-not-found'],
    ]);
  });

  it('leaves the backend asked about alone to the service', () => {
    runs([['gunicorn 挂了？', 'service-start']]);
  });
});

describe('the whole box in trouble after a reboot', () => {
  it('is the checklist: several places wrong, everything asked for', () => {
    runs([
      ['服务器重启之后好几处不对，帮忙整体过一遍', 'checklist'],
      ['$ systemctl is-active nginx oms-backend\nfailed\ninactive\n好几个地方有问题，全面检查一下', 'checklist'],
    ]);
  });
});

describe('several places wrong', () => {
  it("is no OMS trouble when they are a document's or a contract's", () => {
    silent(['合同好几个地方有问题，法务在看', '文档里好几处不对，帮忙改下']);
  });
});

describe("the browser's console on one's own computer", () => {
  it("is OMS's front end, not another system", () => {
    runs([
      ['我电脑上的控制台：POST http://localhost:8000/api/auth/login/ net::ERR_CONNECTION_REFUSED', 'login'],
      ['devtools on her laptop: POST http://localhost:8000/api/auth/login/ net::ERR_CONNECTION_REFUSED', 'login'],
    ]);
  });

  it("leaves one's own computer in trouble to someone else", () => {
    silent(['我电脑开机 windows 登录不了，提示密码错误']);
  });
});

describe('people added by headcount, one by one, or a sheet imported', () => {
  it("is the admin's bulk import", () => {
    tops([
      ['要给 300 个员工开账号，后台一个个点吗', 'admin'],
      ['导了个 90 人的表格，只进去一半', 'admin'],
      ['导了200个人，只成功了150个', 'admin'],
    ]);
  });

  it('leaves a headcount of anything else, a report exported or pages opened one by one alone', () => {
    silent([
      '年会要订 200 多个人的餐，表格谁来做',
      '公司团建 60 个人的报名表格发群里了',
      '导了一份报表给领导',
      '把周报一个个点开看了一遍',
    ]);
  });
});

describe("the unit file's template and its User line", () => {
  it("is the service's unit-file section, not the bulk import's template", () => {
    sections([
      ['oms-backend.service 的模板有吗，User 那一行写什么', 'service-start#unit-file'],
      ['what goes in the User= line of the oms-backend unit? a template would help', 'service-start#unit-file'],
    ]);
  });
});

describe('the checklist by hand over ssh', () => {
  it("is OMS's checklist: ssh is how the box is reached", () => {
    sections([['ssh 上去自己手动完整检查一遍，按什么顺序', 'checklist#by-hand']]);
  });
});

describe('the bot itself imagined down', () => {
  it('asks how to check without it: the checklist by hand', () => {
    sections([
      ["if the bot's down, how do I run through every check by hand?", 'checklist#by-hand'],
      ['机器人用不了的时候，OMS 的完整排查手动按什么顺序', 'checklist#by-hand'],
    ]);
  });
});

describe('systemd reloading gunicorn', () => {
  it("is the workers' (a reload sends them SIGTERM)", () => {
    tops([
      [
        'systemd[1]: oms-backend.service: Sent signal SIGHUP to main process 812 (gunicorn) on client request.\n谁一直在 reload',
        'worker-sigterm',
      ],
    ]);
  });
});

describe("a traceback whose last line names the admin's own", () => {
  it("is the admin's: the users' tables or the import's spreadsheet library missing", () => {
    runs([
      ['$ python manage.py createsuperuser\n...\ndjango.db.utils.OperationalError: no such table: auth_group', 'admin'],
      [
        "Internal Server Error: /admin/\nModuleNotFoundError: No module named 'openpyxl'\n导入用户点上传就这样",
        'admin',
      ],
    ]);
  });

  it("leaves a module missing at the service's start to the service", () => {
    runs([
      ["gunicorn[811]: ModuleNotFoundError: No module named 'oms'\nFailed to start OMS Gunicorn", 'service-start'],
    ]);
  });
});

describe('SIGTERM seen, the backend guessed down', () => {
  it("is the workers': the guess asked is no symptom seen", () => {
    tops([['告警里全是 Worker was sent SIGTERM，老板问是不是后端崩了', 'worker-sigterm']]);
  });
});

describe('"bk" for the backend', () => {
  it('reads as 后端 among pinyin initials', () => {
    tops([['bk qbl', 'service-start']]);
  });

  it("asked whether the API's trouble is nginx's or the backend's: the API's check by hand", () => {
    sections([
      ['api 报错 怎么判断是 ngx 的问题还是 bk 的问题', 'api-not-found#by-hand'],
      ['how can I tell if the api failing is nginx or the backend?', 'api-not-found#by-hand'],
    ]);
  });
});
