import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 23, the whole system in trouble (docs/intent.md, "Round 23: r23whole"): several parts failing in one run-on
 * clause ("登录不了接口也报错"), parts listed as sharing one trouble ("登录/接口都不行"), all kinds of errors, everything
 * restarted or tried and still broken, everything down with no clue where (src/intent/whole.ts,
 * src/intent/lexicon-whole.ts) are answered by the checklist alone; a trouble pointing at one part keeps that part's
 * answer.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);

/** The checklist, answered outright (not among choices). */
function wholeAnswered(texts: string[]): void {
  for (const text of texts) {
    const r = answer(text);
    expect([text, r.outcome, r.top]).toEqual([text, 'match', 'checklist']);
  }
}

describe('the whole system in trouble', () => {
  it('several parts failing, in one clause or listed as sharing a trouble', () => {
    wholeAnswered([
      '登录不了接口也报错后台也进不去，帮忙看看',
      '部署完哪儿哪儿都有毛病，登录进不去，接口报错，后台也打不开',
      '升级以后 OMS 各种报错，登录、接口都不太行',
      '登录/后台都进不去，逐项排查一下吧',
      'oms gezhong baocuo, denglu jiekou dou bu xing, cong nali cha',
      '前端、后端、nginx 好像都有点问题，OMS 整个用不了',
    ]);
  });

  it('everything restarted or tried, still broken', () => {
    wholeAnswered([
      '能重启的服务全都重启过了，还是用不了，不知道下一步干啥',
      '試過晒重啟所有服務都仲係唔得，完全冇頭緒',
      'restarted every service already, still broken, no idea what else to try',
      '服务全重启了一遍也没用，客户那边还是进不去系统',
    ]);
  });

  it('everything down with no idea where', () => {
    wholeAnswered([
      '整个系统都瘫了，不知道是哪的问题',
      'OMS 啥都挂了 完全没头绪',
      'everything is down and I have no clue where to begin',
    ]);
  });

  it('a trouble pointing at one part keeps that part', () => {
    tops([
      ['nginx 和后端都重启了还是 502', 'api-not-found'],
      ['所有服务都重启了，登录还是 401', 'login'],
      ['能重启的都重启了，/admin/ 还是 404', 'admin'],
      ['后端重启了好几次还是起不来', 'service-start'],
      ['登录接口全部报错 401，帮我全面查一下', 'login'],
      ['worker 各种报错 SIGTERM，服务倒是一直在', 'worker-sigterm'],
      ['全挂了 不知道咋办 journalctl 里一堆 ModuleNotFoundError', 'service-start'],
    ]);
  });

  it('the same words about other things stay unanswered', () => {
    silent([
      '我家路由器重启了好几遍还是上不了网，完全没头绪',
      '这份方案哪哪都是毛病，老板让重写',
      '打印机各种报错，不知道从哪下手修',
      '能重启的都重启了，电脑还是蓝屏',
      '新买的车各种小毛病，4S 店说没问题',
    ]);
  });

  it('healthy outputs pasted and still unusable, what next: the checklist, no other reading', () => {
    const healthy = [
      '$ systemctl is-active oms-backend nginx',
      'active',
      'active',
      '$ nginx -t',
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok',
      'nginx: configuration file /etc/nginx/nginx.conf test is successful',
      '$ ss -tlnp | grep 8000',
      'LISTEN 0      2048       127.0.0.1:8000       0.0.0.0:*    users:(("gunicorn",pid=2211,fd=5))',
    ].join('\n');
    wholeAnswered([
      `服务都 active，nginx -t 也 ok，8000 也在听，可用户还是用不了，下一步查啥\n${healthy}`,
      `${healthy}\n看着都没问题 但客户说系统还是用不了 还能查什么`,
    ]);
    // A part named in trouble beside them ("还是 502") stays the other reading.
    expect(answer(`都正常啊，可页面还是 502，还要查啥\n${healthy}`).offered).toContain('api-not-found');
  });
});

