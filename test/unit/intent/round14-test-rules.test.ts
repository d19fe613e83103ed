import { answerExpectations, answerOverRealPlaybooks, overruleExpectations } from '../../helpers/intent-answer.js';

/**
 * Rules taken from the misses of rounds 13 and 14's test halves (docs/intent.md, "False alarms"), on wordings invented
 * for them, hard negatives among them.
 */
const answer = answerOverRealPlaybooks();
const { silent } = answerExpectations(answer);
// The classifier's overrules of the rules' tuned readings (src/intent/ngram-overrule.ts).
const { kept, reachable } = overruleExpectations();

describe("a customer's formal English", () => {
  it('the management console and the back office are the admin', () => {
    expect(answer('Could you send the address of the management console again? I lost the bookmark.').section).toBe(
      'admin#admin-url',
    );
    kept([['There is no longer any styling on the back office pages since Monday.', 'admin']]);
  });

  it("another product's console or back office stays its own", () => {
    silent(['The AWS management console logs me out every hour', "our Synology back office won't load"]);
  });

  it('ordinal numbers, a button pressed and an interjection name no system', () => {
    expect(answer('We need one more administrator account with full rights. How do we create it?').section).toBe(
      'admin#create-superuser',
    );
    expect(answer('Please create a second superuser for the auditor').top).toBe('admin');
    expect(answer('press login and nothing happens').top).toBe('login');
    expect(answer('hmm createsuperuser 报错了，怎么建超管').section).toBe('admin#create-superuser');
  });
});

describe('commands to repair', () => {
  it('are the quick fixes, even naming the parts they act on', () => {
    for (const text of ['给我一份一键恢复的命令，重启后端、reload nginx 那种', '有没有一键修的命令'])
      expect([text, answer(text).section]).toEqual([text, 'checklist#quick-fixes']);
  });

  it('a check by hand stays the part’s own section', () => {
    // The classifier (since round 23's retraining) reads the whole checklist first: the rules' section stays a choice.
    reachable([['怎么手工检查后端和 nginx，给我命令', 'api-not-found', 'api-not-found#by-hand']]);
  });

  it('a CI job the commands go into is where the answer goes, not another system', () => {
    kept([['把快速修复命令写进 gitlab ci 的 job 里，有没有现成的', 'checklist', 'checklist#quick-fixes']]);
    const text = '把重启命令整理成 jenkins 的 pipeline 步骤，给个快速修复命令清单';
    expect([text, answer(text).section]).toEqual([text, 'checklist#quick-fixes']);
    silent(['jenkins 的 pipeline 步骤一直卡住']);
  });
});

describe('the unit not running, restarting in mixed words', () => {
  it('is the service', () => {
    const text = 'oms-backend 一直 restart，日志刷屏';
    expect([text, answer(text).top]).toEqual([text, 'service-start']);
    // The classifier (since round 23's retraining) reads the API first here: the service stays a choice.
    reachable([['nginx 在跑但 oms-backend 没 running', 'service-start']]);
  });

  it("another system's restarts stay its own", () => {
    silent(['kafka consumer 一直 restart']);
  });
});

describe('a post-incident review asking whether it holds', () => {
  it('is answered with its fault, never passively', () => {
    const r = answer('复盘：昨天 OMS 登录全部失败 40 分钟，根因写的是 CORS 配置被改，帮我看看靠谱不');
    expect([r.offered[0], r.passive]).toEqual(['login', false]);
  });
});

describe('a guess with a question mark after a failure told', () => {
  it('asks for no how-to: the failure is diagnosed', () => {
    const r = answer(
      'the worker log says: Worker (pid:812) was sent SIGKILL! Perhaps out of memory? happened three times',
    );
    expect([r.top, r.outcome]).toEqual(['worker-sigterm', 'match']);
  });

  it('a polite "maybe you can tell me how" still asks', () => {
    expect(answer('maybe you can tell me how to create a superuser?').section).toBe('admin#create-superuser');
  });
});

describe('a firewall said open, a deployment tool that overwrote a file', () => {
  it('place nothing elsewhere: the part in trouble is answered', () => {
    expect(answer('后台 /admin/ 打不开 404，安全组和防火墙都放通了，接口都正常').top).toBe('admin');
    expect(answer('发版后 nginx 配置被 ansible 的 role 覆盖了，接口全部 404').top).toBe('api-not-found');
  });

  it('another system beside the open firewall, or the tool in trouble itself, stays another topic', () => {
    silent(['防火墙放通了 80，但是公司 vpn 还是连不上', 'ansible 连不上目标机']);
  });
});

describe('"end to end"', () => {
  it('after one part is that part’s extent', () => {
    expect(answer('how do I test the admin login flow end to end by hand?').section).toBe('login#by-hand');
  });

  it('alone is the whole', () => {
    expect(
      answer('I want to run an end-to-end check of everything on the new server, what are the steps?').section,
    ).toBe('checklist#by-hand');
    expect(answer('nothing works end to end on the fresh box, where do I start').top).toBe('checklist');
  });
});
