import { namesMatcher } from './term-scan.js';
import { gated } from './gated.js';

/** Monitoring: it watches OMS as well as anything else ("监控平台接了我们后端的 error 日志"). */
const MONITORING = ['grafana', 'prometheus', 'zabbix', 'alertmanager', 'sentry', 'skywalking', 'elk', 'loki', 'kibana'];
/** Security monitoring: a SOC, its SIEM, a WAF, an IDS. */
const SECURITY_WATCH = ['soc', 'siem', 'waf', 'ids', 'splunk', 'qradar', 'wazuh'];
/** Ticket systems. */
const TICKETS = ['servicenow', 'itsm'];

/**
 * Tools that watch OMS as they watch everything else and relay what they saw: monitoring, security monitoring (a
 * SOC's SIEM, a WAF, an IDS), uptime probes and ticket systems. Named as where a report came from ("WAF 日志里
 * /api/orders/ 一直回 504", "the SIEM flagged …"), they are no system in trouble (src/intent/foreign.ts); before a
 * component of their own ("grafana 的 admin 登不上", "WAF 控制台") they stay that tool's.
 */
export const WATCHERS: ReadonlySet<string> = new Set([
  ...MONITORING,
  ...['nagios', 'datadog', 'newrelic', 'pagerduty', 'opsgenie', 'uptimerobot', 'kuma', 'blackbox', 'pingdom'],
  ...SECURITY_WATCH,
  ...TICKETS,
]);

/** What a watching tool (WATCHERS) does with OMS's trouble, said right after its name: it saw it and tells it. */
export const RELAYS = new RegExp(
  String.raw`^\s*(?:[:：]|(?:的|上|里|那边)?\s*(?:原始日志|日志|告警|报警|报了?|说|抓到|抓的|显示|看到|面板|大盘|规则|分析师|工单|` +
    String.raw`单子|给的|发的|发来|转来|转过来|截图|` +
    String.raw`(?:analysts?|flagged|says|said|shows|showed|reports?|reported|fired|alerts?|alerting|dashboards?|` +
    String.raw`probes?|logs?|rules?|tickets?|critical|warning)\b))`,
  '',
);

/**
 * A watching tool named as the source of what it relays ("WAF 日志里…", "nagios: CRITICAL …", "the SIEM flagged …"):
 * how the report was heard of, not a thing of every server's placing the message elsewhere (src/intent/context.ts
 * leaves it out before SHARED_INFRA is tried). "the SIEM itself is down" relays nothing.
 */
const RELAYED_BY = gated(new RegExp(String.raw`\b(?:${[...WATCHERS].join('|')})\b(?=${RELAYS.source.slice(1)})`, 'g'));

/** The text without watching tools named as the source of what they relay. */
export function withoutRelays(text: string): string {
  return text.replace(RELAYED_BY, ' ');
}

/** Does the text name a watching tool as the source of what it relays? Passive listening stays silent beside it. */
export function relaysReport(text: string): boolean {
  return text.search(RELAYED_BY) >= 0;
}

/**
 * Things every server has (the database, disks, the machine room, backups, cron): another team's topic when a
 * message names nothing of OMS, but OMS's own when it names one of OMS's specific parts ("刚部署完数据库是空的，
 * 一个能进后台的管理员账号都没有", "迁到新机房之后…整套东西排查一遍"). Passive listening stays silent on them.
 */
export const SHARED_INFRA = namesMatcher(
  [
    ...['disk', 'inode', 'cpu', 'load average', 'backups?', 'database', 'db'],
    // copying files and a development server: OMS's own beside its parts ("记事本改了 service 文件再 scp 上去",
    // "8000 is already in use — someone left a runserver"), another team's topic alone
    ...['scp', 'rsync', 'runserver'],
    // the tools OMS is deployed and reached with, and its test environment: "git pull 之后后端起不来", "ssh 上去看后端
    // failed", "npm run build 之后登录请求跑到 localhost"
    ...['ssh', 'git', 'pip', 'npm', 'yarn', 'pnpm', 'cron\\w*'],
    // a deployment tool OMS is rolled out with ("createsuperuser 在 ansible 里第二次跑就报这个"), another topic alone
    ...['ansible', 'saltstack', 'terraform'],
    // monitoring (WATCHERS)
    ...MONITORING,
    // a manual: OMS's beside its parts ("按说明书在后台导入"), a documentation question alone
    ...['user manuals?', 'user guides?'],
    ...['vulnerability scans?', 'security scans?', 'pentests?', 'penetration tests?'],
    // security monitoring and uptime probes relaying what they saw (WATCHERS): OMS's beside its parts
    ...SECURITY_WATCH,
    ...['nagios', 'datadog', 'pagerduty', 'opsgenie', 'uptime kuma', 'uptimerobot', 'pingdom'],
    ...['blackbox(?: exporter| probe)?', ...TICKETS],
    // the server's own network settings ("麒麟V10怎么改静态IP"): OMS's beside its parts (a migration), another topic alone
    ...['static ip', 'nmcli', 'netplan', 'ifcfg\\S*'],
  ],
  [
    '数据库',
    '缓存',
    '磁盘',
    '硬盘',
    '内存条',
    '机房',
    '备份',
    '定时任务',
    '告警',
    '报警',
    '(?:监控|运维)(?:系统|平台)',
    // security operations relaying an alert: "安全组转过来", "态势感知平台报…", "SOC 分析师说…"
    '(?:安全|监控|运维)(?:组|团队|部门|中心)|态势感知|安全运营|日志审计|堡垒机审计|工单系统',
    '构建',
    // the server's firewall: "防火墙没放行 80，后台打不开" is OMS's, "公司防火墙把 vpn 断了" another topic
    '防火墙',
    ...['用户手册', '使用手册', '操作手册', '说明书'],
    // a security review or compliance, a topic of its own ("安全查一下 nginx 的配置有没有漏洞", "等保说 selinux 不能关"),
    // OMS's beside its own parts;
    // not a fix that was made ("修复漏洞升级了 nginx 之后接口 502" is OMS's trouble)
    '静态\\s*ip|网卡',
    '漏洞扫描|扫漏洞|扫出(?:来)?(?:的|了)?漏洞|有没有漏洞|有什么漏洞|哪些漏洞|漏洞报告|等保|渗透测试|安全扫描',
  ],
);