describe('review of r23whole', () => {
  it('everything restarted beside one part named in its trouble is that part (finding 1)', () => {
    tops([
      ['都重启过了还是登录不上', 'login'],
      ['能重启的都重启了，登录还是不行', 'login'],
      ['能重启的都重启了，oms-backend 还是起不来', 'service-start'],
      ['nginx 和 gunicorn 都重启了，后端还是起不来', 'service-start'],
      ['能重启的都重启了，后端还是 failed', 'service-start'],
      ['全都重启了还是起不来 oms-backend', 'service-start'],
      ['能重启的都重启了，admin 还是打不开', 'admin'],
      ['gunicorn 重启了三次了还是起不来', 'service-start'],
    ]);
    for (const text of ['都重启过了还是登录不上', '能重启的都重启了，oms-backend 还是起不来']) {
      expect([text, answer(text).outcome]).toEqual([text, 'match']);
    }
    // Nothing named, or two parts in trouble: still the whole's.
    wholeAnswered([
      '能重启的都重启了，还是用不了',
      '能重启的都重启了，登录和接口都不行',
      '服务全部重启了还是不行',
      'restarted all services and oms still broken',
    ]);
  });

  it('all kinds of errors are the whole only on OMS, and never answered passively (finding 2)', () => {
    silent([
      '微信各种异常 消息发不出去',
      '新车各种毛病',
      '我老公各种毛病',
      'Excel 各种报错 宏跑不起来',
      '这孩子各种毛病，老师天天找家长',
      '打印机各种报错',
      '手机 app 各种闪退各种报错',
    ]);
    for (const text of ['从昨晚开始 oms 就各种报错', '升级后 oms 各种异常', '@bot oms 各种报错 帮忙看看']) {
      const r = answer(text);
      expect([text, r.top, r.passive]).toEqual([text, 'checklist', false]);
    }
    tops([
      ['worker 各种报错 SIGTERM，服务倒是一直在', 'worker-sigterm'],
      ['后端各种报错，服务起不来', 'service-start'],
      ['登录各种报错', 'login'],
    ]);
  });

  it('everything restarted on a phone, a car or every night is not OMS restarted (finding 3)', () => {
    silent([
      '服务器每天凌晨都重启，还是会卡',
      'restarted everything on my phone, still no signal',
      "tried all the usual fixes, the car still won't start",
      '手机都重启了还是没信号',
    ]);
    wholeAnswered([
      'restarted everything, oms still down',
      'tried all the usual fixes on the server, still not working',
    ]);
  });
});

describe('what the developers need', () => {
  it("is the checklist's section on what to send support", () => {
    sections([
      ['开发那边要我们提供什么信息才能查 OMS 的问题', 'checklist#support'],
      ['提 bug 给后端的时候附什么信息比较完整', 'checklist#support'],
      ['把问题转给开发之前，我应该先收集哪些日志和信息', 'checklist#support'],
      ['这个case要转OMS那边二线，他们一般要哪些日志和信息', 'checklist#support'],
      ['what info do the OMS devs need from us to look into an issue', 'checklist#support'],
      ['yanfa yao women ti gong shenme xinxi cai neng cha oms de wenti', 'checklist#support'],
    ]);
  });

  it('a developer of houses, a second-tier city, a visa team are not', () => {
    silent([
      '开发商那边要我们提供什么材料才能办房产证',
      '转二线城市工作要准备哪些材料',
      'what info does the visa team need from us for the trip',
    ]);
  });
});

describe('recommended values of settings a fault shares a name with', () => {
  it("are the recommended configuration, not the workers' fault", () => {
    sections([
      ['生产上 gunicorn 推荐开几个 worker，timeout 给多少', 'checklist#recommended-config'],
      ["what's the recommended gunicorn workers and timeout for production", 'checklist#recommended-config'],
    ]);
  });

  it('a fault named beside them keeps its playbook', () => {
    tops([['worker 老是 timeout 被杀，推荐怎么处理', 'worker-sigterm']]);
  });
});
