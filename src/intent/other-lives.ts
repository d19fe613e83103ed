/**
 * The rest of the writers' lives (src/intent/other-systems.ts lists them beside other systems: a message naming one and
 * nothing of OMS keeps too little of its score to be offered). The same channel hears about games and their servers,
 * shops and apps on the phone, home routers and the office's network devices, a Windows PC's domain logon, one's own
 * side project, and the bot itself; they share OMS's words (登录不上, 502, 端口被占用, gunicorn, admin, 超时) but the
 * problem belongs to someone else: a named product, a device, a person's own project or account.
 */

/** Shops and marketplaces: their orders are OMS's order source, so only one's own app, account or purchase counts. */
const SHOPS = 'taobao|tmall|jd\\.com|amazon|ebay|shopify|aliexpress|shopee|lazada';
const SHOPS_ZH = '淘宝|天猫|京东|拼多多|亚马逊|虾皮';

/**
 * A project of one's own: small, personal or for practice, or written oneself ("我自己写的小项目", "我的练手项目"); not
 * "我们自己的项目" (the team's: OMS) nor "我的项目里" alone.
 */
const OWN_PROJECT =
  String.raw`(?<![们咱])(?:我|自己)(?:的\s*(?:[a-z][\w.-]*\s*)?(?:小|个人|练习|练手)|` +
  String.raw`(?:写|做|搭)的\s*(?:[a-z][\w.-]*\s*)?(?:小|个人|练习)?)`;

