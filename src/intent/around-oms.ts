import { withoutFront } from './in-front.js';
import { withoutOtherAddress } from './other-address.js';
import { TOOL, TOOLS_OWN, withoutRunner } from './ran-by.js';
import { withoutReporters } from './reporters.js';
import { withoutSessionPrompts } from './session-prompts.js';
import { gated } from './gated.js';

/**
 * Things around OMS named in a report of OMS's own trouble: the tool that deploys and restarts it, what happened to
 * its server before the trouble (a power cut, a restore from backup, the clock stepped), the user agent of a pasted
 * access-log line, the customer's own computer restarted as a step tried. Read by src/intent/context.ts (and
 * src/intent/placement.ts) before they decide whose problem a message is: each is left out, and what remains is
 * placed as before (the tool's own trouble, "jenkins 的 admin 密码忘了", is not left out and stays the tool's).
 */

/** Chinese phrases and what is done to OMS through the tool ("在 jenkins 里执行", "用 ansible 部署"). */
const DONE_TO_OMS =
  '执行|跑|运行|调用|部署|发版|发布|上线|装|安装|初始化|创建|建|重启|推|下发|配置|重置|改|做|生成|导出|出(?:一份|一个|个|份)';
const BLANK = String.raw`[^,.;!?，。；！？]`;

const DEPLOYED_BY = gated(
  new RegExp(
    [
      // "在 jenkins 里非交互执行", "用 ansible 的 playbook 重置", "通过 jenkins 发布"
      String.raw`(?:在|用|通过|从|拿|走|靠|tongguo|yong)\s*(?:${TOOL}|流水线|pipeline)${TOOLS_OWN}` +
        String.raw`\s*(?:的\s*${BLANK}{0,8}?)?\s*(?:里|上|中|来|去)?` +
        String.raw`(?=${BLANK}{0,10}?(?:${DONE_TO_OMS}))`,
      // "做成一个 jenkins 的一键 job", "放进 ansible 里", "做成 ansible 的 j2 模板"
      String.raw`(?:做成|写成|写进|写到|放进|放到|放在|改成|整理成|贴进|贴到|加到|加进|集成到|集成进|接到|接进|挪到|搬到)\s*` +
        String.raw`(?:一个|个)?\s*${TOOL}${TOOLS_OWN}\s*(?:的)?${BLANK}{0,8}?(?:模板|role|playbook|剧本|脚本|变量|job|任务|` +
        String.raw`流水线|pipeline|步骤|stage|里|中|上)`,
      // "the password coming from a Jenkins credential", "inside a jenkins pipeline stage", "via ansible"
      String.raw`\b(?:via|through|using|from|with|in|into|inside|as|by) (?:an? |our |the |my |each |every )?${TOOL} ` +
        String.raw`(?:credentials?|secrets?|vault|jobs?|pipelines?|stages?|steps?|playbooks?|roles?|tasks?|builds?|` +
        String.raw`deploys?|deployments?|runs?|inventory|templates?|post-?steps?)\b`,
      String.raw`\b(?:via|through|using) ${TOOL}\b`,
      // the tool deploying or restarting OMS: "jenkins 发版重启后端", "every time jenkins deploys"
      String.raw`${TOOL}\s*(?:每次|自动|一)?\s*(?:发版|发布|部署|上线|滚动|fabu|bushu|` +
        String.raw`重启(?=\s*(?:了|完)?\s*(?:后端|服务|oms|gunicorn|nginx|前端)))`,
      String.raw`${TOOL} (?:deploy(?:s|ed|ing)?|releases?d?|rolls? out|rolled out|redeploy(?:s|ed)?|` +
        String.raw`restart(?:s|ed)? (?:the |our )?(?:backend|service|oms|gunicorn|app))\b`,
    ].join('|'),
    'g',
  ),
);

