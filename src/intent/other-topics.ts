/**
 * Topics that are not OMS though they share one of its words (src/intent/other-systems.ts lists them beside other
 * systems: a message about one and naming nothing of OMS keeps too little of its score to be offered). Each is a
 * kind of question asked in the same channel: a word of a how-to section ("批量", "找谁", "麒麟 V10", "styling") is
 * no sign that the question is about OMS.
 */

/** In latin letters, each a whole word (an expression where it needs one). */
export const OTHER_TOPICS = [
  // reviewing code: a pull or merge request ("review my PR for the report export page styling")
  ...['pr', 'prs', 'pull request', 'pull requests', 'merge request', 'merge requests', 'code review'],
  // renaming files in bulk ("a script to batch-rename files"): not the bulk import of people
  '(?:bulk|batch|mass)[- ]?renam\\w*',
  'renam\\w* (?:\\w+ ){0,3}files? in bulk',
  // a product's licence or a certificate running out ("when does the Kylin licence expire", "license key for …")
  '(?:licen[cs]es?|certificates?|certs?)(?: key)?\\b[^,.;!?\\n]*?\\b(?:expir\\w*|renew\\w*|activat\\w*)',
  ...['license key', 'license keys', 'licence key', 'licence keys'],
  '(?:expir\\w*|renew\\w*|activat\\w*) (?:\\w+ ){0,3}licen[cs]es?',
  // security and compliance questions ("is it safe to turn SELinux off", "security implications")
  ...['is it safe to', 'security (?:risks?|concerns?|implications?)'],
  // a bank's own portal ("our bank portal no longer accepts the bulk upload of payments")
  ...['bank', 'banking'],
  // a report's or a deck's template ("a template for the quarterly report"): not the import template
  '(?:expense|quarterly|weekly|monthly|annual|sales) reports? templates?',
  // … also asked round about: "what template do we use for incident reports"
  'templates?(?: (?:do|should|can) (?:we|i|you) use)? for (?:the |a |an |our )?(?:\\w+ )?' +
    '(?:reports?|slides?|presentations?|resumes?|invoices?|minutes)',
  // pay ("who do I contact about my payslip")
  ...['payslip', 'payslips', 'pay slip', 'pay slips', 'salary', 'payroll'],
  // people joining or leaving ("a checklist for onboarding new hires"): HR's lists, not OMS's (an onboarding guide
  // for OMS's operators is OMS's)
  ...['offboarding', 'new hire', 'new hires', 'new joiner', 'new joiners'],
  'onboarding (?:new |of )?(?:hires?|people|staff|employees|joiners)',
  // a third party's API key, an office suite online ("高德地图 API key 怎么申请", "import a csv into google sheets")
  ...['api key', 'api keys', 'apikey', 'google sheets', 'google docs', 'google drive', 'google forms', 'gmail'],
  // another account's password ("my laptop password expired")
  '(?:laptop|computer|windows|email|wifi|wi-fi|apple id|phone) passwords?',
  // meetings and chat ("Teams 登录一直转圈"): 'teams' alone is a common word
  ...['ms teams', 'microsoft teams', 'teams meeting', 'teams meetings', 'teams call', 'teams chat', 'teams app'],
  // converting a document ("convert the pdf to excel")
  'convert(?:ing)? (?:a |the |this |my )?(?:pdf|word|excel|image|ppt)s? (?:files? )?(?:to|into)',
  // someone's own server at home or for a side project ("my home server's nginx gives 404")
  ...['home server', 'homeserver', 'home lab', 'homelab', 'personal server', 'personal website', 'personal blog'],
  ...['side project', 'vps'],
  // another team's or project's machine, in English ("the finance team's nginx", "different project")
  ...['different project', 'separate project', 'another project'],
  "(?:the|another|other) \\w+ team's (?:nginx|server|servers|box|machine|host|site|app|apache|proxy)",
];