/** In latin letters, each a whole word (an expression where it needs one). */
export const OTHER_LIVES = [
  // games and their servers ("my own minecraft server keeps crashing with OOM", "steam 登录一直转圈")
  ...[
    '(?:video|online|mobile|pc|console) games?',
    'game (?:servers?|launcher|accounts?|consoles?)',
    'games',
    'gaming',
    'minecraft',
    'steam',
    'ps3',
    'ps4',
    'ps5',
    'xbox',
    'nintendo',
    'genshin',
    'valorant',
    'epic games',
  ],
  ...['roblox', 'valheim', 'factorio', 'terraria', 'palworld', 'dedicated server', 'dedicated servers'],
  // shops, payments and a phone's apps ("amazon 下单 502", "paypal login fails")
  // as one's own app, account or purchase: a shop's orders are OMS's order source ("amazon orders import fails")
  `(?:${SHOPS})(?:'s)? (?:apps?|accounts?|prime|seller (?:center|centre|central)|cart|wishlist)`,
  `(?:my|i) (?:\\w+ ){0,3}(?:on|from|in) (?:${SHOPS})`,
  ...['paypal', 'alipay'],
  // social, video and music apps, one's family's accounts ("my grandma can't log in to her facebook")
  ...['facebook', 'instagram', 'twitter', 'tiktok', 'whatsapp', 'telegram', 'linkedin', 'snapchat', 'reddit'],
  ...['youtube', 'netflix', 'spotify', 'chatgpt', 'openai'],
  '(?:my|her|his|our) (?:grandma|grandmother|grandpa|mom|mum|mother|dad|father|wife|husband|kids?|son|daughter|' +
    "brother|sister|parents|girlfriend|boyfriend|car|tv|watch|bike)(?:'s)?",
  // public clouds' own consoles and accounts ("locked out of my AWS root account", "AADSTS50076")
  ...['aws (?:root|console|account|iam|sso|billing)', 'azure', 'aadsts\\w*', 'entra id', 'gcp', 'google cloud'],
  // a business's portal for its own customers ("the dentist's booking portal times out on login")
  '(?:booking|patient|parent|student|tenant|citizen|benefits?) (?:portal|site|website|app)s?',
  ...['iphone', 'ipad', 'kindle', 'smart tv', 'smarttv', 'chromecast', 'app store', 'play store', 'google play'],
  // network devices and their makers ("the admin page of the H3C core switch", "our FortiGate's web login")
  ...[
    'h3c',
    'cisco',
    'juniper',
    'fortigate',
    'fortinet',
    'mikrotik',
    'ubiquiti',
    'unifi',
    'tp-link',
    'tplink',
    'netgear',
  ],
  ...['openwrt', 'pfsense', 'opnsense', 'modem', 'access point', 'access points'],
  '(?:core|access|network|managed|poe|layer[- ]?[23]|l[23]|stack(?:ed)?) switch(?:es)?',
  // self-hosted applications at home or on the side ("nextcloud 登录后跳回登录页", "gitea admin locked")
  ...[
    'nextcloud',
    'owncloud',
    'jellyfin',
    'plex',
    'home assistant',
    'pi-hole',
    'pihole',
    'synology',
    'qnap',
    'portainer',
  ],
  ...[
    'gitea',
    'gogs',
    'mattermost',
    'rocket\\.chat',
    'discourse',
    'hexo',
    'hugo (?:site|blog|theme|server)',
    'jekyll',
    'ghost blog',
  ],
  // a Windows PC's own domain logon ("the trust relationship between this workstation and the primary domain failed")
  ...['face id', 'icloud', 'apple id'],
  ...['trust relationship', 'primary domain', 'domain controller', 'domain join'],
  // Microsoft Access, not access to something ("import excel into ms access")
  ...['ms access', 'microsoft access', 'access (?:database|db|\\.mdb|\\.accdb)', 'mdb', 'accdb'],
  // another application's own back end or services, its GitOps tools ("the mobile app's backend keeps returning 502",
  // "our payments microservice gets OOM-killed", "argo cd login says invalid session", "the kiosk tablets")
  ...['microservice', 'microservices', "(?:mobile|phone|android|ios|tablet) (?:apps?|clients?)(?:'s)?", 'kiosks?'],
  ...[
    '(?:check-in|picking|scanning|driver|delivery) apps?',
    'argo cd',
    'argocd',
    'argo',
    'fluxcd',
    'spinnaker',
    'tekton',
  ],
  // object storage's own console, a user-acceptance environment ("minio console keeps redirecting to login", "UAT's
  // login page returns 502"); staging alone is OMS's too ("staging 上 admin 里…批量导入用户按钮不见了")
  ...['minio', 'uat', "uat's"],
  // the plant's, the hospital's and the accounts' own suites, the servers' own management ports ("the MES line
  // terminal shows 'login failed'", "U8 的后台管理员密码忘了", "iDRAC web UI says maximum sessions reached")
  ...['mes', 'srm', 'plm', 'pacs', 'u8', 'u9', 'k3', 'k3cloud', 'bmc', 'idrac', 'ilo', 'ipmi'],
  // a school's own learning platform ("the school's moodle login gives 502")
  ...['moodle', 'blackboard'],
  // one's own side project, said outright ("personal question, not work related")
  ...['freelance', 'freelancing', 'moonlighting', 'side gig', 'side hustle', "side hustle's"],
  ...['next\\.js', 'nextjs', 'nuxt', 'nuxtjs', 'raspberry', 'raspberrypi'],
  ...['pet project', 'hobby project', 'toy project', 'weekend project', 'practice project', 'personal project'],
  '(?:my |a )?personal (?:\\w+ )?(?:droplet|server|box|instance|vps|website|site|blog|domain|account|repo)',
  ...['droplet', 'linode', 'digitalocean', 'github pages', 'netlify', 'vercel', 'heroku'],
  ...[
    'not work related',
    'not work-related',
    'unrelated to work',
    'nothing to do with work',
    'personal question',
    'off[- ]topic',
  ],
  // the bot's own behaviour ("are your commands read-only?", "does the bot restart things on its own?")
  "(?:bot|bot's|your) (?:own )?(?:commands?|checks?|permissions?|source ?code|latency)",
  '(?:does|will|would|can|could) (?:the |this )?(?:bot|it|you) (?:\\w+ ){1,4}(?:by itself|on (?:its|your) own)',
  '(?:the |this )?bot (?:is )?(?:so |really |very )?slow',
  '(?:is|was) (?:the |this )?bot written in',
  // what the bot keeps of what it is told ("does this bot keep a log of what I typed?")
  '(?:does|do|will|would|can) (?:the |this |your )?(?:bot|chatops) (?:keep|store|save|record|log|remember)s?\\b',
];