/** After it: what happened to the server came first (以后, 之后, 完, "after"). */
const AFTER = String.raw`(?:了|完|过|好)*\s*(?:以后|之后|后|完)`;
const SERVER_EVENT = gated(
  new RegExp(
    [
      // a power cut: "昨晚机房那边停过一次电", "机房断电，来电以后"; not the room's own ("机房空调坏了")
      String.raw`机房${BLANK}{0,6}?(?:停电|断电|掉电|跳闸|停过\S{0,3}电|断过\S{0,3}电)|(?:停电|断电|掉电|来电|上电)${AFTER}`,
      String.raw`\b(?:after|since) (?:the |a |last night's |yesterday's )?` +
        String.raw`(?:power (?:outage|cut|failure|loss)|blackout)` +
        String.raw`(?: (?:in|at) (?:the |our )?(?:server room|dc|data ?cent(?:er|re)|machine room))?`,
      // a move: "服务器搬到新机房以后", "after the servers were moved to the new data centre"; not the move's own chores
      String.raw`(?:服务器|机器|主机|设备)\s*(?:搬|迁|挪|转移)(?:到|去|进)?了?\s*(?:新|另一个|别的)?机房${AFTER}`,
      String.raw`\bafter (?:the |our )?(?:servers? |boxes |machines? )?(?:were |was )?` +
        String.raw`(?:moved|relocated|migrated) to ` +
        String.raw`(?:the |a )?new (?:server room|dc|data ?cent(?:er|re)|machine room)\b`,
      // a restore: "从备份恢复完", "用昨天的备份还原之后"; not the restore's own failure ("从备份恢复失败")
      String.raw`(?:从|用|拿)?(?:昨天|昨晚|上周|之前|前天)?的?(?:备份|快照)(?:里|中)?(?:恢复|还原|回滚|导回|回灌|拉回)` +
        String.raw`(?!\s*(?:失败|报错|不了|不成功|出错|超时|中断|很慢|不动))(?:了|完|好)*(?:\s*(?:以后|之后|后))?`,
      String.raw`(?:恢复|还原|回滚)(?:了|完)?(?:备份|快照)${AFTER}`,
      String.raw`\brestor(?:e|ed|ing)\b[^.,;!?]{0,20}?\bfrom (?:the |a |our |last night's |yesterday's )?` +
        String.raw`(?:backups?|snapshots?)\b|\b(?:after|since) (?:the |a )?(?:backup |snapshot )?restore\b`,
      // the clock stepped: "chrony 追回来以后", "ntpdate 把时间校准以后"
      String.raw`(?:chronyd?|ntpd?|ntpdate|时间同步|校时|对时)${BLANK}{0,6}?(?:追回来|追上|同步|校准|校正|调回|调整|跳|纠正|改)` +
        String.raw`(?:了|完|好|回来|过)*\s*(?:以后|之后|后)`,
      String.raw`\bafter (?:chronyd?|ntpd?|ntpdate) (?:stepped|synced|corrected|fixed|jumped|adjusted)\b`,
    ].join('|'),
    'g',
  ),
);

/** A client's user agent in a pasted access-log line ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) …"). */
const USER_AGENT = gated(
  new RegExp(
    [
      String.raw`"(?:mozilla|dalvik|okhttp|python-requests|curl|wget|go-http-client|java|apache-httpclient)\/[^"]*"`,
      String.raw`\bmozilla\/\d\.\d \([^)]*\)(?: [\w.\/]+(?: \([^)]*\))?)*`,
    ].join('|'),
    'g',
  ),
);

/**
 * The computer OMS is used from, restarted or changed as a step tried ("重启电脑也没用", "电脑也重启过了", "换了一台电脑
 * 也一样", "restarted his PC already"). The computer's own trouble after it ("重启以后蓝屏了") names it otherwise.
 */
const WHO = '(?:自己的?|客户的?|用户的?|他的?|她的?|我的?|对方的?)?';
const PC_TRIED = gated(
  new RegExp(
    [
      String.raw`重启(?:了|过)?(?:一下|一遍|下)?${WHO}(?:电脑|笔记本|pc)(?=\s*(?:也|都|还是|依然|仍然|没用|无效|不行|,|，))`,
      String.raw`${WHO}(?:电脑|笔记本)(?:也|都)?(?:重启|重新启动)(?:了|过)+`,
      String.raw`换(?:了)?(?:一?台|个|别的|其他)(?:电脑|笔记本)`,
      String.raw`\b(?:restart(?:ed)?|reboot(?:ed)?|tried another|switched|changed) (?:my |his |her |their |the |a )?` +
        String.raw`(?:laptop|pc|computer)s?(?= (?:already|also|too|but|still)\b|\s*[,.;]|$)`,
      // the sheet made on one's laptop ("saved it as .csv coz excel very slow on my laptop")
      // (the look-behind after the words it ends with: at the front it was tried at every place of a long paste)
      String.raw`\bon my (?:own )?(?:laptop|pc|computer)\b` +
        String.raw`(?<=\b(?:excel|wps|csv|xlsx|sheet|file)\b[^.;!?]{0,25}?on my (?:own )?(?:laptop|pc|computer))`,
    ].join('|'),
    'g',
  ),
);

/**
 * The text without the things around OMS named in its report (each left out). `whole`: the whole message, when `text`
 * is one line of it (a session's prompt, a pipeline named on a line of its own, are told by the rest).
 */
export function withoutAroundOms(text: string, whole = text): string {
  const around = text
    .replace(USER_AGENT, ' ')
    .replace(DEPLOYED_BY, ' ')
    .replace(SERVER_EVENT, ' ')
    .replace(PC_TRIED, ' ');
  // the server reached over Remote Desktop, re-addressed, a gray-release node (src/intent/other-address.ts)
  const reached = withoutOtherAddress(around);
  // a pasted createsuperuser session, the pipeline running OMS's step, the device in front, who reports
  return withoutReporters(withoutFront(withoutRunner(withoutSessionPrompts(reached, whole), whole), whole), whole);
}
