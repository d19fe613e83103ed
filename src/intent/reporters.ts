import { gated } from './gated.js';
/**
 * Who reports or who was using OMS, named in its report: the customer's organisation in a hotline ticket ("客户：区政务
 * 服务中心 现象：…"), a department at work in OMS when it failed ("这个时间点正好是财务在导出全年的订单报表", "finance
 * was exporting the yearly report"), and one's own computer as where a misaddressed request went ("登录请求打到了
 * localhost:8000 上…我本地电脑上当然连不上"). Read by src/intent/around-oms.ts. The customer's own system, the
 * department's own ("财务那边报表系统导不出来"), the computer's own trouble keep their names elsewhere in the message.
 */

/** A ticket's customer field and its value, up to the next space or punctuation. */
const TICKET_CUSTOMER = gated(
  new RegExp(
    String.raw`(?:客户|客户名称|客户单位|报修单位|报障单位|使用单位|来电单位|单位名称|用户单位|` +
      String.raw`\b(?:customer|client) name|\bcompany)\s*[:：]\s*[^\s,，;；。]{1,24}`,
    'g',
  ),
);

/** Departments that use OMS. */
const DEPARTMENT = String.raw`(?:财务|仓库|销售|采购|客服|人事|行政|物流|运营|市场)`;
/** A department at work in OMS when the trouble came ("财务正在导出", "财务那边在跑月底对账导出"). */
const AT_WORK = gated(
  new RegExp(
    [
      String.raw`${DEPARTMENT}(?:部门?|组)?(?:的同事|同事|那边|这边)?\s*(?:当时|那时)?\s*(?:在|正在|刚|刚刚)\s*` +
        String.raw`(?=(?:跑|做)?\s*\S{0,6}?(?:导出|导入|下单|打印|录入|对账|批量|报表))`,
      String.raw`\b(?:finance|accounting|sales|warehouse|hr|purchasing)(?: team| dept| department| people| guys)? ` +
        String.raw`(?=(?:was|were|is|are) (?:exporting|importing|running|pulling|printing|uploading)\b)`,
    ].join('|'),
    'g',
  ),
);

/** The front end's requests sent to the local address ("登录请求打到 localhost:8000", "login request goes to 127.0.0.1"). */
const TO_LOCALHOST =
  /(?:请求|request|calls?|api|接口|前端|frontend|登录|登陆|login)[^。.!?！？]{0,24}?(?:localhost|127\.0\.0\.1)/;
/** One's own computer, where that address points. */
const OWN_COMPUTER = gated(
  new RegExp(
    [
      String.raw`(?:我|我的|自己的?|用户的?|用户自己的?|他的?|她的?)\s*(?:本地|本机)(?:电脑|机器)?上?`,
      String.raw`(?:我|我的|自己的?|用户的?|用户自己的?|他的?|她的?)(?:电脑|笔记本)上?`,
      String.raw`\b(?:my|his|her|their|the user's) (?:own )?(?:laptop|machine|pc|computer)\b`,
    ].join('|'),
    'g',
  ),
);

/** The text without who reports or who was using OMS. */
export function withoutReporters(text: string, whole = text): string {
  const told = text.replace(TICKET_CUSTOMER, ' ').replace(AT_WORK, ' ');
  return TO_LOCALHOST.test(whole) ? told.replace(OWN_COMPUTER, ' ') : told;
}
