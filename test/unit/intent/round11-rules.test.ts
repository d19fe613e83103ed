import { answerOverRealPlaybooks, overruleExpectations } from '../../helpers/intent-answer.js';

/**
 * Round 11's rules (docs/intent.md), on wordings invented for them, hard negatives among them: a superuser wanted is
 * one to create; an environment named ("the demo env") is no configuration; repair commands typed in pinyin; a
 * deadline is no announcement; the front end's own dev server; nginx looking for /admin/ on disk; a configuration
 * pasted with what it should be asked; what to type into the browser; meaning to check it oneself; nothing listening
 * in other words; a unit left in the failed state; another team's own setup.
 */
const answer = answerOverRealPlaybooks();
// The classifier's overrules of the rules' tuned readings (src/intent/ngram-overrule.ts).
const { reachable } = overruleExpectations();

describe('a superuser wanted', () => {
  it('is asking how to create one, even with an environment named', () => {
    for (const text of [
      'I need an admin account on the staging env, what do I run?',
      'want a new superuser for the test env — command?',
      '想要一个超管账号，命令是什么',
    ])
      expect([text, answer(text).section]).toEqual([text, 'admin#create-superuser']);
  });

  it('in another system offers nothing', () => {
    for (const text of ['need a superuser in keycloak, what is the command', 'jenkins 需要一个管理员账号怎么建'])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });

  it('the env file still names the configuration', () => {
    for (const text of ['env file 里要配哪些项', 'what goes in the env file?'])
      expect([text, answer(text).section]).toEqual([text, 'checklist#recommended-config']);
  });
});

describe('repair commands typed in pinyin', () => {
  it('are the quick fixes', () => {
    for (const text of ['changyong xiufu mingling fa wo yixia', 'xiufu de mingling you naxie'])
      expect([text, answer(text).section]).toEqual([text, 'checklist#quick-fixes']);
  });

  it('for another system offer nothing', () => {
    expect(answer('mysql xiufu mingling you naxie').offered).toEqual([]);
  });
});

describe('a meeting or demo', () => {
  it('named as a deadline is no announcement', () => {
    const r = answer('can someone run a full health check on the OMS box before the meeting at 10?');
    expect([r.outcome, r.top]).toEqual(['match', 'checklist']);
  });

  it('announced stays an announcement', () => {
    for (const text of ['demo at 3 tomorrow, OMS will be down for the meeting', 'training on OMS at 2pm today'])
      expect([text, answer(text).offered, answer(text).passive]).toEqual([text, [], false]);
  });
});

describe('the front end’s dev server', () => {
  it('is OMS’s front end', () => {
    for (const text of ['webpack dev server 里调登录接口报跨域', 'vite dev server 上登录报跨域，线上没事'])
      expect([text, answer(text).top]).toEqual([text, 'login']);
  });

  it('another dev server is another box', () => {
    for (const text of ['dev server 上的 mysql 连不上', "the dev server's login page is broken"])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });
});

describe('nginx looking for /admin/ on disk', () => {
  it('is the admin site not proxied', () => {
    const r = answer(
      '[error] 981#981: *3 open() "/var/www/html/admin/index.html" failed (2: No such file or directory)',
    );
    expect([r.outcome, r.top]).toEqual(['match', 'admin']);
    // the admin's login page: the login playbook a close second, the admin first
    expect(answer('open() "/var/www/html/admin/login/" failed (2: No such file or directory)').top).toBe('admin');
  });

  it('a missing favicon is not the admin', () => {
    expect(answer('open() "/var/www/html/favicon.ico" failed (2: No such file or directory)').offered).not.toContain(
      'admin',
    );
  });
});

describe('a configuration pasted with what it should be asked', () => {
  const pasted = 'DEBUG=False\nALLOWED_HOSTS=172.29.91.61\nCORS_ALLOWED_ORIGINS=http://172.29.91.61\n';

  it('is the recommended configuration, not the login its CORS setting names', () => {
    for (const ask of ['is this what the config should look like?', '这是现网的 .env，正常配置应该啥样'])
      expect([ask, answer(pasted + ask).section]).toEqual([ask, 'checklist#recommended-config']);
  });

  it('with a fault told beside it stays that fault', () => {
    expect(answer(`${pasted}改了之后登录还是报跨域`).top).toBe('login');
  });

  it('of another system offers nothing', () => {
    expect(answer('DEBUG=False\nALLOWED_HOSTS=*\nDATABASES_HOST=db01\nmysql 这边的正确配置应该是啥样').offered).toEqual(
      [],
    );
  });
});

describe('what to type into the browser', () => {
  it('is the admin’s address', () => {
    for (const text of ['后台在浏览器里输什么能打开', 'what do I type in the browser to reach the django admin?'])
      expect([text, answer(text).section]).toEqual([text, 'admin#admin-url']);
  });

  it('for another system offers nothing', () => {
    expect(answer('jenkins 在浏览器里该敲哪个地址').offered).toEqual([]);
  });
});

describe('meaning to check it oneself', () => {
  it('is the by-hand section', () => {
    expect(answer('想自己 curl 确认下 /api/ 通不通，有啥办法').section).toBe('api-not-found#by-hand');
  });

  it('having looked oneself is a report, not a question', () => {
    const r = answer('我自己看了日志，接口还是404');
    expect([r.outcome, r.top]).toEqual(['match', 'api-not-found']);
  });
});

