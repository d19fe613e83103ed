import { answerExpectations, answerOverRealPlaybooks, overruleExpectations } from '../../helpers/intent-answer.js';

/**
 * Round 19, what the review found (docs/intent.md, "Round 19: what the review found"): the rules of round 19's first
 * part on the writers' other lives (src/intent/other-lives.ts) silenced OMS's own reports; each narrowed so the life
 * stays silent and the report is answered again.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops } = answerExpectations(answer);
// The classifier's overrules of the rules' tuned readings (src/intent/ngram-overrule.ts).
const { kept } = overruleExpectations();

function passive(cases: Array<[string, boolean]>): void {
  for (const [text, p] of cases) expect([text, answer(text).passive]).toEqual([text, p]);
}

describe('numbers, shops and customers', () => {
  it('12306 only as a whole number, not a pid', () => {
    tops([
      ['[ERROR] Worker (pid:412306) was sent SIGTERM!', 'worker-sigterm'],
      [
        '[2025-03-01 10:12:11 +0800] [12306] [ERROR] Worker (pid:12307) was sent SIGKILL! Perhaps out of memory?',
        'worker-sigterm',
      ],
    ]);
    silent(['12306 买票页面一直 502']);
  });

  it("shops' orders and industries' customers are OMS's; a shop of one's own is not", () => {
    tops([
      ['淘宝订单同步到后台失败，接口 502', 'api-not-found'],
      ['直播带货的订单导入报错，后台 500', 'admin'],
      ['amazon orders import fails in the admin, 500', 'admin'],
      ['我们客户是证券公司，他们的管理员登录后台报 403', 'login'],
      ['游戏公司客户说后台登录不上', 'login'],
      ['用户在食堂的电脑上登录不上系统', 'login'],
      ['一卡通号登录系统提示密码错误', 'login'],
      ["school's teachers can't log in, nginx returns 502 on /api/", 'api-not-found'],
    ]);
    silent([
      '淘宝双十二付款页面 502，我的购物车清空了',
      'my amazon account is locked, password reset page 502',
      '拼多多店铺后台登录不上',
      '证券 app 登录提示设备异常',
      '一卡通充值页面打不开',
    ]);
  });
});

describe('office PCs, family, words inside other words', () => {
  it("a PC users open OMS from is OMS's; its own logon is not", () => {
    tops([
      ['值班电脑打不开后台页面', 'admin'],
      ['用户换了新电脑，登录系统提示 CSRF 失败', 'login'],
      ['win10 上 chrome 打开后台一直白屏', 'admin'],
    ]);
    silent([
      '新电脑开机 windows 登录不进去，提示信任关系失败',
      '值班电脑锁屏以后域账号登录不上',
      'win10 开机一直转圈进不去桌面',
    ]);
  });

  it('他妈的, 其他哥们, 我哥说 are no family account; web 站点 no B 站; 崩坏 no game', () => {
    tops([
      ['他妈的后台又 502 了', 'admin'],
      ['其他哥们都能登录，就我登录不上后台', 'login'],
      ['我哥说后台登录不了', 'login'],
      ['web站点登录不上', 'login'],
      ['后端崩坏了，一直 502', 'api-not-found'],
    ]);
    silent(['我哥的手机微信登录不上', 'b站直播推流一直失败', '崩坏3 登录提示服务器维护']);
  });

  it('pinyin: 所有系统 and 九点时 are no game nor television', () => {
    tops([['jiu dian shi houduan gua le', 'service-start']]);
    expect(answer('suo you xi tong dou deng lu bu shang 502').offered).toContain('login');
  });

  it('game, hugo, 论坛 and 期末 alone name no other life', () => {
    tops([
      ['is the game over for the backend? gunicorn crashed', 'service-start'],
      ['the game changer: gunicorn keeps getting SIGKILL', 'worker-sigterm'],
      ['论坛里说是 gunicorn 的 worker timeout，我们后台也这样', 'worker-sigterm'],
      ['月末期末对账，后台 502', 'admin'],
    ]);
    expect(answer('Hugo says the backend is down, 502 on every page').offered).toContain('service-start');
    silent(['学校的论坛管理员后台进不去', '论坛账号注册收不到验证码']);
  });
});

describe("one's own project, systems told by use, production said fine", () => {
  it("the team's own project and machine room are OMS's", () => {
    tops([
      ['我们自己的项目 django.db.utils.OperationalError 连不上数据库', 'api-not-found'],
      ['我们自己机房里部署的后端起不来，status=217/USER', 'service-start'],
    ]);
    passive([['我的项目里 gunicorn 起不来，oms-backend.service failed', true]]);
    silent(['我的练手项目 gunicorn 起不来', '我自己写的小网站 nginx 502']);
  });

  it('的 and order words make no system told by use', () => {
    tops([
      ['医院的系统登录不上，一直转圈', 'login'],
      ['订货平台登录不上了，502', 'login'],
      ['报单系统接口 404', 'api-not-found'],
    ]);
  });

  it('production fine in a question, a condition or the past keeps passive listening', () => {
    passive([
      ['之前线上正常，升级后后台 502', true],
      ['线上正常吗？后端一直 502', true],
      ['prod ok until the deploy, now every api call 502', true],
      ['正式环境没问题的话，为什么后端 502', true],
      ['staging 上的后台登录不了，生产没事', false],
    ]);
  });
});

describe('the backend down, the bot and guesses, another unit', () => {
  it('后台挂了 is the service that does not start', () => {
    tops([
      ['后台挂了', 'service-start'],
      ['后台起不来了', 'service-start'],
      ['OMS 后台起不来', 'service-start'],
    ]);
  });

  it("the bot's clause and a guess beside only a status code go no further than themselves", () => {
    tops([
      ['bot 没回我，是不是挂了？后端 502 了', 'api-not-found'],
      ['502 了，后端挂了？', 'service-start'],
    ]);
    silent(['bot 没回我，是不是挂了', '你是不是又挂了，半天没回我']);
  });

  it('a unit named to systemctl beside a part of OMS is a step', () => {
    tops([['systemctl restart supervisor 之后后端起不来', 'service-start']]);
    silent(['journalctl -xe -n 50 -u plexmediaserver 一直 restarting']);
    const t0 = performance.now();
    answer('journalctl '.repeat(16000));
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

/**
 * Look-alikes written for each family (OMS's reports holding a shop, an industry, an office PC, a family word, 期末, a
 * production said fine in the past …): held here, not in probes.jsonl, as the classifier retrained with them reorders
 * an offered probe's choices (o16-531, test/unit/intent/offered-probes.test.ts).
 */