/** In Chinese (or mixed), anywhere in the message. */
export const OTHER_LIVES_ZH = [
  // games and their servers ("我的世界服务器开不起来", "王者荣耀登录不上", "原神启动器更新完进不去")
  ...[
    '游戏(?!公司|行业|厂商|客户)',
    '手游',
    '网游',
    '端游',
    '王者荣耀',
    '原神',
    '吃鸡',
    '和平精英',
    '英雄联盟',
    '我的世界',
    'mc服',
    '开黑',
  ],
  ...['星穹铁道', '崩坏[3三：:]', '崩铁', '蛋仔', '加速器', '主机游戏'],
  // a game by its nickname and its rituals ("王者又登录失败 排队3000多人", "农药上分", "排位掉线了"); not the idiom
  // 王者归来, pesticides (农药 is an agrochemical customer's goods: "农药订单导入后台报错"), a duty rota (值班排位) nor
  // 上分 inside other words (线上分支, 加上分页)
  ...['王者(?!归来)', '农药(?=上分|排位|开黑|段位|五排)', '打排位|排位赛|排位(?:掉线|连跪|匹配)', '开一把', '打一把'],
  ...['好友辅助验证', '辅助验证'],
  // one's own mood ("心态崩了" is the writer, not a service), a front or help desk ("服务台电话多少")
  ...['心态(?:崩|炸|爆)', '服务台'],
  // shops, delivery and a phone's apps ("淘宝下单页面 502", "拼多多商家后台登录不上")
  ...[
    `(?:${SHOPS_ZH})(?:的)?\\s*(?:app|账号|帐号|会员|购物车|客服|上买|买的|下单|店铺|店的?后台|商家|卖家|后台商家)|` +
      `(?:${SHOPS_ZH})[^,.;!?，。；！？\\n]{0,8}(?:付款|支付|购物车|抢购|秒杀|退款)|(?:我|自己)(?:在|从)(?:${SHOPS_ZH})`,
    '美团',
    '饿了么',
    '抖音',
    '快手',
    '(?<![a-z])b ?站',
    '哔哩哔哩',
    '小红书',
    '闲鱼',
  ],
  ...['看直播', '直播间', '推流', '家校', '银企直连', '论坛的?(?:账号|帐号|发帖|注册|管理员|后台|版主)'],
  ...[
    '虾皮',
    '卖家后台',
    '卖家中心',
    '门禁',
    '一卡通(?:系统|平台|充值|app)',
    '手机[^,.;!?，。；！？\\n]{0,8}\\bapp\\b',
    // an app the writer suspects their own phone of ("叉车预约的app打开显示502，是我手机的问题吗", "排班app…是不是我手机网络不好")
    '\\bapp\\b[^\\n]{0,30}?(?:我|自己)的?手机',
  ],
  ...['支付宝', '商家后台', '网店', '应用商店', '(?<![\\d[:])12306(?![\\d\\]])', '(?<![\\d[:])12123(?![\\d\\]])'],
  // travel and maps, smart home, stock trading, a bank's app ("携程订单页面 404", "招行 app 登录提示设备异常")
  ...['携程', '去哪儿', '飞猪', '滴滴', '高德', '百度地图', '航旅纵横', '小爱同学', '天猫精灵'],
  '智能(?:门锁|家居|音箱|手表|电视|插座|摄像头|手环)|扫地机',
  ...['股票', '炒股', '同花顺', '东方财富', '证券\\s*(?:账户|账号|app)', '基金', '招行'],
  // a citizen's own accounts and the services of daily life ("个税 app 登录提示密码错误", "驾校约车系统登录不上");
  // not a hospital itself: hospitals run OMS ("我们医院有三百多个职工要加到系统里")
  ...[
    '个税',
    '学信网',
    '驾校',
    '挂号(?:网站|小程序|app)',
    '考研',
    '报名系统',
    '物业',
    '闸机',
    '停车场',
    '对讲机',
    '政务服务',
  ],
  // network devices and their makers ("华为交换机 web 管理界面登录超时", "家里路由器后台打不开")
  '(?:华为|华三|h3c|思科|cisco|锐捷|深信服|飞塔|tp-?link|水星|腾达|小米|网件|中兴)的?\\s*' +
    '(?:交换机|路由器?|防火墙|ap|ac|光猫|无线|设备|核心)',
  '防火墙(?:的)?\\s*(?:web|管理|后台)(?:页面|界面|地址)?',
  '家里(?:的)?\\s*(?:wifi|宽带|网|电视|摄像头|打印机|路由)',
  // video, music and cloud-drive apps, cameras and recorders ("网易云音乐登录不上", "海康的录像机登录提示用户被锁定")
  ...[
    '网易云',
    '爱奇艺',
    '优酷',
    '腾讯视频',
    'qq音乐',
    '酷狗',
    '百度网盘',
    '海康',
    '大华',
    '萤石',
    '录像机',
    '硬盘录像',
  ],
  ...['树莓派', '阿里云控制台', '腾讯云控制台'],
  // one's family's own accounts and devices ("我爸的微信登录不上", "我弟的 steam 账号被盗了")
  '我家|(?:孩子|小孩)的?(?:平板|手机|电脑|账号)|小区的?(?:物业|停车|缴费|业主|app|小程序)|停车(?:缴费|费)',
  '(?<!其)(?:我|他|她)(?:爸|妈|老婆|老公|媳妇|弟|哥|姐|妹|奶奶|爷爷|外婆|外公|孩子|儿子|女儿|对象|女朋友|男朋友)' +
    '的?[^,.;!?，。；！？\\n]{0,8}?(?:手机|电脑|平板|笔记本|账号|帐号|微信|qq|邮箱|电视|路由|app|小程序|游戏|steam)',
  // a friend's or a relative's own ("朋友的爬虫在他的云服务器上收到 SIGTERM", "室友的 flask 项目"); not 同学, a colleague
  // at work ("运维同学的电脑上打开后台 404")
  '(?:朋友|室友|舍友|亲戚)(?:家|开)?的?[^,.;!?，。；！？\\n]{0,8}?' +
    '(?:手机|电脑|项目|网站|爬虫|脚本|程序|服务器|店|公司|博客|app|小程序|账号|python|django|flask)',
  // a machine or an environment said to be for tests, demos or training ("10.0.3.7 上的 nginx 502，那台是测试用的")
  '(?:那台|这台|那个机器|那个环境)(?:只)?是(?:测试|演示|培训|备用|实验|练习|压测)(?:用|环境)?的|(?:演示|培训|压测|uat)\\s*环境',
  // a Windows PC's own logon and domain ("提示此工作站和主域间的信任关系失败", "夜班电脑开机 windows 登录不进去")
  ...['主域', '信任关系', '加域', '退域'],
  // Microsoft Access ("excel 导入 access 数据库一直报错")
  '(?<![a-z])access\\s*(?:数据库|的?表|文件)',
  // one's own side project, said outright ("自己的 Django 练手项目", "跟公司的无关哈 纯私人问题")
  '个人(?:网站|博客|主页|服务器|站点|域名|云服务器)',
  // a job on the side ("私活：客户的 django 网站 admin 样式丢了", "接了个外包，客户的 nginx 反代 404")
  '私活|兼职|副业|接了?(?:个|一个)?外包',
  // installed on one's own device at home ("我在自己树莓派上装的", "家里自己搭的")
  '(?:(?<![们咱])自己|家里)的?(?![^,.;!?，。；！？\\n]{0,4}机房)[^,.;!?，。；！？\\n]{0,8}(?:上|里)(?:装|搭|部署|跑)的|(?:在家|家里)自己(?:搭|装|部署)的',
  ...['练手', '私人问题', '个人问题', '业余项目', '周末写的', '兴趣项目'],
  '(?:跟|和|与)(?:公司|工作)(?:的)?(?:无关|没关系|没有关系)',
  `${OWN_PROJECT}\\s*(?:项目|网站|小程序|程序|app)`,
  // another project's own Django project, told by its name ("ticket-system 的 django 项目")
  '(?<![\\w-])(?!oms\\b|django\\b|python\\b|flask\\b)[a-z][\\w-]*\\s*(?:的|那个)\\s*(?:django|flask)\\s*项目',
  // the bot's own behaviour ("你跑的命令都是只读的吧", "你会不会自己重启我们的服务", "机器人回复好慢")
  '你(?:跑|执行|用|运行)的(?:那些)?(?:命令|检查|脚本)',
  '(?:你|bot|机器人)\\s*(?:会不会|不会|会)自己(?:去)?(?:改|重启|删|动|执行|操作)',
  '(?:bot|机器人)(?:的)?(?:回复|反应|响应|回得)(?:好|很|太|有点|特别)?慢',
  '(?:bot|机器人|你)是(?:用)?(?:什么|啥)(?:语言)?(?:写|做|开发)的',
  '(?:bot|机器人)(?:会不会|会|有没有)?(?:记录|保存|存|留)(?:下)?(?:我|我们)?(?:发|打|输入)的',
];

