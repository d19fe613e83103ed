import {
  answerExpectations,
  answerOverRealPlaybooks,
  rulesAnswerOverRealPlaybooks,
} from '../../helpers/intent-answer.js';

/**
 * Round 20, how-to questions (docs/intent.md, "Round 20: how-to questions and pinyin"): the four new populations' ways
 * of asking — a DBA, a security engineer, a business user dictating on a phone, a monitoring engineer — answered by
 * the section they ask for, while the same words about another system or in their own sense stay unanswered.
 */
const answer = answerOverRealPlaybooks();
const { silent, sections } = answerExpectations(answer);
const rules = rulesAnswerOverRealPlaybooks();

describe('checking one part by hand', () => {
  it('where to start, which commands or steps, looking oneself: that part by hand', () => {
    sections([
      ['等路不上的话一般按什么步骤查', 'login#by-hand'],
      ['灯路失败了 我自己要怎么一步步看', 'login#by-hand'],
      ['登录不了的话从哪里开始查起', 'login#by-hand'],
      ["users can't log in, where should I start looking on the server?", 'login#by-hand'],
      ['后端起不来的话 用哪些命令排查', 'service-start#by-hand'],
      ['gunicorn 怎么手工跑起来看看能不能启动', 'service-start#by-hand'],
      ['页面显示 not found 我自己要怎么查', 'api-not-found#by-hand'],
      ['接口老是502 从哪里查起比较好', 'api-not-found#by-hand'],
    ]);
  });

  it('tested with curl on the server: by hand', () => {
    sections([
      ['怎么用 curl 在服务器上测一下登录接口通不通', 'login#by-hand'],
      ['在机器上怎么拿 postman 测 oms 的接口', 'api-not-found#by-hand'],
    ]);
  });

  it('a checklist asked for, to go through oneself', () => {
    sections([
      ['oms全挂了 有没有一份排查清单', 'checklist#by-hand'],
      ['oms quanbu guale you meiyou jiancha qingdan', 'checklist#by-hand'],
      ['有没有完整的排查清单，我们自己照着过一遍', 'checklist#by-hand'],
      ['you mei you paicha qingdan a', 'checklist#by-hand'],
    ]);
  });

  it('leaves a crossing, a road and other systems alone', () => {
    silent([
      '在路口等路过的车 半天没来',
      '等路灯变绿再过马路',
      'redis 挂了从哪里查起',
      'mysql 主从延迟一般用哪些命令查',
    ]);
  });
});

describe('the admin, asked by a DBA and a business user', () => {
  it('its address and how a superuser is made', () => {
    sections([
      ['管理员后太从哪进 网址后面要加什么', 'admin#admin-url'],
      ["what's the URL of the OMS django admin? need to check the auth_user records there", 'admin#admin-url'],
      ['超管账号是怎么弄出来的 要敲什么命令', 'admin#create-superuser'],
      ['能不能直接在 auth_user 表里 insert 一个超级用户，还是必须用 manage.py', 'admin#create-superuser'],
      ['chaoguan zhanghao zenme nong chulai', 'admin#create-superuser'],
      ['怎么加个超管', 'admin#create-superuser'],
    ]);
  });

  it('"check all of oms" is everything asked for, not any message with "check" and "oms"', () => {
    expect(answer('can you check all of OMS, something is off').top).toBe('checklist');
  });

  it("leaves a database's own superuser and another system's admin alone", () => {
    silent([
      'pg 里怎么建 superuser，CREATE ROLE 要加 LOGIN 吗',
      'mysql 怎么建一个有全部权限的超级用户',
      '路由器的管理后台在哪进 网址后面加什么',
      '这篇文章怎么弄出来的 排版好看',
    ]);
  });
});

describe('support, quick fixes and whether a SIGTERM is normal', () => {
  it('the maker or second line contacted, commands that bring it back, an alert on SIGTERM', () => {
    sections([
      ['联系厂家的话要准备哪些截图和日志', 'checklist#support'],
      ['要找二线的话 需要发哪些日志过去', 'checklist#support'],
      ['gei erxian fa naxie rizhi', 'checklist#support'],
      ['给厂家发日志的话发哪些', 'checklist#support'],
      ['oms 挂了有没有快速恢复的命令 照着敲就行的', 'checklist#quick-fixes'],
      ['夜里告警 oms 不可用 有没有先恢复服务的几条命令', 'checklist#quick-fixes'],
      ['夜莺报 oms 日志里有 SIGTERM 关键字 怎么判断是不是正常的', 'worker-sigterm#is-it-normal'],
    ]);
  });

  it('leaves a second-tier city, a courier, a database restore and a pod alone', () => {
    silent([
      '二线城市的房价最近怎么样',
      '厂家发货了没 客户在催',
      '给厂家发个催款函怎么写',
      '电脑全部卡死了 有没有排查清单',
      '联系快递公司的话要准备哪些单号',
      'mysql 误删了表 有没有快速恢复的命令',
      'k8s 里 pod 收到 SIGTERM 是正常的吗',
    ]);
  });
});

describe("a monitoring engineer's alert on a unit", () => {
  it('"oms-backend inactive" is the service down, not an account', () => {
    sections([
      ['告警说 oms-backend inactive，我先查什么', 'service-start#by-hand'],
      ['用户 inactive 了 怎么重新激活', 'login#reset-password'],
      ['the user account is inactive, how do I reactivate it', 'login#reset-password'],
    ]);
    // The rules' reading; the classifier, sure and wrong here, leads the choices with it second
    // (src/intent/ngram-offer.ts: questionMatch).
    const alert = 'alert: oms-backend is inactive since 03:12, what should I check first?';
    expect(rules(alert).section).toBe('service-start#by-hand');
    expect(answer(alert).offered).toContain('service-start');
    silent(['zabbix 报 mysqld inactive 先查什么']);
  });

  it('the families carry to wordings not in the probes', () => {
    sections([
      ['半夜被告警叫醒 oms 不可用 有没有先恢复的命令', 'checklist#quick-fixes'],
      ['denglu shibai wo yao zenme ziji cha', 'login#by-hand'],
      ['lianxi changjia yao zhunbei naxie rizhi', 'checklist#support'],
      ['人员很多 有没有一次性导进去的办法', 'admin#bulk-import'],
    ]);
  });
});
