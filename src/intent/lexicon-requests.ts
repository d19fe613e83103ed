/**
 * The lexicon's requests: what operators ask the bot for — everything checked, a check-up, support, quick fixes,
 * a recommended configuration, a setup, a unit file (format: src/intent/lexicon.ts).
 */
export const REQUESTS = {
  everything: {
    label: '全部 / everything',
    zh: [
      ...['全面', '整体', '各项', '每项', '全盘', '从头到尾', '一遍', '全跑'],
      ...['完整', '一项项', '全检', '体检', '每一项', '一键', '挨个', '逐项'],
      ...['都查', '都看', '全量', '全套', '上到下', '里里外外', '都检查', '系统性', '系统地'],
      ...['整套', '一整套', '彻底', '全方位', '方方面面', '从头', '全挂'],
    ],
    en: [
      'everything',
      'all of it',
      'whole',
      'complete',
      'full',
      'entire',
      'sweep',
      'all checks',
      'every check',
      'top to bottom',
      'all the checks',
      'systematic',
      'systematically',
      'thorough',
      'thoroughly',
      'front to back',
      // "from systemd all the way to the browser"
      'all the way',
      'soup to nuts',
    ],
    re: [
      // "end to end" of the whole, not of one part ("verify the login path end to end": the login's extent)
      '(?<!\\b(?:login|sign[- ]?in|api|admin|import|request|requests|path|flow)\\b[^.,;!?]{0,25})' +
        '\\bend[- ]to[- ]end\\b',
      "\\bnothing(?:'s| is)? work(?:s|ing)\\b",
      '(?:啥|什么|哪)都不(?:行|好使|能用|对)',
      // 所有, but not the extent of one fault ("所有数据列表都加载不出来", "所有页面都 502"): that part's own
      // … nor the people it reaches ("所有人都登陆不上", "所有用户")
      '所有(?!的?(?:数据|列表|页面|请求|菜单|按钮|图片|图标|样式|表格|报表|人|用户|同事|员工|账号|客户))',
      // 整个, but not one part's extent ("整个接口都 404", "整个服务起不来"): "整个系统打不开" stays the whole
      '整个(?!的?\\s*(?:接口|服务|后端|后台|前端|登录|页面|api|admin|nginx|gunicorn|worker))',
      // "麻烦全查一下", not a security check ("安全查一下")
      '(?<!安)全查',
      // 全部, but not what one operation did to all its items ("导入后如何验证全部创建成功"): that operation's own
      '全部(?!(?:都|已|已经|被)?(?:创建|导入|添加|新增|加上|录入|建好|成功|生效))',
    ],
    py: ['suo you', 'quan bu', 'quan mian', 'yi bian'],
  },
  /**
   * Three or more parts of OMS named in one list ("登录、接口、后台全有问题", "(login, api, admin)"): set by
   * src/intent/message.ts from the list, not by terms.
   */
  'several-parts': {
    label: '好几处 / several parts',
  },
  'all-fine': {
    label: '看着都正常 / all looks fine',
    zh: [
      '看着正常',
      '看起来正常',
      '都是好的',
      '都好好的',
      '都 ok',
      '也 ok',
      '也ok',
      '都ok',
      '一切正常',
      '都绿',
      '全绿',
      '都是 active',
      '都在跑',
    ],
    // Not "其他接口都正常" beside one symptom: the others are fine, not everything.
    py: ['dou zheng chang', 'dou mei wen ti'],
    en: ['all green', 'looks green', 'looks fine', 'looks ok', 'look fine', 'all good', 'all fine', 'seems fine'],
    re: [
      '\\b(?:all|everything) (?:looks|seems|is) (?:fine|ok|okay|good|green|normal)\\b',
      // Not "其他接口都正常" beside one symptom: the others are fine, not everything.
      '(?<!(?:其他|别的|其余|其它|另外)[^,.;!?。\\n]{0,10})都(?:正常|没问题)',
    ],
  },
  'where-to-start': {
    label: '从哪查起 / where to start',
    zh: [
      '从哪下手',
      '从哪开始',
      '从何下手',
      '从何查起',
      '从哪查起',
      '漏了啥',
      '漏了什么',
      '还漏了',
      '还能查什么',
      '还要查什么',
      '还有什么没查',
      '下一步查什么',
      '先查哪',
      '捋一遍',
      '从头捋',
    ],
    // "还有哪些要查的", "还有什么该查".
    re: [
      '还(?:有|能|要|该)(?:哪些|什么|啥)(?:要|可以|能|该|需要)?(?:查|检查|看)',
      // "还要查啥", "从哪里开始看", "先弄哪个"
      '还(?:要|能|该|得|需要)(?:再)?(?:查|检查|看)(?:啥|什么|哪些|哪)',
      '从哪(?:里|儿|层|一层|块|一块|个|步)?(?:开始)?(?:查|看|下手|入手|弄|搞|修)',
      '先(?:弄|查|看|搞|修)哪(?:个|里|儿|些)?',
      // "先查服务还是先查nginx": which part to check first.
      '先(?:排查|检查|查|看)[^,.;!?。，；！？\\n]{1,16}还是(?:先)?(?:排查|检查|查|看)?',
      '下一步(?:按|该|要|查|看|做|怎么)',
      // the order to check in ("手工排查的顺序是什么", "检查顺序", "in what order")
      '(?:排查|检查|查)的?(?:顺序|先后)|\\bin (?:what|which) order\\b',
      // Cannot tell which part is wrong ("不太对劲，具体哪里又说不上来", "can't tell what exactly is off"): the whole.
      '(?:哪里|哪儿|哪个|哪|什么|啥)[^,.;!?。，；！？\\n]{0,6}说不(?:上来|清|出来|好)|说不(?:上来|清楚?|出来)(?:是)?(?:哪|什么|啥)',
      '不知道(?:是|到底是)?(?:哪里|哪儿|哪个地方|哪块|哪)(?:出了?|有)?(?:的)?(?:问题|毛病|坏了|不对)',
      // "照着文档做完了还是跑不起来，不知道漏了哪步"
      '漏了哪(?:步|一步|个|些|里)',
      // "不确定是 nginx 还是 backend 还是前端的问题": which of three or more parts
      '不(?:确定|知道|清楚)(?:是|到底是)?[^.;!?。；！？\\n]{1,30}(?:还是|、|,)[^,.;!?。，；！？\\n]{1,30}还是',
      "\\b(?:can'?t|cannot|could ?n'?t|hard to) (?:tell|say|pin ?point|pin (?:it )?down) (?:what|where|which)\\b",
    ],
    en: [
      'where should i start',
      "what's next",
      'what next',
      'next step',
      'next on the list',
      'where do we start',
      'no idea where',
      'where do i start',
      'where do i even start',
      'where to start',
      'where to begin',
      'what else',
      'which first',
    ],
    py: ['cong na li kai shi', 'cong na li cha', 'cong na li xia shou'],
  },
  checkup: {
    label: '检查 / check-up',
    zh: [
      '检查',
      '排查',
      '体检',
      '巡检',
      '清单',
      '过一遍',
      '跑一遍',
      '全检',
      '查一遍',
      '诊断',
      '看一遍',
      '扫一遍',
      '验证',
      '核对',
      '核查',
    ],
    en: [
      'check',
      'checklist',
      'health check',
      'checkup',
      'audit',
      'go through',
      'sweep',
      'diagnose',
      'scan',
      'inspect',
      'troubleshoot',
      'debug',
      'verify',
    ],
    re: [
      '(?:整体|全部|都)(?:帮(?:我|忙)?)?(?:看|过|查)(?:一眼|一下|下|看)',
      '(?:怎么|如何|自己|先|从哪|去哪)(?:排)?查',
      '查(?:原因|问题|哪|什么|一下)',
      '定位',
      '看哪|先看|看什么',
      // checks reported as done: "这些都看过了", "ran: status … ; nginx -t …"
      '(?:都|全)(?:看|查|检查|试)过了',
      '^\\s*(?:ran|checked|tried)\\s*:',
      '全查',
    ],
    py: ['pai cha', 'jian cha'],
  },
  'quick-fix': {
    label: '快速修复命令 / quick fixes',
    zh: ['止血', '一键重启', '快速修复', '常用命令', '重启命令', '紧急', '应急', '先执行', '先敲', '一把梭'],
    en: [
      'quick fix',
      'quick fixes',
      'quick commands',
      'restart everything',
      'one-liner',
      'urgent',
      'emergency',
      'go-to commands',
      'fix commands',
    ],
    // Commands kept at hand to repair ("常用的一把梭修复命令", "修复用的命令"), not one command's meaning.
    re: [
      '常用的?[\u3400-\u9fff]{0,5}命令',
      '修复(?:用)?的?命令',
      // one click, one command to repair ("一键修的命令清单"): not one part's check by hand
      '一键(?:修|恢复|处理|搞定)',
      '先(?:跑|敲|执行)(?:哪|什么|啥)',
      // first aid: "急救用的几条命令，先让业务恢复"
      '急救|先(?:让|把)?业务(?:恢复|拉起来|跑起来)',
      // "出事了先敲什么"; not asking whether anything is wrong ("这一堆 ERROR 是出事了吗", "是不是出事了")
      '(?<!是)出事(?!了?\\s*[吗么嘛没?])',
      // a list of commands that restarts everything ("重启 oms 全套再看状态的命令清单"), in either order
      '重启[^,.;!?，。；！？\\n]{0,30}(?:命令清单|命令列表|一套命令|几条命令)|(?:命令清单|命令列表|几条命令)[^,.;!?，。；！？\\n]{0,20}重启',
      // A cheat sheet of commands, not of any tool ("a cheat sheet for vim").
      '\\bcheat ?sheets? (?:of|with|for) (?:the |our )?(?:\\w+ )?commands\\b|\\bcommands? cheat ?sheets?\\b',
      // hyphenated: "quick-fix commands only"
      '\\bquick-fix(?:es)?\\b',
    ],
    py: ['xiu fu ming ling', 'xiu fu de ming ling', 'xiu fu yong de ming ling'], // 修复命令, not read from re
  },
  recommended: {
    label: '推荐配置 / recommended configuration',
    zh: [
      '推荐',
      '标准配置',
      '应该长什么样',
      '完整配置',
      '范例',
      '示例',
      '参考配置',
      '标准',
      '参考',
      '长什么样',
      '长啥样',
      '正确的',
      '样例',
      '样板',
    ],
    en: [
      'recommended',
      'recommend',
      'sample',
      'reference config',
      'best practice',
      'look like',
      'correct',
      'proper',
      'sane',
      'typical',
      'baseline',
      'golden',
      'known-good',
      'known good',
    ],
    // "example", but not inside a host name (api.example.com).
    // "a reference nginx conf + .env": a reference copy of a configuration.
    re: [
      // "VITE_API_BASE_URL 要填什么", "what should ALLOWED_HOSTS be set to": the value of a setting.
      '[a-z0-9]+_[a-z0-9_]+\\s*(?:要|该|应该)?(?:填|写|设|配)(?:成)?(?:什么|啥|哪些|多少)',
      '\\bwhat should [a-z0-9]+_[a-z0-9_]+ be(?: set to)?\\b',
      // "正常配置应该啥样": what it should be, against the configuration at hand
      '(?:应该|该)是?(?:啥样|什么样)|正常的?配置(?:应该|该|是)',
      // "生产 .env 一般要配哪些项", "需要设置哪些参数", "which settings does it need": the settings a file should hold.
      '(?:要|该|应该|需要|得|必须)(?:配|填|设|写)(?:置)?(?:哪些|哪几)(?:项|个|些)?',
      '哪些(?:配置)?(?:项|参数|变量)(?:要|该|必须|需要)?(?:配|填|设|写)?',
      '\\bwhich (?:settings|variables|keys|options) (?:do|does|should|must)\\b',
      '(?<![.\\w])examples?(?![.\\w])',
      '\\breference\\s+(?:[\\w.-]+\\s+){0,2}(?:conf|config|configs|\\.env|env|files?|sites?|setup|units?)\\b',
    ],
    py: ['tui jian'],
  },
  setup: {
    label: '从零部署 / setup',
    zh: [
      '从零',
      '从头',
      '部署',
      '完整流程',
      '做成',
      '配置流程',
      '安装',
      '配成',
      '配置成',
      '弄成',
      '注册成',
      '开机自启',
      '开机启动',
      '自启动',
      '开机自动启动',
    ],
    en: ['setup', 'set up', 'install', 'from scratch', 'deploy', 'enable', 'on boot', 'at boot'],
  },
} as const satisfies Record<string, unknown>;
