/**
 * The lexicon's requests: what operators ask the bot for — a check-up, support, quick fixes, a recommended
 * configuration, a setup, a unit file (format: src/intent/lexicon.ts). The whole of OMS asked about is in
 * src/intent/lexicon-whole.ts.
 */
export const REQUESTS = {
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
      // the commands or steps to check with ("应该用哪些命令查", "按什么步骤排查")
      '(?:命令|步骤|办法|方法|工具)(?:来|去)?(?:查|排查|看|定位)(?![到出])',
      '看哪|先看|看什么',
      // checks reported as done: "这些都看过了", "ran: status … ; nginx -t …"
      '(?:都|全)(?:看|查|检查|试)过了',
      '^\\s*(?:ran|checked|tried)\\s*:',
      '全查',
      // one by one ("一项一项地查", "挨个排查", "逐项检查")
      '(?:一项一项|一个一个|一样一样|挨个|逐个|逐项|依次)(?:地|的)?(?:查|排查|检查|看|过)',
      '\\brun (?:it )?(?:all|everything)\\b', // "can you run everything"
    ],
    py: ['pai cha', 'jian cha'],
  },
  'quick-fix': {
    label: '快速修复命令 / quick fixes',
    zh: [
      '止血',
      '一键重启',
      '快速修复',
      '快速恢复',
      '常用命令',
      '重启命令',
      '紧急',
      '应急',
      '先执行',
      '先敲',
      '一把梭',
    ],
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
      // commands that bring it back ("先恢复服务的几条命令", "恢复用的命令"), not a backup's restore ("恢复数据的命令")
      '恢复(?:服务|业务|系统|oms)?(?:用)?的?(?:几条|一套|那些)?命令',
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
