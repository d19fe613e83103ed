import { gated } from './gated.js';
/**
 * A security or compliance tool named as where a line was seen or who asks about it ("SIEM 抓到的原文：…", "SOC 这边要
 * 判定是不是误报", "WAF logs say the 504 came from origin nginx", "审计那边问这条 ERROR 是什么"): how OMS's trouble was
 * heard of, like a chat app a report came by (src/intent/context.ts), not another system in trouble. The tool's own
 * trouble ("WAF 管理后台登录不上", "SIEM 的 agent 起不来") names no sighting and stays the tool's.
 */

/**
 * Security operations and compliance: the centre, its tools, the auditors (lower case: messages are normalised). Not
 * 等保: a compliance review is a topic of its own, OMS's only beside OMS's parts (src/intent/shared-infra.ts).
 */
const TOOLS = [
  String.raw`\b(?:soc|siem|waf|ids|ips|edr|xdr|ndr|hids|nids|splunk|qradar)\b`,
  '态势感知|安全运营(?:中心)?|安全(?:团队|部门|中心|组的?同事)|审计(?:组|部门|方|老师|人员|那边)?|合规(?:组|部门|方|那边)?',
  // security vendors' products reporting what they saw ("天擎报 gunicorn 是可疑进程", "绿盟扫出来…")
  String.raw`\b(?:rsas|nessus)\b|奇安信|天擎|绿盟|启明星辰|天融信|安恒|明御|亚信|长亭|雷池|漏扫`,
].join('|');

/** Who on the tool's side: "这边", "的同事", "analysts", "team". */
const WHO = String.raw`\s*(?:这边|那边|的同事|同事|的人|团队|平台|(?:team|analysts?|side)\b)?\s*`;

/** What the tool did with the line or what its people want: seen, caught, flagged, asked. */
const SEEN = [
  '抓到|看到|发现|告警|报了|报出|报(?=\\s)|报的|扫出|扫到|上报|反馈|反映|提到|标记|标成|判定|判断|问|说|要|想|转过来|推过来|工单|记录(?:到|里)|日志(?:里|中|显示)',
  String.raw`(?:flag(?:s|ged)?|caught|catch(?:es)?|saw|sees?|logged|logs?|alert(?:s|ed)?|ask(?:s|ed)?|wants?|` +
    String.raw`report(?:s|ed)?|says?|said|shows?|showed|picked up|raised|ticket)\b`,
].join('|');

const SIGHTING = gated(new RegExp(`(?:${TOOLS})${WHO}(?:${SEEN})`, 'g'));

/**
 * "not our WAF", "不是 WAF 的问题": the security tool (or the network in front) said not to be the cause, which says
 * nothing about whose the message is.
 */
const NOT_THE_CAUSE = gated(
  new RegExp(
    String.raw`\bnot (?:our|the) (?:waf|firewall|cdn|load balancer|network|ids|ips)\b|` +
      String.raw`不是\s*(?:waf|防火墙|cdn|负载均衡|网络)\s*(?:的问题|的锅|拦的|拦截的)|` +
      String.raw`(?:waf|防火墙|cdn)\s*(?:自己|本身|这边)?(?:没|没有)(?:拦|拦截|挡)`,
    'g',
  ),
);

/** Does the text name a security tool as a channel? Passive listening stays silent beside it, as beside any tool. */
export function namesSecurityChannel(text: string): boolean {
  return text.search(SIGHTING) >= 0;
}

/** The text with security tools named as a channel replaced by a plain "说" (nothing placed on another system). */
export function withoutSecurityChannel(text: string): string {
  return text.replace(SIGHTING, ' 说').replace(NOT_THE_CAUSE, ' ');
}
