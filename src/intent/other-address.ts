import { gated } from './gated.js';
/**
 * OMS reached by another address or on another node of its own (read by src/intent/around-oms.ts, so by
 * src/intent/context.ts and src/intent/placement.ts): the server itself reached over Remote Desktop ("在服务器本机远程
 * 桌面里用 localhost 打开能登录"), the network team re-addressing the server ("网络组重新规划了网段"), a gray-release
 * node of OMS beside its twin installed from the same package ("灰度节点上接口全是502，另一台正常，两台装的是同一个升级包").
 * Each is left out; what remains is placed as before (Remote Desktop's own trouble, another team's gray release, a
 * node named with another system, stay theirs).
 */

const BLANK = String.raw`[^,.;!?，。；！？\n]`;

/**
 * The server reached over Remote Desktop to open OMS there ("服务器本机远程桌面里用 localhost 打开", "远程桌面连到服务器上用
 * 浏览器", "RDP'd into the server, localhost works"); Remote Desktop's own trouble ("远程桌面登录不了") stays its own.
 */
const USED_THERE = String.raw`(?=\s*(?:里|上|中)?\s*(?:用|打开|访问|开|浏览器|localhost|127\.0\.0\.1|curl|chrome|edge))`;
const SERVER_BY_RDP = gated(
  new RegExp(
    [
      String.raw`(?:服务器|主机|server)\s*(?:本机|本地|自己)?(?:的|上的?|上)?\s*(?:远程桌面|\brdp\b|mstsc)(?:里|上|中)?${USED_THERE}`,
      String.raw`(?:远程桌面|\brdp\b|mstsc)\s*(?:连|登|进|登录|登陆)?(?:到|上|进)?(?:了)?\s*(?:那台|这台)?(?:服务器|主机)` +
        String.raw`(?:本机)?(?:上|里)?${USED_THERE}`,
      String.raw`\b(?:rdp'?d?|remote desktop(?:ed)?)\s+(?:in)?to\s+(?:the |our )?(?:server|box|host)\b` +
        String.raw`(?=[^.;!?]{0,40}\b(?:localhost|127\.0\.0\.1|browser|chrome|edge|opened|open)\b)`,
    ].join('|'),
    'g',
  ),
);

/** The network team re-addressing the server: "网络组重新规划了网段", "网管把网段改了", "network team re-IP'd the subnet". */
const READDRESSED = gated(
  new RegExp(
    [
      String.raw`(?:网络组|网络部|网络团队|网络的同事|网络那边|网管)\s*(?:的同事)?(?:把)?${BLANK}{0,6}?` +
        String.raw`(?:重新)?(?:规划|调整|划分|分配|改|换)(?:了)?\s*(?:一下|一遍)?\s*(?:网段|ip|地址|vlan|子网)?`,
      String.raw`\b(?:the )?network (?:team|guys|folks|people)\s+(?:re-?ip'?d|re-?addressed|changed|moved|renumbered)` +
        String.raw`\b[^,.;!?\n]{0,20}?\b(?:subnet|ips?|addresses|vlan|range)\b`,
    ].join('|'),
    'g',
  ),
);

/** A cheap look before {@link SERVER_BY_RDP} and {@link READDRESSED}. */
const MAY_ADDRESS =
  /远程桌面|rdp|mstsc|remote desktop|网络组|网络部|网络团队|网络的同事|网络那边|网管|network (?:team|guys|folks|people)/;

/** The gray-release node: "灰度节点", "灰度的那台", "这次灰度新加的机器", "canary node". */
const GRAY_NODE = gated(
  new RegExp(
    String.raw`灰度(?:的)?\s*(?:新加的|新上的)?(?:节点|机器|服务器|主机|那台|这台|环境)|灰度\s*新加的机器|` +
      String.raw`\b(?:gr[ae]y|canary) (?:node|box|host|server|machine)s?\b`,
    'g',
  ),
);
/** Its twin and the one package both got: "另一台正常", "两台装的是同一个升级包", "the other node is fine". */
const TWIN = gated(/另一台|另外一台|\bthe other (?:node|box|host|server|one)\b/g);
const SAME_RELEASE =
  /同一个(?:升级)?包|同一(?:个)?版本|升级包|新版本|新包|新dist|发版|\bsame (?:package|build|release|version|tarball)\b|\bupgrade\b/;

/** The text without OMS reached by another address or on its own gray-release node. */
export function withoutOtherAddress(text: string): string {
  let rest = MAY_ADDRESS.test(text) ? text.replace(SERVER_BY_RDP, ' 服务器 ').replace(READDRESSED, ' ') : text;
  if (/灰度|gr[ae]y|canary/.test(rest) && SAME_RELEASE.test(rest))
    rest = rest.replace(GRAY_NODE, ' ').replace(TWIN, ' ');
  return rest;
}