/**
 * Run on one's own laptop ("我笔记本上 WSL 里跑 docker compose 的 Django", "a django compose project on my laptop"):
 * outweighs a pasted Django exception (src/intent/context.ts) unless the server is named too (a laptop or WSL only the
 * way to it: "我用 WSL 连的服务器，gunicorn 日志里 …", "on my laptop I tailed the server log").
 */
export const OWN_LAPTOP = new RegExp(
  String.raw`(?<![们咱])(?:我|自己)的?(?:笔记本|电脑|mac|macbook)(?:上|里)?[^,.;!?，。；！？\n]{0,12}?(?:\bwsl2?\b|docker|跑|起)|` +
    String.raw`\b(?:on|in) my (?:own )?(?:laptop|mac|macbook|pc)\b|\bmy (?:own )?laptop(?:'s)?\b|\bwsl2?\b`,
  'i',
);
/** The server named beside a laptop (not a database client's "could not connect to server"): the way to it. */
export const SERVER_NAMED =
  /服务器|生产|线上|\bssh\b|(?<!connect to |connect to the )\bserver\b|\bprod(?:uction)?\b|journalctl|oms-backend/i;

/**
 * A project said to be one's own or someone else's outright (毕设, 练手, 私活, a side project, freelance work): it
 * outweighs a pasted Django exception, which otherwise names OMS's backend (src/intent/context.ts).
 */
export const OWNED_ELSEWHERE = new RegExp(
  String.raw`毕设|毕业设计|课设|练手|私活|兼职|副业|接了?(?:个|一个)?外包|私人问题|个人(?:项目|网站|博客)|` +
    String.raw`${OWN_PROJECT}\s*(?:项目|网站)|\b(?:side|pet|hobby|personal|toy|weekend|practice) project\b|` +
    String.raw`\bfreelanc\w*|\bhomework\b|\bmy (?:own )?(?:django|flask) (?:app|project|site)\b`,
  'i',
);
