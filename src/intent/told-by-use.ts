import { gated } from './gated.js';
/**
 * A system told by what it is for ("排课系统登录不上", "质量追溯平台接口 404", "车间的扫码报工终端登录失败"): a short run of
 * content characters opening a phrase, then 系统/平台/软件/终端/网站/论坛/小程序/客户端. OMS's own ways of naming itself
 * ("整个系统", "管理系统", "麒麟系统", "我们这个系统", "客户说系统用不了") are a word of OMS's or hold a function character.
 * A service or a console told the same way ("消息推送服务 OOM 了", "搜索服务起不来") is another system's too; OMS's are its
 * back end's and its back office's (后端服务, 后台服务), and a clause before them is no name ("结果服务起不来"). Not a back
 * office (后台): who uses it names OMS's own ("员工后台批量导入失败", "经销商后台登录提示密码错误").
 */
const TOLD_BY_USE = gated(
  new RegExp(
    String.raw`(?:^|[\s,.;:!?，。；：！？、（(]|的|那个|这个)([\u3400-\u9fff]{2,4}?)` +
      String.raw`(?:\s*(?:系统|平台|软件|终端|网站|论坛|小程序|客户端)|(的?(?:服务(?!器)|控制台)))`,
    'g',
  ),
);
/** Characters that make the run a clause, not a name ("客户说", "今天早上", "打开", "进不去", "整套"). */
const FUNCTION_CHARS =
  /[的说讲问开但是不没进去要紧整套们这那个先把让后前时候点就天早晚上下然成反映馈加我你他她它用户在给被和与或也都还再又很太么吗呢吧啊一有能可想看里中过到从对为新老原此该每各全登入访部署装升级启重停旧现目本同两]/;
/**
 * A verb of concern or cause taking the system as its object ("担心系统有隐患", "怀疑系统内存不够", "影响系统稳定"): a
 * clause about OMS, not a system's name.
 */
const CONCERN = gated(/担心|怀疑|觉得|感觉|希望|确保|影响|避免|防止|以免|害怕|生怕|关心|认为|以为|导致|造成|使得|怕/);
/** What OMS is, or what watches and runs it (shared infrastructure: src/intent/shared-infra.ts). */
const OMS_ITSELF =
  /管理|后台|订单|业务|生产|线上|内部|贵司|麒麟|操作|文件|监控|运维|告警|日志|工单|感知|安全|数据|测试|公司|客户|订货|下单|报单|销售|仓库|发货/;
/**
 * Before a service or a console, also OMS's parts and what it does (接口, 前端, 导出, 导入), and the words of a
 * clause (结果, 所以, 排查), nginx as a proxy, the browser's console: "所以服务起不来是因为这个吗", "代理服务 502 了",
 * "浏览器控制台：Access to XMLHttpRequest …".
 */
const OMS_PART_OR_CLAUSE =
  /接口|前端|系统|网站|应用|导出|导入|核心|基础|依赖|相关|主要|结果|所以|因此|导致|排查|检查|确认|如何|怎么|浏览器|开发者|谷歌|火狐|代理|反代|转发/;

/** Does the message name a system by what it is for, not OMS? */
export function namesSystemByUse(text: string): boolean {
  for (const m of TOLD_BY_USE.holds(text) ? text.matchAll(TOLD_BY_USE.re) : []) {
    const what = m[1]!;
    if (FUNCTION_CHARS.test(what) || OMS_ITSELF.test(what) || CONCERN.test(what)) continue;
    if (m[2] === undefined || !OMS_PART_OR_CLAUSE.test(what)) return true;
  }
  return false;
}
