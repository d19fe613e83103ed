/**
 * The systems a site runs beside OMS (src/intent/other-systems.ts lists them beside other systems: a message naming
 * one and nothing of OMS keeps too little of its score to be offered). Two populations name them most: a logistics
 * customer's night shift, who watch the warehouse's and the transport's own systems and devices, and a RHEL
 * administrator, whose other services share OMS's words (登录失败, 502, restart loop, SELinux denials).
 */

/** In latin letters, each a whole word (an expression where it needs one). */
export const SITE_SYSTEMS = [
  // the warehouse's and the transport's own systems and devices ("WMS 波次下发超时", "PDA gateway 504")
  ...['wms', 'tms', 'pda', 'pdas', 'rf gun', 'rf guns', 'handheld', 'handhelds', 'barcode', 'barcodes'],
  // another product of the company ("the other product's staging admin")
  ...['other product', 'other products', 'another product'],
  // a neighbour's own host ("gunicorn on the reporting host", "the WMS box")
  '(?:reporting|report|bi|etl|wms|tms|print|label) (?:host|box|server|machine|db|database)s?',
  // another application's server (OMS's backend runs gunicorn): "staging 的 nginx 502 是因为 uwsgi 没起"
  'uwsgi',
  // printing labels and waybills ("spooler 重启了还是不出", "lpstat: Unable to connect", "ZT410 offline")
  ...['spooler', 'lpstat', 'lpadmin', 'cups', 'cupsd', 'zebra', 'label printer', 'label printers'],
  // telephony: a softphone or a desk phone registering ("SIP 注册失败 408")
  ...['sip', 'softphone', 'softphones', 'pbx', 'asterisk', 'freeswitch', 'call center', 'call centre'],
  // the database's own backup ("RMAN 备份失败", "ORA-19502")
  ...['rman', 'ora-\\d{4,5}'],
  // a RHEL box's other services: logins through sssd, a tomcat behind httpd's AJP, RAID tools, package repos
  ...['sssd', 'realmd', 'winbind', 'kerberos', 'krb5', 'kinit', 'freeipa', 'ajp', 'ajp13', 'mod_proxy_ajp', 'catalina'],
  ...['megacli', 'storcli', 'mdadm', 'perccli', 'epel', 'repomd', 'createrepo', 'autofs', 'exportfs'],
  // a virtualisation administrator's and an automation engineer's own consoles ("vCenter 的 administrator 密码过期",
  // "Ansible Tower 升级后 admin 登录不上"): OMS is deployed with ansible, but these consoles' logins are their own
  ...['vcenter', 'vsphere', 'vami', 'vcsa', 'ansible tower', 'awx', 'semaphore ui', 'rundeck', 'veeam', 'proxmox'],
];

/** In Chinese (or mixed), anywhere in the message. */
export const SITE_SYSTEMS_ZH = [
  // warehouse devices: handhelds, scanners, scales, waybills, sorting lines ("手持终端登录提示密码错误", "称重台接口超时")
  ...[
    '手持',
    '扫描枪',
    '扫码枪',
    '巴枪',
    '称重台',
    '电子秤',
    '面单',
    '条码网关',
    '分拣线',
    '分拣机',
    '堆垛机',
    '输送线',
  ],
  // the site's other systems by what they do ("分拣系统的接口全 502", "仓储那套的后台", "报表机上的 celery");
  // "导出报表那个接口" is OMS's own export
  '(?:分拣|仓储|运输|调度|条码|打单|称重|坐席|呼叫|面单|叫号|充电桩)(?:系统|平台|服务|软件|后台|那套|那边)',
  '报表(?:那边|那套|那台|机|库|服务器|组)|(?:仓储|分拣)(?:那台|那个系统)|条码打印',
  // the trade's other systems ("报关系统接口超时", "冷库温控系统离线", "月台预约系统卡死")
  '(?:报关|关务|清关|海关|结算|计费|对账|开票|税务|配送|质检|排产|温控|冷链|月台|预约|叉车|堆场|车队)(?:系统|平台|接口|终端|那边|行)',
  // another service of one's own ("我们另一个服务的 admin"); "别的服务都正常" is said to be fine
  '(?:另一个|另外一个)服务',
  // printing waybills and labels ("打单服务挂了，快递单打不出来", "标签机离线")
  ...['打单', '标签机', '(?:快递单|运单|面单|标签)(?:都|也|又|还是)?打不出'],
  // the transport's own: drivers' app, carriers, vehicle tracking, a site's industrial PCs ("司机 app 登录一直转圈")
  ...[
    '司机端',
    '司机app',
    '司机 app',
    '运力',
    '承运商',
    '快递公司',
    '物流公司',
    '电子围栏',
    '车辆定位',
    '车载',
    '工控机',
  ],
  // another party's interface ("对方接口 401，token 过期了"), throttled on their side ("对接方说他们限流")
  '(?:对方|对接方)(?:的)?(?:接口|系统|平台|服务器)|(?:他们|对方|对接方|供应商|承运商)(?:那边)?(?:在|做了|开了)?限流',
  // telephony ("呼叫中心坐席话机登录不上", "分机全是忙音")
  ...['话机', '坐席', '呼叫中心', '分机', '座机', '软电话', '电话打不'],
  // the database's own backup ("归档日志目录满了")
  ...['归档日志', '数据库备份'],
];
