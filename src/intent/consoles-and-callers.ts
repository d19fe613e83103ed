/**
 * Round 21's populations' other things (src/intent/other-systems.ts lists them beside other systems: a message naming
 * one and nothing of OMS keeps too little of its score to be offered). A virtualisation and infrastructure
 * administrator talks about the consoles of hypervisors, storage arrays and servers' management boards, each with its
 * own root or admin, lock-outs and 502s ("存储阵列管理界面 admin 输错几次密码被锁了", "vCenter VAMI won't let root log
 * in"); a DBA about a SQL review platform's own users ("Yearning 能不能批量导入用户"); an after-sales hotline agent about
 * callers' phones and PCs running out of memory, a site another vendor built, the desk's own reply scripts, and the
 * shop floor's standards (5S). OMS's own server running out of memory ("服务器内存不足 worker 被杀") stays OMS's.
 */

/** In latin letters, each a whole word (an expression where it needs one). */
export const CONSOLES_AND_CALLERS = [
  // hypervisors' and servers' management consoles ("vCenter VAMI on port 5480", "the iLO web console", "IPMI 502")
  ...['vcenter', 'vsphere', 'vami', 'idrac', 'ilo', 'ipmi', 'bmc', 'proxmox', 'pve', 'hyper-v', 'nutanix', 'zstack'],
  // storage arrays and backup software ("DeviceManager 超级管理员", "Veeam 的备份任务")
  ...['oceanstor', 'devicemanager', 'netapp', 'veeam', 'commvault', 'storage array', 'storage arrays'],
  // in pinyin ("cunchu zhenlie guanli jiemian denglu bu shang")
  'cunchu ?zhenlie',
  // a SQL review platform and its users ("Yearning 能不能批量导入用户", "can Archery import users")
  ...['yearning', 'archery', 'bytebase'],
  // a site built or hosted by someone else ("their online shop's admin panel, built by another company")
  '(?:another|a different|some other|other) (?:vendor|company|supplier|provider|agency)s?',
  '(?:built|hosted|made|run|developed) by (?:a |an |another |some |their )?(?:third|other|different|external)\\b',
  // a caller's phone or PC running out of memory ("is the phone's memory too small", "buy a new phone")
  "phone(?:'s)? (?:memory|storage|ram)",
  '(?:buy|get|change|replace) (?:a |her |his |their )?(?:new )?phone',
  // a call centre's scripts ("the standard reply script for angry callers")
  ...['reply script', 'reply scripts', 'call script', 'call scripts'],
];

/** In Chinese (or mixed), anywhere in the message. */
export const CONSOLES_AND_CALLERS_ZH = [
  // storage arrays and hyper-converged platforms ("存储阵列的管理界面", "华为存储的 DeviceManager")
  ...['存储阵列', '磁盘阵列', '超融合', '虚拟化平台'],
  '(?:华为|浪潮|华三|h3c|戴尔|dell|惠普|hp|联想|曙光)的?存储',
  // a phone's or a PC's own memory ("手机内存不够，要不要换手机", "电脑老是提示内存不足", "加内存条")
  '手机(?:的)?(?:内存|存储|空间)|换(?:个|一?台|一?部)?(?:新)?手机|内存条',
  '(?:电脑|台式机)[^,.;!?，。；！？\\n]{0,4}(?:内存|卡死|死机|蓝屏|黑屏)',
  // a call centre's own scripts ("话术库里的标准回复", "投诉升级的话术模板")
  ...['话术', '标准回复', '回复模板'],
  // the shop floor's and quality's standards ("5S检查的标准有哪些", "ISO9001 的检查清单", "安全生产检查"); not an audit
  // asking about OMS ("内审要我们解释后端日志里 worker 被 SIGTERM 的记录")
  '(?<![0-9])[5-7]s ?(?:检查|管理|现场|标准|审核|评比|推行)|安全生产(?:检查|标准|管理|月|责任)',
  ...['现场管理', 'iso ?9001', 'iso ?14001'],
];
