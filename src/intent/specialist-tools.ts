/**
 * The other tools of the specialists pulled into OMS support (round 20's populations: a DBA, a security and
 * compliance engineer, a business user of OMS, a monitoring engineer). src/intent/other-systems.ts lists them beside
 * other systems: a message naming one and nothing of OMS keeps too little of its score to be offered, and passive
 * listening stays silent beside one even when OMS is named. Vendors' names first, since consoles and appliances are
 * told by the maker ("奇安信天擎的管理后台 502 了", "金仓数据库的管理员密码忘了"); a security product that reports what
 * it saw is a channel instead (src/intent/security-channel.ts: "天擎报 gunicorn 是可疑进程").
 */

/** In latin letters, each a whole word (an expression where it needs one). */
export const SPECIALIST_TOOLS = [
  // the DBA's other databases, their proxies, consoles and clients (OMS runs on MySQL or SQLite:
  // playbooks/service-start.md)
  ...['pg', 'pg_\\w+', 'pgbouncer', 'pgpool\\w*', 'pgadmin\\w*', 'patroni', 'proxysql', 'navicat', 'dbeaver'],
  ...['kingbase\\w*', 'kstudio', 'ksql', 'dmserver', 'disql', 'dm8', 'oceanbase', 'obproxy', 'tidb', 'gbase\\w*'],
  ...['opengauss', 'gaussdb', 'polardb', 'sqlplus', 'lsnrctl', 'tns-\\d+'],
  // a database's own roles ("CREATE ROLE xx SUPERUSER LOGIN"): not OMS's superuser, made by createsuperuser
  ...['create role', 'alter role'],
  // … and its grants ("GRANT ALL PRIVILEGES ON *.* TO 'bi'@'%'", "root login works locally, grant issue?")
  ...['show grants', 'grant (?:all|select|usage|privileges?)', 'grants? (?:issues?|problems?)'],
  // application servers of the domestic stack and reporting tools ("TongWeb 的管理后台", "finereport 登录")
  ...['tongweb', 'weblogic', 'websphere', 'jboss', 'finereport', 'smartbi'],
  // the security engineer's scanners and bastions ("RSAS 扫描器登录页", "JumpServer 的 admin 被锁")
  ...['rsas', 'nessus', 'jumpserver'],
  // the company's single sign-on and its second factor ("Okta MFA push never arrives"): OMS has a password alone
  ...['okta', 'mfa', 'totp'],
  // the monitoring engineer's collector and Nightingale's own processes ("n9e-server 服务一直重启")
  ...['categraf', 'n9e-\\w+'],
];

/** In Chinese (or mixed), anywhere in the message. */
export const SPECIALIST_TOOLS_ZH = [
  // databases of the domestic stack ("人大金仓的 KStudio 连不上", "达梦的管理工具登录不上")
  ...['达梦', '金仓', '南大通用', '瀚高', '神通数据库', '高斯数据库', '巨杉'],
  // middleware and reporting ("东方通的管理后台", "帆软报表的管理后台")
  ...['东方通', '宝兰德', '中创中间件', '金蝶天燕', '帆软', '永洪'],
  // security vendors and their products ("360天擎控制中心后台登录失败", "亚信的防病毒控制台起不来")
  ...['奇安信', '天擎', '启明星辰', '天融信', '安恒', '明御', '亚信', '长亭', '雷池', '山石网科', '网神', '上网行为'],
  // a security device's own console ("数据库审计设备的后台", "蜜罐的后台", "杀毒软件的控制台");
  // not the device or program as what broke OMS ("安全那边跑过一个蜜罐程序，8000 被占了")
  '(?:日志审计|数据库审计|审计(?:设备|系统|平台|一体机)|(?:蜜罐|防病毒|杀毒|终端安全|终端管控|网闸|准入)(?:软件|设备|系统|平台|程序|一体机)?)' +
    '(?:自己)?的?\\s*' +
    '(?:后台|控制台|控制中心|管理(?:页面|界面|后台|端)|web ?(?:页面|界面|管理)|登录|登陆|账号|密码|超级管理员|超管|管理员)',
  // Nightingale's own console and account ("夜莺的后台登录不上"); not an alert it relays ("夜莺报了，OMS 接口 502")
  '(?:夜莺|n9e)(?:自己的?|的)\\s*(?:后台|控制台|web|页面|界面|登录|登陆|账号|密码|服务(?!器)|进程)|(?:夜莺|n9e)\\s*控制台',
  // appliances and platforms told by what they do ("加密机的 web 管理页", "配置中心的后台", "统一认证登录失败")
  ...['一体机', '加密机', '电子签章', '统一认证', '配置中心', '注册中心', '链路追踪', '漏洞管理', '安全网关', '零信任'],
  // the finance desk's tax devices and bank keys ("税控盘密码输错三次被锁了")
  ...['税控', '金税', 'ukey', 'u盾', '百望'],
];

/**
 * An alert's labels naming another service, team or host ("ServiceDown job=sms-sender", "owner=data-team",
 * "upstream=pay_backend", "on host face-recognition-01"); not OMS's own, its server's exporters and probes, nor a team
 * of operators ("job=oms-backend", "job=node", "job=blackbox", "service=http", "owner=ops"); a label, not a query
 * string ("login?app=pc"). Apart from the names above: read only when the message holds "=" or "on host" (a lookbehind
 * in the names' alternation cost every message ~10 %).
 */
const ALERT_LABEL = new RegExp(
  String.raw`(?:^|[\s{,(])` +
    String.raw`(?:job|service|app|application|unit|container|deployment|upstream|owner|team)=` +
    String.raw`(?!oms|backend|frontend|nginx|gunicorn|django|node|blackbox|process|categraf|prometheus|systemd|` +
    String.raw`web|api|http|probe|host|kylin|login|admin|worker|ops|sre|infra|platform|default|prod)[a-z]|` +
    String.raw`\bon host (?![\w.-]*oms|kylin|localhost|prod)[a-z]`,
);

/** Does an alert's label or its "on host" name another service, team or host (text lower-cased)? */
export function alertNamesOther(text: string): boolean {
  if (!text.includes('=') && !text.includes('on host')) return false;
  return ALERT_LABEL.test(text);
}