describe("round 19's review: OMS look-alikes of each family", () => {
  it('stay answered by their playbook', () => {
    tops([
      ['天猫店的订单导入后台报错 500', 'admin'],
      ['shopify orders sync to our backend fails with 502', 'api-not-found'],
      ["ebay orders can't be imported in the admin, 500 error", 'admin'],
      ['亚马逊的订单导入后台一直超时', 'admin'],
      ['客户是证券公司，登录系统提示 CSRF 验证失败', 'login'],
      ['游戏公司的客户说登录不上后台，提示用户名或密码错误', 'login'],
      ['食堂管理员登录系统提示密码错误', 'login'],
      ["the school's admins can't log in, wrong password every time", 'login'],
      ['值班电脑上打开后台 502', 'admin'],
      ['win11 上打开后台页面样式全丢了', 'admin'],
      ['前台的电脑打开登录页一直 502', 'api-not-found'],
      ['他妈的，又登录不上后台了', 'login'],
      ['其他同事都能登录，就我登录不上系统', 'login'],
      ['我姐说后台登录不了，提示密码错误', 'login'],
      ['后端崩坏了，systemctl 起不来', 'service-start'],
      ['我们自己的项目，后端起不来 status=203/EXEC', 'service-start'],
      ['我们自己机房的服务器上后端起不来了，status=217/USER', 'service-start'],
      ['咱们自己的项目 gunicorn 起不来了', 'service-start'],
      ['医院的系统登录一直转圈，登录不上', 'login'],
      ['订货系统登录提示 CSRF 失败', 'login'],
      ['发货平台接口 404', 'api-not-found'],
      ['销售系统登录不上了，502', 'login'],
      ['之前线上都正常，今天升级后后端 502', 'api-not-found'],
      ['线上正常吗？gunicorn 一直起不来', 'service-start'],
      ["prod was fine until the deploy, now the backend won't start", 'service-start'],
      ['生产环境没问题的话，为什么 gunicorn 被 SIGTERM', 'worker-sigterm'],
      ['你是不是又挂了？gunicorn 一直起不来', 'service-start'],
      ['404 了，后端挂了？', 'service-start'],
      ['shi dian shi houduan qi bu lai le', 'service-start'],
      ['月底期末盘点，后台登录不上', 'login'],
      ['systemctl stop supervisor 之后 gunicorn 就起不来了', 'service-start'],
      ['Hugo from support says the backend returns 502 everywhere', 'api-not-found'],
      ['论坛里有人说 gunicorn worker 被 SIGKILL 是内存不够，我们后端也这样', 'worker-sigterm'],
      ['后台挂了，刚刚还好好的', 'service-start'],
      ['后台起不来，systemctl 显示 failed', 'service-start'],
      ['[INFO] Booting worker with pid: 212306 then [ERROR] Worker (pid:212306) was sent SIGKILL!', 'worker-sigterm'],
      ['月末期末对账，后台登录不上', 'login'],
      ['systemctl restart supervisor 以后 gunicorn 起不来了', 'service-start'],
    ]);
    kept([['windows 10 的电脑登录系统一直提示密码错误', 'login']]);
  });
});
