/** The lexicon's questions: how, where, is it normal (format: src/intent/lexicon.ts). */
export const QUESTIONS = {
  howto: {
    label: '怎么做 / how to',
    // 点样, 点做 and 点搞: Cantonese "how" ("點樣開一個超級管理員帳號")
    // … and a customer's formal request for the procedure ("烦请提供…的操作说明文档", "请提供操作手册")
    zh: [
      ...['怎么', '如何', '怎样', '咋', '步骤', '命令', '办法', '方法', '一步步', '流程', '点样', '点做', '点搞'],
      ...['操作说明', '说明文档', '操作手册', '操作指南', '操作文档', '指导文档', '作业指导书'],
    ],
    en: [
      'how do',
      'how to',
      'how can',
      'how should',
      'what command',
      'steps',
      'procedure',
      'walk me',
      'give me',
      'send me',
      'show me',
    ],
    // 应该 asks how ("应该怎么配", "应该填什么") but also guesses ("应该不是我们的机器吧", "应该是 nginx 的问题").
    // Not 来 ending a verb ("起来一下又退了", "拉起来一下就挂"): only "来一份", "发我" ask for something.
    re: [
      // "…from an excel sheet, how": a question asked at the end
      '\\bhow\\W*$',
      // a customer's request: "could you share …", "please provide …"
      '\\b(?:could|can|would) you (?:please |kindly )?(?:share|provide|send)\\b|\\bplease (?:share|provide|send)\\b',
      // the commands asked for, not a shell's "gunicorn: command not found"
      '\\b(?:commands?|cmds?)\\b(?!\\s*not found)',
      '(?:发|给|(?<![起出回上下过进醒])来|贴)(?:我|一下|一份|个)',
      '应该(?!是|不是|没|不会|会|还|就|也|已|可以|能|没有|不)',
      // learners' English drops the auxiliary: "how generate the excel template", "how open admin"
      '\\bhow (?:i |we |u )?(?:generate|get|make|create|download|import|add|open|setup|set up|configure|install|' +
        'reset|change|enable|find|write|export|upload)\\b',
      // a procedure asked for by name: "full setup flow for the backend service", "the install process"
      '\\b(?:setup|set-up|install(?:ation)?|deploy(?:ment)?) (?:flow|process|guide|runbook|walkthrough)\\b',
    ],
    // "fa wo yixia", "gei wo kankan": the Chinese form's request ("发我一下") typed in pinyin.
    py: ['zen me', 'ru he', 'fa wo', 'gei wo', 'fa yi xia', 'fa yi fen'],
  },
  'by-hand': {
    label: '手工排查 / by hand',
    zh: [
      '手工',
      '人工',
      '不用机器人',
      '一步步',
      '一步一步',
      '顺序',
      '先查什么',
      '自己查',
      '自己排查',
      '自己跑',
      '跑一下看看',
    ],
    en: [
      'by hand',
      'manually',
      'manual',
      'myself',
      'step by step',
      'without the bot',
      'in order',
      'what order',
      'by myself',
      'test the',
      'test it',
      'from the server',
      'on the box',
    ],
    // Not having to do it by hand every time ("每次都得手动 systemctl start", "只能手动拉起来"): a complaint, no question.
    // Asked how to test it oneself ("…两个都要测吗", "怎么测后端接口通不通", "想自己测一下"), like "test the …"; not a
    // plan to test ("明天要测登录功能").
    re: [
      '(?<!得|要|只能|每次|每回|总是)手动',
      '(?:怎么|如何|咋|怎样|想要?)(?:自己)?测',
      // meaning to check it oneself: "想自己curl验证下接口", "打算自己用 curl 确认一下"
      // … with a tool on the server ("怎么在服务器上用curl测登录接口")
      '(?:怎么|如何|咋|怎样)[^,.;!?，。；！？\\n]{0,12}(?:用|拿)\\s*(?:curl|wget|postman)[^,.;!?，。；！？\\n]{0,10}?(?:测|试|验证|确认|调)',
      '(?:想要?|打算|准备)自己(?:用|拿)?\\s*(?:curl|wget|postman)?\\s*(?:验证|确认|测|试|查|看)',
      '测(?!试环境)[^,.;!?。，；！？\\n]{0,12}(?:吗|么)',
      // the order asked for: "先看哪个后看哪个", "先查什么再查什么", "the order to check things"
      '先(?:看|查|检查|排查)(?:哪个|什么|啥|哪里|哪儿)[^,.;!?。，；！？\\n]{0,4}(?:后|再|然后)(?:看|查|检查|排查)',
      '\\border (?:to|in which to|of) (?:check|checks|troubleshoot|look)',
      // where to see the real error oneself ("怎么看具体报错原因", "在哪能看到详细的报错", "咋查真正的原因")
      '(?:怎么|如何|咋|怎样|哪里|在哪|哪儿)(?:能|可以|才能)?(?:看|查|找)(?:到)?(?:具体|详细|真正|实际)的?(?:报错|错误|原因)',
      // … in English ("steps to figure out why it won't start", "how do I see the actual error", "find out why")
      '\\b(?:figure out|find out|work out) why\\b|\\bsteps to (?:figure|find|debug|diagnose|troubleshoot)',
      '\\b(?:see|find|get|read) the (?:actual|real|underlying|exact|full) (?:error|reason|cause)',
      // a list one goes through oneself ("a checklist I can run through top to bottom", "能照着跑一遍的排查清单"); not
      // asking for everything checked ("能不能从头到尾全部查一遍")
      '\\b(?:run|go|work) through [^.;!?]{0,20}\\btop to bottom\\b|照着(?:跑|查|做|走)',
      // how to look oneself ("我自己要怎么查", "自己看看是哪里出了问题"); not what was found ("自己查到了")
      '自己(?:要|先|去|来|该|得)?(?:怎么|如何|咋|怎样)?(?:看看|看一下|查查|查一下|排查|查(?![到出])|定位)',
      // a list to go through asked for ("有没有完整的排查清单", "给个检查步骤"), not a run of one ("跑一遍排查清单")
      '(?:有没有|有无|有木有|求|给(?:我|个)|发(?:我|个))(?:一份|一个|个|份)?[^,.;!?，。；！？\\n]{0,6}' +
        '(?:排查|检查|巡检|自检)(?:清单|顺序|步骤|流程|手册)',
      // … in English, to go through with someone ("is there a full checklist … walk the customer through it")
      '\\b(?:is there|do you have|got|any) (?:a |an )?(?:full |complete |whole )?check ?list\\b',
      // the address to try oneself ("curl 哪个地址能确认后端是活的", "which endpoint should I curl")
      '(?:curl|wget)\\s*(?:哪个|什么|啥|哪些)|' +
        '\\bwhich (?:endpoint|url|path) (?:to|should i|do i|can i) (?:curl|hit|test|check)',
      // what one can check oneself ("我自己能查点什么", "该看哪些日志"); not "还能查什么" when all looks fine (the whole's,
      // src/intent/whole.ts), nor data or reports ("我可以查哪些数据", "我能看哪些报表")
      '(?<!还)(?:能|可以|该|要|应该|得)(?:先)?(?:查|检查|排查|看)(?:点|些|一下|下)?(?:什么|啥|哪些|哪里|哪儿)' +
        '(?=\\s*(?:地方|日志|log|东西|[?？,，。]|呢|吗|$))',
      // how to tell it is up ("怎么判断…是不是通的", "想自己先确认一下后端接口是不是通的", "才能确认后端是活的")
      '(?:确认|判断|验证)[^,.;!?，。；！？\\n]{0,20}(?:是不是通的|通不通|是否通|是活的|活着没|还活着)',
    ],
    // … and typed in pinyin ("you meiyou (wanzheng de) paicha qingdan")
    py: [
      'shou dong',
      'ju ti bao cuo',
      'xiang xi bao cuo',
      'you mei you pai cha qing dan',
      // what one can check ("wo neng cha dian sha", "gai kan na xie ri zhi")
      ...['neng cha dian sha', 'neng cha dian shen me', 'gai cha na xie', 'gai kan na xie ri zhi'],
      'you mei you jian cha qing dan',
      'you mei you wan zheng de pai cha',
      'you mei you wan zheng de jian cha',
      'yi fen wan zheng de pai cha',
      'yi fen wan zheng de jian cha',
    ],
  },
  where: {
    label: '在哪 / where',
    zh: ['在哪', '地址', '网址', '路径', '入口', '多少'],
    en: ["where's", 'where is', 'url', 'path'],
    // Not "Address already in use" (a pasted error, no question).
    re: [
      // not where to start ("where do we even start", "where to begin": where-to-start)
      '\\bwhere\\b(?! (?:(?:do|should|would|can|shall) (?:we|i|you|one) (?:even )?|to )(?:start|begin)\\b)',
      '\\baddress(?:es)?\\b(?!\\s+(?:already\\s+)?in use)',
      // not where to start ("从哪里开始查": where-to-start)
      '(?:[去在到]|从(?!哪(?:里|儿)?(?:开始|查|看|下手|入手|弄|搞|修)))哪',
      // not what is wrong ("帮我看看哪里不对", "哪里有问题", "哪儿出错了")
      '(?<!从)哪(?:里|儿|个目录|个路径|下载|能|有|进)(?!不对|不行|有问题|有毛病|出(?:了)?(?:错|问题)|错了|配错)',
      // what to type into the browser is an address: "浏览器里该敲哪个", "地址栏输什么"
      '(?:浏览器|地址栏)[里上中]?(?:该|要|应该|得)?(?:敲|输|输入|填|打)(?:哪个|哪一个|什么|啥)',
      '\\bwhat (?:do|should) i (?:type|enter|put) (?:in|into) the (?:browser|address bar)\\b',
      // the link to a page: "what is the link to open 管理后台", "link for the admin"
      "\\bwhat(?:'s| is) the (?:link|url)\\b|\\b(?:link|url) (?:to|for) (?:open|the|our|oms|access)\\b",
    ],
    // "zai nar": 在哪儿 with the -r of northern speech
    py: ['zai na', 'di zhi', 'duo shao', 'na li', 'na er', 'zai nar'],
  },
  question: {
    label: '提问 / a question',
    zh: [
      '吗',
      '么',
      '呢',
      '哪些',
      '什么',
      '啥',
      '是不是',
      '能不能',
      '可以',
      '要不要',
      '需不需要',
      '有没有',
      '为什么',
      '为啥',
      '怎么回事',
      '咋回事',
      '意味着',
    ],
    en: [
      ...['which', 'what', 'should i', 'is it', 'can i', 'do i', 'does', 'can someone', 'can anyone', 'anyone have'],
      ...['could you', 'can you', 'why', 'what does', 'mean', 'means', 'who', 'do we', 'is there', 'are there'],
      'how come',
    ],
    // 几 asks "how many", but "启动几秒就退出" / "过几分钟后" tells "a few".
    re: [
      // not a URL's query string ("/api/orders/?page=1")
      '\\?(?!\\w+=)',
      '哪',
      '还是',
      '谁',
      '几(?:位|个|种|条|次|天|点|分钟|秒|台|步)(?!(?:钟)?(?:就|后|之后|以后|内))',
      // a customer's formal request for an answer ("请予以明确，并说明理由", "请贵司书面说明：…", "烦请解释")
      '(?:请|烦请|恳请)(?:贵司|贵方|你方|你们|您)?(?:予以|尽快|书面)?(?:明确|说明|解释|澄清|答复)(?![书文])|说明理由',
      // a template's or sheet's format asked for by naming it ("导入模板的格式", "piliang daoru mobande geshi")
      '(?:模板|表格|表头|excel|xlsx|csv)\\s*的?格式\\s*[?？]?\\s*$',
    ],
    // 谁 typed in pinyin after a verb: "lianxi shui", "zhao shui", "wen shui" (or "shei")
    py: [
      'shen me',
      'you mei you',
      'you ma',
      'de ma',
      'le ma',
      'ke yi ma',
      'shi bu shi',
      'dui ba',
      // 啥 after what is to be given, written or filled in ("tigong sha xinxi", "gai xie sha", "tian sha")
      ...['ti gong sha', 'gai xie sha', 'gai tian sha', 'ying gai tian sha', 'yao fa sha'],
      'lian xi shui',
      'zhao shui',
      'wen shui',
      'lian xi shei',
      'zhao shei',
      'wen shei',
      'mo ban de ge shi',
      'mu ban de ge shi',
    ],
  },
  'is-normal': {
    label: '正常吗 / is it normal',
    zh: ['正常吗', '正常', '要紧', '能忽略', '可以忽略', '需要管', '用管', '要管', '有影响', '没事吧', '是出事了吗'],
    en: ['normal', 'ignore', 'harmless', 'benign', 'safe to', 'worry'],
    // "is this expected?", "expected behaviour?"; not a remark in passing ("same thing (expected w/ DEBUG=False)")
    re: ['\\bexpected\\b(?=[^.!()]*\\?)|\\b(?:is|was|are|were) (?:this|that|it|these|those) (?:\\w+ )?expected\\b'],
    py: ['zheng chang', 'yao jin'],
  },
  /** What a file holds, asked for ("unit 文件该写什么", "what should the unit contain"). */
  'unit-content': {
    label: '单元文件内容 / unit file content',
    zh: ['该写', '写些什么', '写什么', '内容', '怎么写', '包含', '长什么样', '该填', '应填', '填什么', '填啥'],
    en: ['working', 'paste', 'content', 'contents', 'sample unit', 'goes in', 'go in', 'contain', 'look like'],
    // "how .env should look for prod": what a file should hold
    re: ['\\bshould (?:it |they )?look\\b'],
  },
  /** Who to ask for help ("技术支持联系谁", "who to escalate to"). */
  support: {
    label: '联系支持 / support',
    zh: ['供应商', '厂商', '技术支持', '支持', '上报', '联系谁', '求助', '工单', '提单', '报障', '升级给', '甩给'],
    en: ['vendor', 'escalate', 'escalating', 'escalation', 'who to ask', 'ticket', 'hand off', 'hand over'],
    // "who do I send this to", "what info should I attach": whom to hand a problem to, and with what.
    // Support as someone to turn to, not the verb ("openpyxl does not support the old .xls", "not supported").
    re: [
      "(?<!\\b(?:not|n't|does|do|also|will|can)\\s+)\\bsupport\\b",
      '\\bwho (?:do|should|can) (?:i|we) (?:send (?:this|it|that|these|them|the logs?)|escalate|turn to|reach out)',
      '\\bwhat (?:info|information|details|logs?) (?:should|do|must) (?:i|we) (?:attach|include|send|provide)\\b',
      // "what should I collect before escalating?"
      '\\bwhat (?:should|do|must) (?:i|we) (?:collect|gather|grab)\\b',
      // … and what they need ("what logs do you need from me", "要找你们的话需要给你们发什么", "给你们准备哪些日志")
      '\\bwhat (?:logs?|info|information|files?|details) (?:do|would|will) you (?:need|want)\\b',
      '给(?:你们|开发|研发)[^,.;!?，。；！？\\n]{0,4}(?:什么|啥|哪些)|' +
        '(?:发|交)给[^,.;!?，。；！？\\n]{0,8}(?:开发|研发)[^,.;!?，。；！？\\n]{0,4}(?:哪些|什么|啥)',
      // the maker turned to, as business users say it ("要找你们厂家的话需要提供哪些日志"), not its engineer's visit
      '找(?:你们|一下)?(?:厂家|原厂)|(?:厂家|原厂)(?:支持|售后|客服)',
      // … contacted or handed the problem ("联系厂家的时候要发什么", "报给原厂之前", "给二线发什么日志"); second-line
      // support, not a second-tier city or brand ("二线城市")
      '(?:联系|报给|发给|交给|转给|升级到|升到|升|转)(?:你们)?(?:的)?(?:厂家|原厂|厂商|二线(?!城市|品牌)|售后)|(?:找|给|问)(?:你们)?的?(?:二线|原厂|厂商)(?!城市|品牌)',
      // what to send the maker ("要给厂家发日志 发哪些"), not what the maker sends ("厂家发货了")
      '给(?:你们)?的?厂家(?:发|传|提供|看)(?=[^,.;!?，。；！？\\n]{0,6}(?:日志|截图|信息|资料|log|哪些|什么|啥))',
      // whom to turn to, not who issues or signs a paper ("实习证明找谁开", "找谁盖章")
      '找谁(?!开|签|盖|批|报销|领|补|办)',
      // what the developers (as people: 那边, 同事 …) need from us ("开发那边要我们提供什么信息", "提 bug 给后端的时候附什么信息");
      // not development's costs, a development zone, a document sent ("研发费用…需要什么材料", "报给开发区…")
      '(?:(?:开发|研发)(?:那边|同事|团队|的人|人员)|后端(?:那边|同事|团队|的人)?|二线(?!城市|品牌)|技术支持)' +
        '[^,.;!?，。；！？\\n]{0,6}(?:要|需要|让)[^,.;!?，。；！？\\n]{0,8}(?:什么|啥|哪些)(?:信息|日志|材料|资料|截图|东西)',
      '(?:提|报|转|交|发)(?: ?bug| ?工单| ?问题)? ?给(?:开发|研发|后端|技术支持)(?!商|区|票|费)' +
        '(?=[^.;!?。；！？\\n]{0,16}(?:日志|信息|截图|材料|资料|\\blogs?\\b))|' +
        '(?:转|升|报|交)给?[^,.;!?，。；！？\\n]{0,8}二线(?!城市|品牌)',
      // … the developers' or support's team, not any team's, for a problem, not a refund ("… the visa team need")
      '\\bwhat (?:info|information|details|logs?|data) (?:do|would|will|does) (?:the |your |our )?(?:oms |backend )?' +
        '(?:(?:dev|development|support|engineering|backend|oms|vendor) team|devs?|developers?|engineers?|vendor|' +
        'support) (?:need|want)\\b(?!\\s+(?:from (?:me|us) )?for (?:my|our|the|a|an) ' +
        '(?!bug|issue|error|problem|ticket|incident|outage|crash|case))',
      // whom to contact when stuck, not "the contact for facilities"
      '\\b(?:who|whom) (?:do |should |can |to )?(?:i |we )?contact\\b|\\bcontact (?:support|the vendor|your|you)\\b',
    ],
    py: [
      'zhi chi',
      'zhao shei',
      ...['ti gong shen me xin xi', 'fa gei kai fa', 'fa gei yan fa', 'gei kai fa', 'gei yan fa', 'shou ji ri zhi'],
      'zhao shui',
      ...[
        'lian xi chang jia',
        'lian xi yuan chang',
        'lian xi er xian',
        'zhao chang jia',
        'zhao er xian',
        'gei er xian',
        'sheng er xian',
        'zhuan er xian',
        'lian xi zhi chi',
        // what to send ("wo yao gei nimen fa shenme rizhi"); not "rizhi fa gei nimen le" (sent already)
        'gei ni men fa',
      ],
    ],
  },
} as const satisfies Record<string, unknown>;
