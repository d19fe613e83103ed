import { gated } from './gated.js';
/**
 * How a report reached the channel and where it goes, not the system in trouble: the app it came by, a forwarded
 * message's label, a report it is to be written into, a deployment tool the answer is to be written into. Read by
 * src/intent/context.ts before it decides whose problem a message is.
 */

/**
 * The channel a report came by ("邮件里客户说后台登录不上", "钉钉群里有人反馈接口 502"): how the problem was heard of,
 * not the system in trouble. The channel's own trouble ("钉钉群里消息发不出去") stays another system's.
 */
const APPS = String.raw`(?:钉钉|企业微信|企微|微信|飞书|qq|邮件|email|wechat|dingtalk|wecom|feishu|lark|teams)`;
const CHANNEL = gated(
  new RegExp(
    String.raw`(?:在|从|通过)?(?:邮件|email|企业微信|企微|微信|钉钉|飞书|qq|电话)(?:群|里|上|中)*` +
      String.raw`(?:有人|客户|同事|用户|他们|领导|业务)?(?:说|反馈|反映|报|提到|提了|讲|问|吐槽|投诉)`,
    'gi',
  ),
);

/**
 * A forwarded message's label naming the app it came by ("转发（钉钉）：…", "【企业微信转发】", "fwd (WeChat):"): how
 * it reached the channel, like {@link CHANNEL}. The app's own trouble ("钉钉审批页面一直转圈") carries no label.
 */
const FORWARDED_VIA = gated(
  new RegExp(
    [
      String.raw`(?:转发|转自|转|来自|\bfwd?\b|\bforwarded(?: from)?)\s*(?:自\s*)?` +
        String.raw`[(\[]\s*(?:自\s*)?${APPS}(?:群|消息)?\s*[)\]]\s*:?`,
      String.raw`(?:转发|转自|来自|\bfwd?\b|\bforwarded from)\s*${APPS}(?:群|消息)?\s*:`,
      String.raw`[(\[]\s*${APPS}(?:群)?\s*(?:转发|转|消息|截图)\s*[)\]]\s*:?|${APPS}(?:群)?\s*(?:转发|消息)\s*:`,
    ].join('|'),
    'gi',
  ),
);

/**
 * A report the problem is to be written into ("要不要写进周报", "记到日报里"): where it is told, not another topic; a
 * weekly report alone ("周报模板谁发我一下") stays office chatter.
 */
const REPORTED_IN = gated(
  new RegExp(
    [
      '(?:写进|写到|写入|记到|记进|放进|放到|汇报到|报到)(?:本周的?|这周的?|今天的?)?(?:周报|日报|月报)(?:里)?',
      // … or where it was read ("领导在周报里看到了这几行")
      '(?:在|从)(?:本周的?|这周的?|今天的?)?(?:周报|日报|月报)(?:里|上|中)(?=看到|看见|发现|读到)',
    ].join('|'),
    'g',
  ),
);

/**
 * A deployment tool the answer is to be written into ("我要做成 ansible 模板", "to put it in an ansible role"): where
 * the answer goes, not the system the message is about.
 */
const TOOLED_INTO = gated(
  new RegExp(
    [
      String.raw`(?:做成|写成|写进|写到|放进|放到|改成|整理成|贴进|贴到|加到|加进)\s*(?:一个|个)?\s*(?:ansible|salt(?:stack)?|` +
        String.raw`terraform|jenkins|gitlab[- ]?ci)\s*(?:的)?\s*(?:一键|j2|jinja2?)?\s*` +
        String.raw`(?:模板|role|playbook|剧本|脚本|变量|post-?step|pipeline|job|流水线|步骤)`,
      // … or run there ("createsuperuser 放到 jenkins 里非交互执行", "放进 ansible 里"), its secrets the input ("密码从
      // jenkins 的凭据里取", "the password coming from a Jenkins credential"); not the tool's own build or secrets
      // ("jenkins 里构建一直失败", "jenkins 的凭据怎么批量导入")
      String.raw`(?:放进|放到|写进|写到|加到|加进|塞进|在)\s*(?:ansible|salt(?:stack)?|terraform|jenkins|gitlab[- ]?ci)\s*` +
        String.raw`(?:里|中)面?(?=\s*(?:(?:非交互|无交互|自动)(?:地|的)?)?\s*(?:执行|跑|运行|调用|创建)|\s*$|\s*[，。,.?？!！])`,
      String.raw`(?:从|用|拿)\s*(?:ansible|jenkins|gitlab[- ]?ci)\s*(?:的)?\s*(?:凭据|凭证|credentials?|vault|密钥)`,
      String.raw`\b(?:from|in|via|using) (?:an? |our |the )?(?:ansible|jenkins|gitlab[- ]?ci)(?: vault)? ` +
        String.raw`(?:credentials?|vault|secrets?)\b`,
      // a template for the tool ("turning it into a jinja2 template for ansible")
      String.raw`\b(?:jinja2?|j2) templates? (?:for|in) (?:ansible|salt(?:stack)?)\b`,
      // … or the tool that overwrote a file ("nginx 配置被 ansible 模板覆盖了"): what happened to OMS's file
      String.raw`被\s*(?:ansible|salt(?:stack)?|terraform|jenkins)\s*(?:的)?\s*(?:模板|role|playbook|剧本|脚本|任务|job)?` +
        String.raw`\s*(?:覆盖|改|重置|推|替换|冲掉)`,
      String.raw`\b(?:into|in|as) (?:an? |our |the )?(?:ansible|salt(?:stack)?|terraform|jenkins|gitlab[- ]?ci) ` +
        String.raw`(?:templates?|roles?|playbooks?|jobs?|pipelines?|post-?steps?|stages?)\b`,
      // what the tool wrote out: "diff against what ansible rendered", "ansible 渲染出来的 nginx 配置"
      String.raw`\b(?:ansible|salt(?:stack)?|terraform) (?:rendered|generated|templated|wrote|pushed)\b`,
      String.raw`(?:ansible|salt(?:stack)?|terraform)\s*(?:渲染|生成|下发|推下去|推过去)`,
    ].join('|'),
    'gi',
  ),
);

/** The text without how it was heard of and where it goes (each replaced by what keeps the clause readable). */
export function withoutHowHeard(said: string): string {
  return said
    .replace(CHANNEL, ' 说')
    .replace(FORWARDED_VIA, ' 转发: ')
    .replace(REPORTED_IN, ' ')
    .replace(TOOLED_INTO, ' ');
}
