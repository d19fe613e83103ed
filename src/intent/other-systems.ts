import { CONSOLES_AND_CALLERS, CONSOLES_AND_CALLERS_ZH } from './consoles-and-callers.js';
import { COURIERS_AND_TILLS, COURIERS_AND_TILLS_ZH } from './couriers-and-tills.js';
import { OFFICE_ERRANDS, OFFICE_ERRANDS_ZH } from './office-errands.js';
import { OTHER_LIVES, OTHER_LIVES_ZH } from './other-lives.js';
import { OTHER_TOPICS, OTHER_TOPICS_ZH } from './other-topics.js';
import { OWN_DESK, OWN_DESK_ZH } from './own-desk.js';
import { SITE_SYSTEMS, SITE_SYSTEMS_ZH } from './site-systems.js';
import { SPECIALIST_TOOLS, SPECIALIST_TOOLS_ZH } from './specialist-tools.js';
import { namesMatcher } from './term-scan.js';

/** Other systems' names in latin letters, each a whole word (an expression where it needs one). */
const OTHER_NAMES = [
  // databases, caches, queues, search
  'mysql',
  'mysqld',
  'mariadb',
  'postgres\\w*',
  'psql',
  // a DBA's short names, and a database's own roles ("pg 里建 superuser 用 CREATE ROLE 还是 CREATE USER")
  ...['pg', 'pgsql', 'create role', 'alter role'],
  'mongo\\w*',
  'redis\\w*',
  'memcache\\w*',
  'kafka',
  'rabbitmq',
  'rocketmq',
  'elasticsearch',
  'nacos',
  'zookeeper',
  'clickhouse',
  'oracle',
  'sql ?server',
  // CI, code, registries
  'jenkins',
  // the chat tool's own workspace ("bulk invite people to our slack workspace"), not a message relayed there
  'slack (?:workspace|admin|org)s?',
  'gitlab',
  'github',
  'sonar\\w*',
  'celery',
  'sidekiq',
  'airflow',
  // BI and dashboards ("superset 的 gunicorn 一直 WORKER TIMEOUT，BI 那边的问题")
  ...['superset', 'metabase', 'redash', 'tableau', 'power ?bi', 'bi'],
  'iis',
  // Windows' own services and tools ("Windows 服务设置失败后自动重启在哪配", "w3wp 进程 CPU 很高"); OMS compared with
  // them is read first (src/intent/comparison.ts)
  ...['windows ?(?:服务器?|services?|server|update|更新)', 'services\\.msc', 'w3wp', 'iisreset', 'mstsc'],
  'wordpress',
  'erp',
  "vendor's",
  'third[- ]party',
  'crm',
  'sap',
  'wp-admin',
  // another service named in an alert ("checkout-api", "payment-service"): not OMS's /api/ nor its backend
  '(?<!-)(?!(?:oms|backend|frontend|django|rest|web|admin|login|auth)-)' +
    '[a-z][a-z0-9]*-(?:api|svc|service|gateway)(?![\\w-])',
  'blog',
  ...OTHER_TOPICS,
  ...OTHER_LIVES,
  ...SITE_SYSTEMS,
  ...SPECIALIST_TOOLS,
  ...CONSOLES_AND_CALLERS,
  ...OWN_DESK,
  ...COURIERS_AND_TILLS,
  ...OFFICE_ERRANDS,
  'access denied for user',
  // a package manager's or git's own account and registry ("npm login 报 401", "git 登录不上"): not OMS's login
  '(?:git|npm|yarn|pnpm|pip3?)\\s*(?:的\\s*)?(?:login|登录|登陆|账号|密码|publish|registry|仓库|源|私服)',
  // the SSH daemon's own configuration ("批量改 sshd_config 关密码登录"): not OMS's login
  ...['sshd_config', 'passwordauthentication', 'permitrootlogin'],
  // a deployment tool's own connection to the hosts ("ansible 连不上目标机 登录失败", "ansible login failed")
  '(?:ansible|saltstack|terraform)\\s*(?:的\\s*)?(?:login|登录|登陆|连不上|ssh|unreachable)',
  '(?:ansible|saltstack|terraform)\\b[^,.;!?。，；！？\\n]{0,12}(?:目标机|被控|主机清单|inventory)',
  'maven',
  'gradle',
  'harbor',
  'nexus',
  'registry',
  'docker\\w*',
  'pipeline',
  'ci',
  // clusters and infrastructure
  ...['k8s', 'kubernetes', 'kubectl', 'kubelet', 'helm', 'pod', 'pods', 'ingress', 'crashloopbackoff', 'oomkilled'],
  'node ?notready',
  // managed and packaged clusters, and a pod's own hooks ("our flask microservice on EKS … preStop hook")
  ...['eks', 'gke', 'aks', 'openshift', 'rancher', 'k3s', 'minikube', 'prestop'],
  // the control plane's own parts ("kube-apiserver 502 from the load balancer")
  ...['kube-apiserver', 'kube-proxy', 'kube-scheduler', 'kube-controller-manager', 'coredns', 'calico', 'flannel'],
  ...['etcd', 'istio', 'ceph', 'nfs', 'vmware', 'esxi', 'openstack'],
  // monitoring
  'node_exporter',
  // office tools and networks; file shares
  ...['vpn', 'wifi', 'wi-fi', 'jira', 'confluence', 'wiki', 'yapi', 'oa', 'ldap'],
  // spreadsheet formulas and screens: office work, not OMS's import ("Excel 嘅 VLOOKUP 點用", "screen resolution")
  ...['[vhx]lookup', 'sumifs?', 'countifs?', 'pivot ?tables?', '(?:screen|display) resolution'],
  // a licence activated, not an account: "Windows 激活失败 0xC004F074", "office 激活码"
  '(?:windows|office|wps)\\s*(?:的)?\\s*(?:激活|activation)|激活码|产品密钥|product key|0xc004\\w+',
  ...['samba', 'smb', 'cifs', 'ftp', 'vsftpd', 'nas'],
  'active directory',
  'ad(?! hoc)', // "account disabled in AD"
  'sso',
  'outlook',
  'exchange',
  'email',
  'mail',
  'zoom',
  // other stacks and clients
  ...['java', 'jvm', 'tomcat', 'spring\\w*', 'php', 'golang', 'node\\.js'],
  // other Python and Ruby web frameworks (OMS is Django): "gunicorn in our flask service", "fastapi + uvicorn"
  ...['flask', 'fastapi', 'uvicorn', 'rails', 'laravel'],
  // node's own heap running out while building ("JavaScript heap out of memory"): not gunicorn's workers
  ...['javascript heap', 'max-old-space-size'],
  // a package mirror ("yum makecache 很慢"); an upgrade alone ("apt update 之后后端起不来") stays OMS's
  ...['makecache', 'mirrors?'],
  'android',
  'ios',
  'apk',
  'cdn',
  'dns',
  'sshd',
  // the server's own daemons: time, logging, audit, mail ("chronyd 起不来，时间不同步")
  ...['chronyd?', 'ntpd?', 'ntpdate', 'rsyslogd?', 'auditd', 'postfix', 'dnsmasq'],
  'publickey',
  'certbot',
  'letsencrypt',
  'x509',
  'ssl',
  'certificates?',
  'tls',
  // hardware and disks
  '(?:raid|pm2)',
  'printer',
  '(?<!vite |webpack |vue |前端 ?)dev server', // another box, not the front end's own ("vite dev server")
  // a network router, not the front end's ("the vue router")
  '(?<!vue[- ]?|react[- ]?)router',
  ...['laptop', 'brew', 'homebrew', 'macos'],
  "(?:another|other|side|personal|my own) (?:\\w+ )?(?:project|app|site|system)(?:'s)?",
  // another team's or department's system, in English: "the HR system's bulk import", "the billing platform"
  '(?:hr|finance|billing|payroll|accounting|attendance|ticketing|reporting|report|warehouse|inventory|helpdesk|' +
    'marketing|bank|banking|tax|notification|payment|shipping) (?:system|platform|app|portal|tool|site|service)s?',
  "(?:another|other|the data|the qa|the infra|the platform|the bi) team'?s",
  // "the staging nginx of the mobile team": another team's own (a team reporting a problem stays a channel)
  '(?:of|for) (?:the|another) (?!ops\\b|support\\b|sre\\b|oms\\b)[a-z]+ team',
  'e?hr ?(?:系统|平台|后台)', // "HR 系统批量导入员工"

  'home router',
  'projector',
  // desktops and their remote access (not "windows" alone: a unit file written on Windows, a browser's user agent)
  'windows server',
  'rdp',
  'mstsc',
  'remote desktop',
  // other web servers and proxies, a local development server
  'apache',
  'httpd',
  'mod_proxy',
  'caddy',
  'traefik',
  'haproxy',
  'envoy',
  'previous job',
  'last company',
  'old project',
  "(?:customer|client)'s own",
  "some(?:one|body) else'?s",
  'my local',
  'on my machine',
  'jump ?(?:host|server|box)',
  'bastion',
];

