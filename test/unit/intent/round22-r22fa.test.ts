import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 22, false alarms (docs/intent.md, "Round 22: r22fa"): a courier's API, an outlet's till, an app for something
 * else than orders (src/intent/couriers-and-tills.ts) and the office's errands — equipment, a cover for a day off, user
 * research, meeting minutes (src/intent/office-errands.ts) — share OMS's words (api 502, 登录, 找谁, 推荐, 批量) but are
 * not OMS. The same words about OMS stay answered.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);

describe("a courier's API, an outlet's till, another app", () => {
  it('are not OMS', () => {
    silent([
      'Ninja Van api keep timeout when create consignment, 504 every few min',
      'DHL tracking api return 503 since morning, customer keep asking where parcel',
      '极兔的轨迹接口超时了，客服一直在催',
      'shunfeng jiekou 502 le miandan da bu chu lai',
      'the POS terminal at Mid Valley cannot login since morning, cashier stuck',
      '考勤app登录不上，一直转圈',
      'the parking app cannot login, OTP never come',
    ]);
  });

  it('OMS named beside them keeps its answer', () => {
    tops([
      ['OMS 页面打开全是 502 Bad Gateway，门店都在等', 'api-not-found'],
      ['收银那边说 OMS 登录不上，提示密码错误', 'login'],
      ['the OMS app login keeps failing with 401 since morning', 'login'],
    ]);
  });
});

describe("the office's errands", () => {
  it('are not OMS: equipment, a cover for a day off, research and minutes', () => {
    silent([
      '键盘有两个键失灵了 找谁换',
      'my headset broken, who to ask for new one',
      '周五我休假，帮我顶一下热线',
      'can someone cover my shift on friday, i on leave',
      '这份竞品分析帮我润色一下，老板明天要看',
      'summarise these user interview notes into a paragraph for my boss: 5 people want bulk actions, 3 want dark mode',
      '周会的会议记录一般怎么写比较清楚',
    ]);
  });

  it('OMS reports sharing their words keep their answer', () => {
    tops([
      ['用户调研的时候发现 OMS 登录接口返回 401', 'login'],
      ['用鼠标点了登录没反应，页面一直转圈', 'login'],
      ['我请假回来后端就起不来了，journalctl 里 status=217/USER', 'service-start'],
    ]);
    sections([
      ['OMS 有推荐的 nginx 配置模板吗', 'checklist#recommended-config'],
      ['值班同学出问题时先执行哪几条命令', 'checklist#quick-fixes'],
    ]);
  });
});

describe('how-to questions: what to send, how to tell the backend is up, a checklist to go through', () => {
  it('what to send whoever is turned to is support', () => {
    sections([
      ['系统实在弄不好了要找你们的话，需要给你们发什么东西', 'checklist#support'],
      ['要找你们开发的话 我得给你们准备哪些日志', 'checklist#support'],
      ['wo yao gei nimen fa shenme rizhi', 'checklist#support'],
      ['what logs do you need from me before you can look at the OMS issue', 'checklist#support'],
    ]);
  });

  it("telling oneself whether the backend answers is the API's checks by hand", () => {
    sections([
      ['想自己先确认一下后端接口是不是通的，有没有简单的方法', 'api-not-found#by-hand'],
      ['怎么判断 nginx 到后端 8000 那段是不是通的', 'api-not-found#by-hand'],
    ]);
  });

  it("a whole checklist to go through with someone is the checklist's by hand", () => {
    sections([
      ['is there a full checklist for OMS? want to walk the customer through it on the phone', 'checklist#by-hand'],
      ['do you have a complete checklist I can go through with the client for the OMS server', 'checklist#by-hand'],
      ['oms you meiyou yifen wanzheng de paicha qingdan', 'checklist#by-hand'],
    ]);
  });

  it('reports that share their words keep their answer', () => {
    tops([
      ['我确认过 nginx 到后端 8000 是通的，但页面还是 502', 'api-not-found'],
      ['rizhi fa gei nimen le, houduan haishi qi bu lai', 'service-start'],
      ['我把 curl 的结果发给你们了：后端 8000 是活的，/api/ 404', 'api-not-found'],
    ]);
  });
});

describe("an order system's own words beside the couriers and the office", () => {
  it('waybills, tracking, POS orders, a cover asked while OMS is down, and pages named 申领 stay OMS reports', () => {
    tops([
      ['运单号查询接口一直 404 not found', 'api-not-found'],
      ['物流轨迹页面打开就是 404 not found', 'api-not-found'],
      ['the pos orders are not showing, /api/ returns 404', 'api-not-found'],
      ['鼠标一点提交就丢失数据，接口返回 404', 'api-not-found'],
      ['帮我代码看一下，登录接口一直返回 401 登不上', 'login'],
      ['帮我替换一下管理员密码，超管登录不上', 'login'],
      ['帮我顶一下，后台服务一直重启，worker 全被 SIGTERM 杀掉', 'worker-sigterm'],
      ['申领单页面登录不上，提示用户名或密码错误', 'login'],
      ['竞品那边都能登，我们超管登录不上', 'login'],
      ['问卷结果导出的时候后台直接挂了，服务起不来', 'service-start'],
    ]);
  });
});
