/**
 * Whose problem is it? An ops channel talks about many systems; a message that
 * names another one (MySQL, Redis, Jenkins, the VPN, a k8s pod …) and nothing
 * of OMS is about that system, even when it says 登录失败 or 502.
 */

/** Words that name OMS itself: their presence keeps a message ours. */
const OMS_ANCHORS = new RegExp(
  [
    String.raw`\boms\b|oms[-_]?backend|\/opt\/oms|\/var\/log\/oms|oms_backend|超管|`,
    String.raw`vite_api_base_url|cors_allowed_origins|frontend-pc|订单管理系统|oms_db|oms_user|`,
    // A Django traceback pasted here is OMS's backend (the only Django application these playbooks know).
    String.raw`django\.(?:db|core)\.\w+`,
  ].join(''),
  'i',
);

/** Other systems, tools and topics often discussed in the same channel. */
const OTHER_SYSTEMS = new RegExp(
  [
    // databases, caches, queues, search
    'mysql',
    'mariadb',
    'postgres\\w*',
    'psql',
    'mongo\\w*',
    'redis\\w*',
    'memcache\\w*',
    'kafka',
    'rabbitmq',
    'rocketmq',
    'elasticsearch',
    'kibana',
    'nacos',
    'zookeeper',
    'clickhouse',
    'oracle',
    'sql ?server',
    // CI, code, registries
    'jenkins',
    'gitlab',
    'github',
    'git',
    'sonar\\w*',
    'celery',
    'sidekiq',
    'airflow',
    'ansible',
    'iis',
    'wordpress',
    'erp',
    "vendor's",
    'third[- ]party',
    'crm',
    'sap',
    'wp-admin',
    'blog',
    'access denied for user',
    'maven',
    'gradle',
    'npm',
    'yarn',
    'pnpm',
    'pip',
    'harbor',
    'nexus',
    'registry',
    'docker\\w*',
    'pipeline',
    'ci',
    // clusters and infrastructure
    'k8s',
    'kubernetes',
    'kubectl',
    'kubelet',
    'helm',
    'pod',
    'pods',
    'ingress',
    'crashloopbackoff',
    'oomkilled',
    'node ?notready',
    'etcd',
    'istio',
    'ceph',
    'nfs',
    'vmware',
    'esxi',
    'openstack',
    // monitoring
    'grafana',
    'prometheus',
    'zabbix',
    'alertmanager',
    'sentry',
    'skywalking',
    'node_exporter',
    'elk',
    'loki',
    // office tools and networks
    'vpn',
    'wifi',
    'wi-fi',
    'jira',
    'confluence',
    'wiki',
    'yapi',
    'oa',
    'ldap',
    'sso',
    'outlook',
    'exchange',
    'email',
    'mail',
    'zoom',
    // other stacks and clients
    'java',
    'jvm',
    'tomcat',
    'spring\\w*',
    'php',
    'golang',
    'node\\.js',
    'android',
    'ios',
    'apk',
    'cdn',
    'dns',
    'ssh',
    'sshd',
    'publickey',
    'certbot',
    'letsencrypt',
    'x509',
    'ssl',
    'certificates?',
    'tls',
    'cron\\w*',
    'rsync',
    'scp',
    'backup',
    // hardware and disks
    'disk',
    'inode',
    'raid',
    'cpu',
    'load average',
    'printer',
    'dev server',
    'router',
    'laptop',
    '(?:another|other|side|personal|my own) (?:project|app|site|system)',
    'home router',
    'projector',
  ]
    .map((w) => `(?<![a-z0-9_])${w}(?![a-z0-9_])`)
    .join('|') +
    // another command's own complaint: "rm: cannot remove …", "tar: …"
    '|(?:^|\\s)(?:rm|cp|mv|tar|chmod|chown|mkdir|ln|scp|rsync|crontab): ' +
    '|' +
    [
      '数据库',
      '第三方',
      '博客',
      '我自己的',
      '主从',
      '缓存',
      '消息队列',
      '磁盘',
      '硬盘',
      '内存条',
      '证书',
      '打卡',
      '考勤',
      '(?:公司|企业|个人|我的|腾讯|网易)邮箱|邮箱(?:登|密码|满了|收不到|发不出)',
      '邮件',
      '钉钉',
      '企业微信',
      '飞书',
      '小程序',
      '公众号',
      '安卓',
      '苹果',
      '堡垒机',
      '跳板机',
      '打印机',
      '投影',
      '会议室',
      '空调',
      '咖啡机',
      '报销',
      '发票',
      '工资',
      '团建',
      '周报',
      '日报',
      '官网',
      '支付',
      '短信',
      '验证码',
      '监控告警',
      '告警',
      '集群',
      '节点',
      '容器',
      '镜像',
      '流水线',
      '构建',
      '闪退',
      '测试环境',
      '预发',
      '灰度',
      '网络组',
      '机房',
      '交换机',
      '防火墙',
      '负载均衡',
      'CPU',
      '备份',
      '定时任务',
      '对象存储',
      '财务',
      '人事系统',
      '报销系统',
      '审批系统',
      '考勤系统',
      '禅道',
      '金蝶',
      '用友',
      '泛微',
      '致远',
      '蓝凌',
      '群晖',
      '路由器',
      '光猫',
      '摄像头',
      '网盘',
      '我本地',
      '(?:另一个|另外一个|其他的?|别的)(?:项目|系统|平台|站点|网站|应用)',
      '(?:财务|人事|报销|审批|考勤|打卡|门禁|工单|客服|仓储|报表|数据|监控|运维|测试|招聘|培训|会议|采购|合同|资产|物流|营销|电商|商城)(?:系统|平台)',
      '测试服',
      '测试站',
      '自己的 ?demo',
      '个人项目',
      '本地开发',
      '自己电脑',
      '我电脑',
      '我的电脑',
      '个人电脑',
      '笔记本',
    ].join('|'),
  'i',
);

