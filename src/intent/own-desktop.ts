/**
 * An office PC (新电脑, 值班电脑, 前台电脑, a Windows version): its own logon to the domain is not OMS's ("夜班电脑开机
 * windows 登录不进去", "提示此工作站和主域间的信任关系失败"), but users open OMS from it ("值班电脑打不开后台页面",
 * "win10 上 chrome 打开后台一直白屏"). It names another life with a logon word, or when no part of OMS is named.
 */
const DESKTOP = /(?:新|夜班|工位|办公|公司|前台|值班)电脑|(?<![a-z])(?:win|windows ?)(?:7|8|10|11)(?![\d.])/;
const LOGON = /开机|加域|退域|主域|域(?:账号|帐号|用户|控)|信任关系|windows\s*(?:登录|登陆)|锁屏|\blogon\b/;
const OMS_PART =
  /后台|后端|前端|系统|接口|页面|网站|站点|(?<![a-z])(?:oms|admin|api|backend|nginx|gunicorn|django|csrf)(?![a-z])|\d{3}/;

/** Does the message place its trouble on an office PC's own logon? */
export function namesOwnDesktop(text: string): boolean {
  return DESKTOP.test(text) && (LOGON.test(text) || !OMS_PART.test(text));
}
