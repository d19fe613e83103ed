import { gated } from './gated.js';
/**
 * The WAF, load balancer or CDN in front of OMS named as the way requests came or were checked ("绕过WAF直接访问 …/api/
 * 也是 not found", "响应头 Server 是 nginx，不是我们WAF的", "WAF 上没有任何拦截记录", "LB健康检查 GET /api/ 一直404，节点被
 * 打成down", "ALLOWED_HOSTS 要不要加 WAF 的回源地址", "SNAT 以后回源地址是 …"): the channel, not the system in trouble.
 * Read by src/intent/around-oms.ts. The device's own trouble ("WAF 控制台登录不上", "WAF 自己的 403 拦截页", "F5 的 pool
 * member 被打成 down", "CDN 回源流量超了") is none of these phrases, or checks no path of OMS's, and stays the device's.
 */

/** The devices in front, and "our device" as the vendor's engineer says it. */
const FRONT = String.raw`(?:waf|lb|slb|elb|alb|clb|cdn|f5|负载均衡(?:器)?|防护设备|(?:我们|咱们)的?设备)`;
const OURS = String.raw`(?:the |our |我们的?|咱们的?)?\s*`;

const AS_CHANNEL = gated(
  new RegExp(
    [
      // around it or through it: "绕过WAF直接访问", "bypassing the WAF", "通过我们WAF访问", "behind the load balancer"
      String.raw`(?:绕过|绕开|跳过|不经过|不走|直连|bypass(?:ing|ed)?|skipp(?:ing|ed)|around)\s*${OURS}${FRONT}`,
      String.raw`(?:经过|通过|走|经|through|via|behind)\s*${OURS}${FRONT}(?:\s*(?:以后|之后|后|访问|转发))?`,
      String.raw`${FRONT}\s*(?:后面|后边|背后)的?`,
      // said not to be the one answering or the cause: "不是我们WAF的", "应该不是我们设备的锅", "not from our WAF"
      String.raw`(?<!是)不是\s*${OURS}${FRONT}\s*(?:返回|回|拦|给)?的?(?:锅|问题)?`,
      String.raw`\bnot (?:from |by )?(?:our|the) ${FRONT}(?:'s)?\b`,
      // nothing blocked there: "WAF 上没有任何拦截记录", "the CDN shows no blocks"
      String.raw`${FRONT}\s*(?:上|里|这边|侧|日志里?)?\s*(?:(?<!有)没有?|无|并没有?|也没有?)\s*(?:任何)?\s*(?:拦截|拦|阻断|告警|命中)(?:记录|日志)?`,
      String.raw`\b(?:no|nothing) (?:blocked|logged|hits?|blocks?) (?:on|in|by) ${OURS}${FRONT}\b|` +
        String.raw`\b${FRONT} (?:shows|logged|has) no (?:blocks?|hits?|events?)\b`,
      // its origin address: "WAF 的回源地址", "SNAT 以后回源地址是", "源站 IP"
      // (the device's name, when there, before the keyword: no optional part may lead, a run of spaces would backtrack)
      String.raw`(?:${FRONT}\s*(?:的\s*)?)?(?:回源|源站)\s*(?:地址|ip)?|\bsnat\b(?:\s*(?:以后|之后|后))?`,
    ].join('|'),
    'g',
  ),
);

/** A health check of OMS's API ("LB健康检查配的 GET /api/", "health check on /api/"), and what it did to the nodes. */
const HEALTH_CHECK = gated(
  new RegExp(String.raw`(?:${FRONT}\s*(?:的\s*)?)?(?:健康检查|health ?checks?|探活|探测)(?=[^\n]{0,30}?\/api\b)`, 'g'),
);
const MARKED_DOWN = gated(
  new RegExp(
    [
      String.raw`(?:后端)?(?:节点|实例|\brs\b)\s*(?:全|都)?\s*(?:被)?\s*(?:打成|标记为?|置为|判为?|标成)\s*(?:down|不健康|离线|失败)`,
      String.raw`\b(?:marks?|marked|marking) (?:every |all |the )?(?:backend )?` +
        String.raw`(?:nodes?|members?|servers?|targets?|instances?)(?: as)? (?:down|unhealthy)\b`,
      String.raw`\b(?:nodes?|members?|targets?|instances?) (?:is |are |was |were |got )?` +
        String.raw`marked (?:as )?(?:down|unhealthy)\b`,
    ].join('|'),
    'g',
  ),
);

/** With the device named so, "not our box", "不是我们这边的" is the device said not to be the cause. */
const NOT_THE_DEVICE =
  /\bnot (?:our|the) (?:box|device|appliance|side)\b|(?<!是)不是(?:我们|咱们)(?:这边|设备)的?(?:锅|问题)?/g;

/** The text without the device in front named as a channel. */
export function withoutFront(text: string, whole = text): string {
  const channel = whole.search(AS_CHANNEL) >= 0;
  const seen = channel ? text.replace(AS_CHANNEL, ' ').replace(NOT_THE_DEVICE, ' ') : text;
  if (whole.search(HEALTH_CHECK) < 0) return seen;
  return seen.replace(HEALTH_CHECK, ' ').replace(MARKED_DOWN, ' ');
}