/** Another command's own complaint: "rm: cannot remove …", "tar: …". */
const COMMAND_COMPLAINT = '(?:^|\\s)(?:rm|cp|mv|tar|chmod|chown|mkdir|ln|scp|rsync|crontab): ';

/** Other systems and topics named in Chinese, anywhere in the text. */
const OTHER_NAMES_ZH = [
  '第三方',
  '博客',
  '我自己的|我自己(?:项目|工程)',
  '主从',
  '消息队列',
  // … not one put on the system (为了上证书, 配了证书以后): a step of OMS's own deployment
  '(?<![上配换装加]了?)证书(?!(?:换|配|装|上)(?:了|好|完))',
  '打卡',
  '考勤',
  '(?:公司|企业|个人|我的|腾讯|网易)邮箱|邮箱(?:被|账号|账户|锁|解锁|登|密码|满了|收不到|发不出|打不开|进不去)',
  '邮件',
  '钉钉',
  '企业微信',
  // WeChat's own login (a report heard on WeChat is a channel: src/intent/context.ts)
  '(?:网页版|电脑版|pc ?版|桌面版)微信|微信(?:网页版|电脑版|pc ?版|桌面版)|微信(?:登录|登陆|扫码登录)(?:不上|不了|失败|提示|异常)',
  '飞书',
  '小程序',
  '公众号',
  '安卓',
  '苹果',
  '堡垒机',
  '域控',
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
  '集群',
  '节点',
  '容器',
  '镜像',
  '流水线',
  '闪退',
  '预发',
  '灰度',
  '网络组',
  '交换机',
  '负载均衡',
  '对象存储',
  // the finance team's own system ("财务那边报表导不出来"); not its people, who use OMS too ("给财务总监建个超管", "财务在催",
  // "财务导出的时候 504")
  // "财务那边反馈", "财务部说": its people relaying, wherever they sit
  '财务(?!总监|经理|主管|同事|人员|专员|小姐姐|的?(?:同事|人|领导)|部(?:门)?的?(?:同事|人|领导)|(?:那边|这边|部门?)?(?:在催|催|说|反馈|反映)|的?(?:消息|话|意思)|导出)',
  '人事系统',
  '报销系统',
  '审批系统',
  '考勤系统',
  ...['禅道', '金蝶', '用友', '泛微', '致远', '蓝凌', '群晖', '路由器', '光猫', '摄像头'],
  ...['透视表', '分辨率', '显示器'],
  ...['网盘', '中台', '私服', '扫码枪', '小票', '电源'],
  '打印(?:服务|队列|不了|不出)|打不出(?:单|小票)',
  // a file share, a package mirror ("内网源是不是挂了", "yum 源", "pip 源"), a portal: not OMS
  '共享盘|共享文件夹|文件共享|(?:内网|软件|镜像|yum|dnf|apt|pip|本地|公司) ?源(?![码文])|门户',
  '(?<![资来电根水能])源(?:是不是|好像|又|也)?(?:挂了|挂掉|连不上|超时|太慢|很慢|失效)', // "是不是源挂了"

  '我本地',
  '(?:另一个|另外一个|另一套|另外一套|其他的?|别的|隔壁|别人的) ?(?:[a-z][\\w.-]* ?)?(?:项目|系统|平台|站点|网站|应用)',
  // … not another team as who touched OMS ("nginx配置刚被别的组动过", "隔壁组昨天改了我们的防火墙")
  '(?<!被)(?:隔壁|别的|其他|兄弟)(?:组|部门|团队|事业部|子公司|分公司)' +
    '(?!的?(?:人|同事|哥们|兄弟)?(?:刚|刚刚|昨天|今天|前天|上周|最近|之前)?(?:才)?(?:动|改|碰|调|重启|升级|删|换|加固)|把(?:我们|咱们|oms))|' +
    '(?:子公司|分公司|集团|事业部)(?:的|那套)|' +
    '(?!我们|咱们)[\u3400-\u9fff]{2}(?:组|部门|团队)(?:自己|的?那套|的?那台|搭的|自建的|部署的)',
  // another time or owner: a previous job, an old project, the customer's own system
  // a vendor's or an outsourced team's own ("供应商的平台登录 500", "外包那边的后台"); 供应商 alone is OMS's data; not
  // an outsourced person who touched OMS ("昨天外包的小哥动过nginx")
  '(?:供应商|厂商|厂家)(?:的|那边的?)(?:平台|系统|后台|网站|服务器)|外包(?:那边|团队|公司|的(?!小哥|同事|兄弟|哥们|同学|开发|运维|工程师|大哥|师傅|人))',
  '上家公司|前公司|(?:以前|之前)的公司|(?:以前|之前)(?:那个|的)项目|老项目|(?:客户|他们|人家|对方)(?:那边)?(?:自己的|自建的|自己搭的)',
  '远程桌面',
  // a platform's or a tool's own parts ("态势感知平台自己的后台登录不上了", "监控系统自己的接口 502"): not OMS's
  '(?:平台|系统|工具|软件)(?:它)?自己的? ?(?:后台|登录|登陆|接口|服务|页面|管理|控制台|账号)',
  ...OTHER_TOPICS_ZH,
  ...OTHER_LIVES_ZH,
  ...SITE_SYSTEMS_ZH,
  ...SPECIALIST_TOOLS_ZH,
  ...CONSOLES_AND_CALLERS_ZH,
  ...OWN_DESK_ZH,
  ...COURIERS_AND_TILLS_ZH,
  ...OFFICE_ERRANDS_ZH,
  '(?:财务|人事|报销|审批|考勤|打卡|工单|客服|仓储|报表|数据|测试|招聘|培训|会议|采购|合同|资产|物流|营销|电商|商城|' +
    '考试|学习|点餐|文档|知识库|活动|收银|会员|门店|超市|排班|薪酬|绩效|档案|预约|票务|停车|访客|积分|社保|hr|oa|erp|crm)' +
    ' ?(?:系统|平台)|大屏',
  // a shop's tills: "收银台登录不上", "POS 机连不上"
  '收银台|收银机|pos ?机',
  // another server than the one the bot diagnoses
  // … but not the test server named as where it works, the fault being elsewhere ("测试环境试过能进，生产上就是登不进去")
  '(?:测试环境|测试服|测试站)(?![^，。,.;；\\s]{0,4}(?:能登|能进|能用|可以|正常|没问题|是好的|好的|没事|都行|都好|ok))',
  ...['自己的 ?demo', '个人项目', '本地开发', '自己电脑', '我电脑', '我的电脑', '个人电脑', '笔记本'],
];

/**
 * Other systems, tools and topics often discussed in the same channel as OMS (src/intent/context.ts uses it):
 * a message naming one of them and nothing of OMS is about that system. Add a name here when operators talk
 * about a neighbour the matcher takes for OMS.
 */
export const OTHER_SYSTEMS = namesMatcher(OTHER_NAMES, OTHER_NAMES_ZH, [COMMAND_COMPLAINT]);
