import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 19, the tuning half (docs/intent.md, "Round 19, second part: the tuning half"): a junior operator's pinyin
 * keyboard — its first candidates (等录, 登不近去, 服物, 启东) and initials among characters (fwq, gly, hdqbl) — read
 * as OMS's words, while the same strings in their own senses (等录取, 启东 the city, a group's gly) and a game's,
 * WeChat's or one's own mood stay unanswered.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);

describe("a pinyin keyboard's first candidates", () => {
  it('are read as the words meant', () => {
    tops([
      ['gly账号等录不上 提示密码错误', 'login'],
      ['oms等录一直失败 急', 'login'],
      ['生产环境登不近去 一直转圈', 'login'],
      ['fwq重启完 服物没自己起来', 'service-start'],
      ['oms后端启东不了 麻了', 'service-start'],
    ]);
    sections([['gly的密码没人知道了 怎么改', 'login#reset-password']]);
  });

  it('leave the same characters in their own senses alone', () => {
    silent([
      '在等录取通知书 心态崩了',
      '等录用结果出来再说吧',
      '明天去启东出差 高铁票怎么报销',
      '启东那边的客户明天来参观',
    ]);
  });
});

describe('initials among characters', () => {
  it('are the words they stand for', () => {
    tops([
      ['fwq重启以后后端没起来 手动start报错', 'service-start'],
      ['hdqbl 手动start也报错', 'service-start'],
      ['gly等录提示账号被禁用', 'login'],
    ]);
    sections([['gly密码忘了 咋重置啊', 'login#reset-password']]);
  });

  it('name nothing of OMS in chatter', () => {
    silent(['gly把我踢出群了 谁能拉我回去', 'fwq机房空调坏了 谁找下物业', 'qbl了 今天早上闹钟没响']);
  });
});

describe("a game, WeChat, one's mood, a help desk", () => {
  it('are not OMS', () => {
    silent([
      '王者又登录失败 服务器排队 麻了',
      '我的王者账号登陆不上了 提示服务器维护',
      '手机微信登陆提示环境异常',
      '他今天心态炸了 别惹他',
      '服务台电话多少 电脑坏了',
    ]);
  });

  it('OMS with the same words stays answered', () => {
    tops([
      ['后端又崩了', 'service-start'],
      ['OMS 登录失败 提示网络异常', 'login'],
    ]);
  });

  it("a game's nickname and rituals do not take their words' other senses (pesticides, a rota, an idiom)", () => {
    tops([
      ['农药订单导入后台报错', 'admin'],
      ['农药批发客户说后台登录不上', 'login'],
      ['排位表导入后台失败', 'admin'],
      ['值班排位 后端又502了', 'api-not-found'],
      ['王者归来 后端终于好了 但是接口还是 502', 'api-not-found'],
      ['线上分支的后端起不来', 'service-start'],
      ['接口加上分页后 502', 'api-not-found'],
    ]);
    silent(['王者荣耀登录不上', '农药上分 登录失败', '王者又登录失败 排队3000多人']);
  });
});

describe('a team lead relaying what others report (src/intent/other-systems.ts, src/intent/lexicon-business.ts)', () => {
  it("is OMS: finance's people, an outsourced colleague, the test server that works, every menu", () => {
    tops([
      ['财务这边反馈新系统账号登不进去', 'login'],
      ['新系统点登录一点反应都没有 转发的财务的消息', 'login'],
      ['测试环境试过能进 正式环境登录就报网络错误', 'login'],
      ['外包的同事改了nginx配置以后 接口都404了', 'api-not-found'],
      ['点任何菜单都报404 首页倒是正常', 'api-not-found'],
      ['biz team: any menu they click shows 404, the home page loads fine', 'api-not-found'],
    ]);
  });

  it("the finance team's, the outsourcer's and the test server's own stay someone else's", () => {
    silent([
      '财务那边报表导不出来',
      '外包那边的后台登录不上',
      '测试环境登录不上 生产正常',
      '路由器管理界面每个菜单都打不开',
      '打印机点了打印没任何反应',
      '食堂今天的菜单有啥',
    ]);
  });
});

describe('the on-call SRE asking how to find the real error (src/intent/lexicon-questions.ts: by-hand)', () => {
  it('is the section for checking by hand', () => {
    sections([
      ['oms-backend启动失败 在哪能看到详细的报错', 'service-start#by-hand'],
      ['how do i see the actual error when the oms backend fails to start', 'service-start#by-hand'],
      ["oms backend won't start, how can I find out why", 'service-start#by-hand'],
      ['oms有没有从头到尾能照着跑一遍的排查清单', 'checklist#by-hand'],
    ]);
  });

  it("another program's error, HR's lists, an editor, a licence dongle are not OMS", () => {
    silent([
      'python脚本报错了 怎么看具体报错原因',
      'jenkins 构建失败 在哪能看到详细的报错',
      'is there a checklist for onboarding new hires i can run through top to bottom',
      '新员工入职流程从头到尾是怎么走的',
      'hr 系统导入考勤表报格式错误',
      'sed 怎么批量替换文件里的ip',
      '加密狗服务又停了 软件打不开',
    ]);
    tops([['For the onboarding guide: the superuser cannot log in to oms, what do I write', 'login']]);
  });
});