/** Another machine named by a host-like name (build-02, web01, db-1) or in words ("另一台", "another server"). */
const OTHER_HOST = new RegExp(
  [
    '(?<![\\w.-])(?:build|web|db|app|node|srv|server|host|ci|runner|vm|gpu|etl|jump|mq|cache|es|kafka|redis|mysql)' +
      '[-_]?\\d{1,3}(?![\\w.-])',
    '另一台|别的机器|其他机器|别的服务器|其他服务器',
    '\\banother (?:host|server|box|machine)\\b',
    '\\bother (?:hosts?|servers?|boxes|machines?)\\b',
  ].join('|'),
  'i',
);

/** An announcement, not a problem: planned maintenance, a notice to everyone, a problem told as solved. */
const NOTICE = new RegExp(
  [
    '例行维护|计划维护|维护窗口|停机维护|请知悉|敬请|通知[:：]|届时|将于|停服|期间(?:无法|不能|会|将|暂停)',
    '预计.{0,8}恢复|请大家|提前保存',
    '\\bscheduled maintenance\\b|\\bmaintenance window\\b|\\bfyi\\b|\\bdowntime\\b|\\bwill be (?:down|unavailable)\\b',
    // a problem told as solved
    '已经?(?:解决|修复|修好|恢复正常)|问题解决了|搞定了|没问题了',
    '\\b(?:fixed|resolved|sorted) now\\b|\\bworks now\\b|\\bworking again\\b|\\bback to normal\\b',
  ].join('|'),
  'i',
);

/** The message says outright that it is not about OMS ("not OMS related", "跟 OMS 没关系"). */
const NOT_OURS = new RegExp(
  [
    String.raw`\bnot (?:an? )?oms\b|\bnot (?:related to|about|for) oms\b|\b(?:nothing to do with|unrelated to) oms\b`,
    String.raw`(?:与|和|跟)\s*oms\s*(?:无关|没关系|没有关系)|不是\s*oms\s*的|(?:非|不是)\s*oms\s*(?:问题|相关)`,
  ].join('|'),
  'i',
);

/** What the message says about whose problem it is. */
export interface MessageContext {
  /** Names OMS (its unit, paths, the super admin …). */
  ours: boolean;
  /** Names another system and nothing of OMS. */
  foreign: boolean;
  /** Announces something (maintenance, a notice) rather than reporting a problem. */
  notice: boolean;
  /** Names another system or host, whether or not it also names OMS: passive listening stays silent. */
  other: boolean;
}

/** Classify a normalised message. */
export function messageContext(text: string): MessageContext {
  // `ss -p` / `netstat -p` name every listening process (sshd, mysqld …): an inventory, not what the message is about.
  const said = text.replace(/users:\(\(.*?\)\)/g, ' ');
  if (NOT_OURS.test(said)) return { ours: false, foreign: true, notice: NOTICE.test(said), other: true };
  const ours = OMS_ANCHORS.test(said);
  const other = OTHER_SYSTEMS.test(said) || OTHER_HOST.test(said);
  return { ours, foreign: !ours && other, notice: NOTICE.test(said), other };
}
