/** OMS or one of its services named, in English: what everything tried is tried on. */
const OMS_WORD =
  '\\b(?:oms|services?|backend|servers?|nginx|gunicorn|workers?|api|admin|login|systemd|systemctl|django)\\b';
/** OMS, one of its parts or what is done to them, in Chinese: what everything restarted or tried is done to. */
const ZH_OMS_WORD =
  '(?:oms|服务|service|后端|backend|nginx|gunicorn|worker|进程|登录|登陆|接口|后台|admin|系统|api|reload|env|配置|systemctl)';
/** Everything restarted or tried, in English. */
const TRIED =
  '\\b(?:(?:restart(?:ed)?|bounced?|tried restart(?:ing)?) every ?thing|' +
  'tried (?:every ?thing|all the (?:usual|obvious) (?:things|fixes)))\\b';

/**
 * The lexicon's words for OMS as a whole (format: src/intent/lexicon.ts): everything, several parts, many problems at
 * once, all looking fine, not knowing where to start. A message naming them is answered by the playbook that declares
 * them (the checklist) ahead of any one part (src/intent/whole.ts).
 */
export const WHOLE_REQUESTS = {
  everything: {
    label: '全部 / everything',
    zh: [
      ...['全面', '整体', '各项', '每项', '全盘', '从头到尾', '一遍', '全跑'],
      ...['完整', '一项项', '全检', '每一项', '一键', '挨个', '逐项'],
      ...['都查', '都看', '全量', '全套', '上到下', '里里外外', '都检查', '系统性', '系统地'],
      ...['整套', '一整套', '彻底', '全方位', '方方面面', '从头', '全挂'],
    ],
    en: [
      'everything',
      'all of it',
      // "check all of oms" (its phrase matched any message with "check" and "oms": "all" and "of" are stop words)
      'all of oms',
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
      '(?:啥|什么|乜|乜嘢|哪)都(?:不|唔) ?(?:行|得|好使|能用|对|灵|work)|(?:啥|什么|乜|乜嘢)都(?:挂|瘫|崩)',
      // 所有, but not the extent of one fault ("所有数据列表都加载不出来", "所有页面都 502"): that part's own
      // … nor the people it reaches ("所有人都登陆不上", "所有用户")
      '所有(?!的?(?:数据|列表|页面|请求|菜单|按钮|图片|图标|样式|表格|报表|人|用户|同事|员工|账号|客户))',
      // 整个, but not one part's extent ("整个接口都 404", "整个服务起不来"): "整个系统打不开" stays the whole
      '整个(?!的?\\s*(?:接口|服务|后端|后台|前端|登录|页面|api|admin|nginx|gunicorn|worker))',
      // "麻烦全查一下", not a security check ("安全查一下")
      '(?<!安)全查',
      // a check-up of the whole ("做个体检"), not "具体检查步骤" (a detailed check of one part)
      '(?<!具)体检',
      // 全部, but not what one operation did to all its items ("导入后如何验证全部创建成功"): that operation's own
      // … nor one part's extent ("接口全部 502", "页面全部打不开"): that part's own
      '(?<!(?:接口|页面|请求|api|登录|后台|数据|菜单|按钮|图片|样式|报表)\\s?)' +
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
      // "go through the checklist", "run the full checklist"; not another one ("the onboarding checklist")
      '\\b(?:go(?:ing)? through|run|walk (?:me |us )?through|follow|do) (?:the|your|a) (?:full |whole |complete )?' +
        'check ?list\\b',
      // which layer is at fault ("分不清是哪一层的问题", "不知道是哪个环节出的问题", "can't tell which layer is broken")
      '(?:分不清|搞不清|弄不清|不知道|不清楚|看不出|判断不了|确定不了)(?:楚)?(?:是|到底是|究竟是)?(?:哪一?层|哪个环节|哪一环)',
      '\\b(?:which|what) (?:layer|tier|hop)\\b(?! of\\b)',
      // going through it together over OMS or a shell session ("pls go through it with me" over `systemctl …`, "陪我一起
      // 过一遍"), not a budget or a CV
      '(?:\\b(?:go|walk) through (?:it|this|everything|all of it|the whole thing) with (?:me|us)\\b|' +
        '(?:陪我|带我|跟我|和我|帮我)一起(?:过|捋|查|排查|看)一(?:遍|下))' +
        '(?=[\\s\\S]*(?:\\boms\\b|systemctl|nginx|后端|\\bbackend\\b|\\[root@|^\\$ ))',
      // "where do we even start", "where would you begin"
      '\\bwhere (?:do|should|would|can|shall) (?:we|i|you|one) (?:even )?(?:start|begin)\\b',
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
  /**
   * Everything restarted or tried and still broken ("能重启的都重启了", "试咗 restart 晒啲 service 都係唔得", "tried
   * restarting everything, still not ok"): every part's own remedy spent, the whole checklist is what is left. One
   * part restarted again and again ("后端重启了好几次还是起不来") is that part's.
   */
  'tried-everything': {
    label: '全都重启过/试过了 / everything restarted, still broken',
    re: [
      '能(?:重启|restart|试)的(?:都|全)(?:重启|restart|试)(?:了|过|遍)',
      // all of the services restarted, then "still" ("服务全重启了一遍也没用", "重启所有服务都仲係唔得"; Cantonese read
      // as Mandarin by src/intent/normalize.ts: 咗 → 了, 唔 → 不, 係 → 系)
      // … not a box restarting every night ("服务器每天凌晨都重启，还是会卡"), nor a phone ("手机都重启了还是没信号");
      // the first character looked at first, the look-arounds only where it stands (a unit's "Restart=" in a paste)
      `(?=[全都统挨重r])(?:(?<=${ZH_OMS_WORD}[\\s\\S]{0,40})|(?=[\\s\\S]{0,60}${ZH_OMS_WORD}))` +
        '(?<!(?:每天|每晚|每次|每周|每月|每隔|天天|定时|定期)[^，,。！？!?]{0,8})' +
        '(?:(?:全|都|全部|统统|挨个)(?:都)?(?:重启|restart)|(?:重启|restart) ?(?:晒|了?(?:所有|全部)的?(?:服务|service)?))' +
        '(?:了|过)?[^。！？!?]{0,16}(?:还是|仍然|依然|照样|也没用|没用|都系|仍系|不得|不行|不管用|没效果)',
      // everything tried ("重启、reload、改 env 都试过了，搞了一下午还是不行", "试过晒都唔得")
      '(?:都|全|晒)试(?:过|遍|了)了?[^。！？!?]{0,16}(?:还是|仍然|依然|照样|也没用|没用|都系|仍系|不得|不行)|试(?:过|了)晒',
      '\\b(?:restart(?:ed)?|bounced?|tried restart(?:ing)?) (?:every service|all (?:the )?services)\\b',
      // everything or all the usual fixes tried on OMS, not on a phone or a car ("restarted everything on my phone")
      `(?<=${OMS_WORD}[\\s\\S]{0,80})${TRIED}|${TRIED}(?=[\\s\\S]{0,80}${OMS_WORD})`,
    ],
  },
  /**
   * No clue where the fault is ("已经冇晒头绪", "一点头绪都没有", "日志也看不出个头绪"): weaker than asking where to
   * start (one part with no clue is that part's), read by src/intent/whole.ts only beside everything down or tried.
   */
  'no-clue': {
    label: '没头绪 / no clue',
    re: [
      '(?:没|冇|毫无|没有|看不出|找不到|理不出|摸不着|摸不到)(?:晒|个|啥|什么|一点)?(?:头绪|头脑)|头绪都没',
      // not telling which of two causes it is ("分不清是配置文件没改还是服务没起")
      '(?:分不清|搞不清|弄不清|说不清|看不出)(?:楚)?(?:是|到底是)[^,.;!?，。；！？\n]{1,20}还是',
    ],
    en: ['no clue', 'no idea what', 'clueless', 'at a loss'],
  },
  /**
   * All kinds of errors ("从昨晚开始 oms 就各种报错", "升级后各种异常"), not one kind said of one thing's many items: many
   * problems only beside OMS's name or one of its parts (src/intent/message.ts), not a car's, a phone app's or a
   * spreadsheet's ("新车各种毛病", "微信各种异常", "Excel 各种报错").
   */
  'all-kinds': {
    label: '各种报错 / all kinds of errors',
    py: ['ge zhong bao cuo', 'ge zhong mao bing', 'yi tuan zao', 'dao chu shi wen ti', 'quan dou you mao bing'],
    re: [
      '各种(?:各样的?)?(?:报错|错误|异常|故障|毛病)(?!码|信息|提示|类型)',
      // the whole in a mess, in slang ("生产环境一团糟", "乱成一锅粥"), problems everywhere after a migration ("到处是
      // 问题"), over a list of parts ("服务 nginx 前端 全都有毛病"); a home's or a car's are not OMS's
      '一团糟|一塌糊涂|一锅粥|(?:到处|处处)(?:是|有)(?:问题|毛病)|全都有(?:问题|毛病)',
    ],
  },
  'many-problems': {
    label: '一堆问题 / many problems',
    py: ['ge zhong wen ti', 'yi dui wen ti'],
    zh: [
      '一堆问题',
      '问题一大堆',
      '一大堆问题',
      '毛病一大堆',
      '一堆毛病',
      '各种问题',
      '问题很多',
      '症状很杂',
      '乱七八糟',
    ],
    en: [
      'bunch of issues',
      'bunch of problems',
      'lots of issues',
      'lots of problems',
      'multiple issues',
      'many issues',
    ],
    re: [
      '(?:好|好多|几|很多)(?:个|处|样)(?:问题|毛病|地方)(?:一起|同时|都|混)',
      // several places wrong at once after the box changed: "补丁重启之后…好几处不对", "升级以后多处异常" (not a document's or
      // a contract's places: "合同好几个地方有问题")
      '(?:重启|升级|补丁|断电|迁移|部署|上线|发版|reboot|upgrade)[^。！？!?]{0,16}(?:好几|好多|多)(?:处|个地方)(?:都)?' +
        '(?:不对|有问题|出问题|异常|报错|挂了|不正常)(?!的)',
      '(?:问题|毛病|报错)(?:混在一起|一起冒|扎堆)',
      // several parts each a little wrong ("前端後端 nginx 好似都有啲問題"): counted only beside two parts named
      '都(?:好像|好似|似乎|感觉)?有(?:点|些|啲|一些|一点)(?:问题|毛病|怪)',
      // many alerts at once: "一下子来了四条", "一晚上来了二十多条告警"
      '(?:一下子|一下|同时|一起|一晚上|一夜|半夜|夜里)[^,.;!?，。；！？\\n]{0,4}(?:来了|出来|冒出来?|报了|收到了?)' +
        '[^,.;!?，。；！？\\n]{0,3}(?:[两三四五六七八九十几]|\\d{1,3})[十多]*条',
      // a bunch of alerts at once: "夜里一堆 OMS 相关告警同时出来（502、登录、SIGTERM）"
      '(?:一堆|一大堆|好多|一批)[^,.;!?，。；！？\\n]{0,10}(?:告警|报警)[^,.;!?，。；！？\\n]{0,4}(?:同时|一起)',
      '(?:哪哪|哪儿哪儿|处处|到处)都(?:不对|不行|有问题|是问题|报错)',
      // everything off ("啥都不对劲"), symptoms scattered ("现象很散", "症状比较分散")
      '(?:啥|什么|哪儿?)都(?:不对劲|不对|不正常|有毛病)|(?:现象|症状|问题)(?:很|比较|有点|太)?(?:分)?散',
      '\\b(?:several|multiple|various|all (?:kinds|sorts) of) (?:issues|problems|errors|symptoms)\\b',
    ],
  },
};