describe('nothing listening, said in other words', () => {
  it('is the port the API is proxied to', () => {
    for (const text of [
      '8000 上啥都没有在监听，nginx 转发过去全 502',
      'nothing is listening on 8000 but nginx proxies /api there',
    ])
      expect([text, answer(text).outcome, answer(text).top]).toEqual([text, 'match', 'api-not-found']);
  });

  it('on another system offers nothing', () => {
    expect(answer('mysql 3306 上啥都没有在听').offered).toEqual([]);
  });
});

describe('a unit left in the failed state', () => {
  it('after a restart is the service not coming up', () => {
    const r = answer('oms-backend 重启完状态一直 failed');
    expect([r.outcome, r.top]).toEqual(['match', 'service-start']);
  });

  it('or turned inactive is the service, not an account', () => {
    for (const text of ['systemctl start oms-backend 之后马上就 inactive 了', 'oms-backend status 一直 inactive'])
      expect([text, answer(text).outcome, answer(text).top]).toEqual([text, 'match', 'service-start']);
    expect(answer("the user is inactive, can't log in").top).toBe('login');
  });

  it('of another system offers nothing', () => {
    for (const text of ['jenkins job 又 failed 了', 'CI 流水线 status 一直 failed', 'airflow 起完就 inactive 了'])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });
});

describe('another team’s own setup', () => {
  it('offers nothing, even naming OMS’s words', () => {
    for (const text of [
      '运维组那边的 gunicorn 服务起不来了，不是我们的',
      '测试组自己搭的那套 nginx 502 了',
      '数据部门那台上的 django admin 打不开',
      'node 服务 pm2 一直重启',
    ])
      expect([text, answer(text).offered, answer(text).passive]).toEqual([text, [], false]);
  });

  it('our own team, or asking whether it is ours, stays OMS’s', () => {
    const cases: Array<[string, string]> = [
      ['我们组自己搭的 OMS 后台打不开', 'admin'],
      ['是不是我们的问题？登录一直失败', 'login'],
      ['测试组那边反馈登录不了', 'login'],
    ];
    for (const [text, id] of cases) expect([text, answer(text).top]).toEqual([text, id]);
  });
});

describe('words of round 11’s writers', () => {
  it('what to collect before escalating is the support section', () => {
    expect(answer('what should I collect before escalating?').section).toBe('checklist#support');
    expect(answer('what should I collect for the jenkins ticket?').offered).toEqual([]);
  });

  it('workers timing out offers the workers', () => {
    // Read as unrelated by the classifier since round 23's retraining: the workers stay in the list's nearest.
    reachable([['workers keep timing out on the big export endpoint', 'worker-sigterm']]);
    expect(answer('our CI runner keeps timing out').offered).toEqual([]);
  });

  it('another project named with its framework is another system', () => {
    for (const text of ['另一个 django 项目的 createsuperuser 报错', '其他 vue 项目登录报跨域'])
      expect([text, answer(text).offered]).toEqual([text, []]);
    expect(answer('别的接口都正常，就 /api/orders 404').top).toBe('api-not-found');
  });
});

describe('pinyin and Chinese meet on more words', () => {
  it('starting at boot, said in full, is the service setup, in Chinese and in pinyin', () => {
    for (const text of ['开机自动启动怎么配', 'kaiji zidong qidong zenme pei'])
      expect([text, answer(text).section]).toEqual([text, 'service-start#setup']);
  });

  it('nginx not getting through to the backend is the API path', () => {
    for (const text of ['nginx 转发不到后端', 'nginx zhuanfa bu dao houduan'])
      expect([text, answer(text).top]).toEqual([text, 'api-not-found']);
    for (const text of ['公司网关转发不到外网', '我的电脑开机自动启动太多软件'])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });
});

describe('where to start is no "where is"', () => {
  it('is not answered with an address', () => {
    for (const text of ['登录和后台都不行，不知道从哪里开始查', '后台打不开，不知道从哪里开始查'])
      expect([text, answer(text).section]).toEqual([text, null]);
    expect(answer('登录和后台都不行，不知道从哪里开始查').top).toBe('checklist');
  });

  it('where something is, or comes from, still is', () => {
    const cases: Array<[string, string]> = [
      ['admin 后台在哪里', 'admin#admin-url'],
      ['模板从哪里下载', 'admin#bulk-import'],
      ['houtai zai nali', 'admin#admin-url'],
    ];
    for (const [text, section] of cases) expect([text, answer(text).section]).toEqual([text, section]);
  });
});

describe('a unit flapping', () => {
  it('is the restart loop', () => {
    for (const text of ['oms-backend is flapping, restarts every few seconds', 'gunicorn restarting every 10 seconds'])
      expect([text, answer(text).top]).toEqual([text, 'service-start']);
  });

  it('a network link flapping, or another job restarting, is not', () => {
    for (const text of [
      'the uplink port is flapping',
      'BGP session flapping since noon',
      'the cron job restarts every 5 seconds?',
    ])
      expect([text, answer(text).offered]).toEqual([text, []]);
  });
});