/** In Chinese (or mixed), anywhere in the message. */
export const OTHER_TOPICS_ZH = [
  // a licence or a certificate running out or activated ("麒麟 V10 的 license 什么时候到期", "授权快到期了")
  '(?:license|licence|授权|许可证?|证书)[^,.;!?，。；！？\\n]*?(?:到期|过期|续签|续费|激活码)',
  ...['激活码', '序列号'],
  // papers from HR and admin ("实习证明找谁开", "盖章找谁")
  '(?:实习|在职|收入|离职|学历|工作)证明',
  ...['盖章', '开证明'],
  // people joining or leaving ("新员工入职流程从头到尾怎么走", "离职交接清单"); not a training's label ("入职培训：…")
  '入职(?:流程|手续|材料)|离职(?:流程|手续|交接)',
  // text replaced in an editor ("vim里怎么批量替换一个字符串", "sed 批量替换"): not a bulk import
  '批量(?:替换|查找替换)',
  // a licence dongle and its service ("授权服务日志里 received SIGTERM，这个是加密狗那个服务")
  ...['加密狗', '授权服务', '许可服务', '授权管理服务'],
  // files renamed in bulk ("怎么写一个 shell 脚本批量改文件名")
  '批量(?:改|修改|重命名)[^,.;!?，。；！？\\n]*?文件',
  '批量重命名',
  // a spreadsheet's own cells ("excel 表格里怎么把身份证号后面的 E+17 恢复"): office work, not OMS's import
  ...['科学计数', '单元格'],
  '(?<![\\w.])e\\+\\d{2}\\b',
  // a bank's own site ("网银批量付款传不上去")
  ...['网银', '银行'],
  // a batch of something else than people ("怎么批量导入微信好友", "淘宝后台批量上架商品")
  '(?:通讯录|联系人|好友|商品|快递|邮件|照片|图片)[^,.;!?，。；！？\\n]*?批量|批量[^,.;!?，。；！？\\n]*?(?:通讯录|联系人|好友|商品|快递|邮件|照片|图片)',
  // restarting a computer or its network ("linux 重启网卡的几条命令", "windows 重启命令"): not OMS's quick fixes
  '(?:网卡|网络服务|电脑|笔记本|手机|windows|mac|ubuntu)\\s*(?:的)?\\s*重启|重启\\s*(?:一下)?\\s*(?:网卡|电脑|笔记本|手机|windows|mac)',
  // a report's template, a computer's own trouble or specification, a desktop program started at boot, pay
  '(?:周报|日报|月报|报告|简历|ppt|合同|报销|述职)的?模板',
  // … or the standard format of a report to hand in ("客户要出一份部署报告，公司有标准格式吗")
  '(?:报告|方案|总结|汇报材料)[^.;!?。；！？\\n]{0,12}(?:标准|固定|统一|规定)的?(?:格式|模板|范本)',
  '电脑(?:一直|老是|总是|自动|又){0,2}(?:重启|蓝屏|死机|开不了机)|(?:电脑|笔记本|台式机|手机|显卡)的?配置',
  '开机自启动?\\s*(?:qq|微信|钉钉|飞书|outlook|teams)|(?:qq|微信|钉钉|飞书|outlook|teams)\\s*(?:的)?开机自启',
  ...['工资', '薪资', '社保', '公积金', '年假', '调休', '补卡', '打卡'],
  // a tool's own settings imported ("postman 的环境变量怎么导入", "浏览器书签导入"): not the import of people
  '(?:postman|apifox|jmeter|浏览器|书签|收藏夹)[^,.;!?，。；！？\\n]*?导入',
  // one's own machine at home ("家里的 nas", "自己的博客")
  '家里的?(?:服务器|nas|路由器|电脑|网络)|自己的(?:服务器|网站|博客|vps)',
  // how to do something in a programming language ("python 里怎么批量读取 excel 文件"): a scripting question
  '(?:python|java|javascript|js|golang|c#)\\s*(?:代码|程序)?(?:里|中|里面)\\s*(?:怎么|如何|咋)',
  // another account's password ("电脑密码过期了怎么改", "apple id 密码忘了"): not OMS's
  '(?:电脑|开机|锁屏|邮箱|wifi|wi-fi|手机|银行卡|apple ?id|steam|qq|微信)的?(?:登录)?密码',
  // meetings and chat, documents converted ("Teams 登录一直转圈", "怎么把 pdf 转成 excel")
  '(?<![a-z])teams\\s*(?:的)?\\s*(?:登录|会议|开会|账号|客户端|消息)',
  ...['腾讯会议', '视频会议'],
  '(?:pdf|word|excel|图片|ppt|csv)\\s*转(?:成|为|换成|换为)?\\s*(?:pdf|word|excel|图片|ppt|csv)',
  // a supplier's platform, a school's, a clinic's own system ("供应商平台登录不了", "学校的教务系统")
  '(?:供应商|厂商|厂家)(?:平台|系统|后台|网站)',
  '(?:教务|选课|学籍|挂号|预约|排班|档案|图书馆?|会议室|邮件)(?:系统|平台)',
  '学校的',
  // a word processor's own features ("word 文档里的目录怎么自动生成"): not a unit file pasted from a document
  'word\\s*(?:文档)?(?:里|中)?的?(?:目录|页眉|页脚|页码|批注|修订|字体|排版)',
  // a list handed in as paperwork ("下周前提交所有系统的账号权限清单"): not the checklist
  '(?:提交|上交|交一份|报送|汇总|整理一份)[^,.;!?，。；！？\\n]{0,16}清单',
  // security and compliance ("selinux 关了会不会有安全问题", "等保测评")
  ...['安全问题', '安全隐患', '安全风险', '等保'],
  // a Windows domain account, the PC's own logon ("域账号密码过期了，电脑开机登不进去"): not OMS's login
  '域(?:账号|账户|用户|密码)|(?:电脑|笔记本|台式机|windows)\\s*开机(?:后|时)?\\s*(?:登|进|输)',
  // a home network's portal and bill, a scanners' gateway; desk phones, call centres, the campus network, handhelds and
  // the barcode gateway are listed with the site's systems and one's own desk (site-systems.ts, own-desk.ts)
  '宽带|网费|欠费|扫码网关',
  // a test suite failing in development ("pytest … fixture 里 admin_client 登录不上，谁动了 conftest.py"), not production;
  // tests said to pass ("本地 pytest 是过的") place nothing; conftest is own-desk.ts's
  '\\b(?:pytest|unittest|tox)\\b[^,.;!?，。；！？\\n]{0,40}?(?:挂了|失败|报错|红了|不过|\\bfail(?:ed|s|ing)?\\b)|' +
    '测试用例|单测|单元测试',
  // a feature asked of a product ("客户想加个导出 pdf 功能，需求找谁提"): a product request, not whom to turn to when stuck
  '(?:想|要|希望)(?:加|新增|增加|做)一?个[^,.;!?，。；！？\\n]{0,10}功能|需求(?:找谁|提给谁|怎么提|往哪提)|提需求|功能需求',
];
