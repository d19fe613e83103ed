import { withoutAroundOms } from './around-oms.js';
import { withoutHardeningDone } from './hardening.js';
import { withoutHowHeard } from './heard-by.js';
import { OTHER_HOST } from './other-host.js';
import { OWN_LAPTOP, OWNED_ELSEWHERE, SERVER_NAMED } from './other-lives.js';
import { namesSystemByUse } from './told-by-use.js';
import { namesOwnDesktop } from './own-desktop.js';
import { withoutBotClause } from './hypothesis.js';
import { OTHER_SYSTEMS } from './other-systems.js';
import { DEV_RUN, ON_SERVER } from './own-desk.js';
import { namesSecurityChannel, withoutSecurityChannel } from './security-channel.js';
import { alertNamesOther } from './specialist-tools.js';
import { withoutOwnTestEnvironment } from './test-env.js';
import { withoutContainerSide } from './container-side.js';
import { comparesWithOther, withoutComparison } from './comparison.js';
import { relaysReport, SHARED_INFRA, withoutRelays } from './shared-infra.js';
import { gated } from './gated.js';

/**
 * Whose problem is it? An ops channel talks about many systems; a message that
 * names another one (MySQL, Redis, Jenkins, the VPN, a k8s pod …) and nothing
 * of OMS is about that system, even when it says 登录失败 or 502.
 */

/** Words that name OMS itself: their presence keeps a message ours. */
const OMS_NAMED = gated(
  new RegExp(
    [
      String.raw`\boms\b|oms[-_]?backend|\/opt\/oms|\/var\/log\/oms|oms_backend|`,
      String.raw`vite_api_base_url|cors_allowed_origins|frontend-pc|订单管理系统|oms_db|oms_user`,
    ].join(''),
    '',
  ),
);
/**
 * A Django traceback pasted here is OMS's backend (the only Django application these playbooks know), unless the
 * project is said to be someone's own ("出现在我毕业设计项目里", "my side project's django app": `OWNED_ELSEWHERE`).
 */
const DJANGO_PASTE = gated(/django\.(?:db|core)\.\w+/);
/**
 * A query of Django's own tables (`select … from auth_user`, `django_migrations`): a DBA's look at OMS's database. The
 * database server and its client named beside them (`mysql>`, "postgres 里") are where OMS keeps its data, not
 * another system; another named beside them ("crm 项目的 auth_user") still is.
 */
const DJANGO_TABLES = gated(
  /\b(?:auth_user|auth_group|django_migrations|django_session|django_admin_log|authtoken_token)\b/,
);
const DATABASE = gated(/\b(?:mysql|mariadb|postgres(?:ql)?|psql)\b/g);

/** The text without the database named beside Django's own tables ({@link DJANGO_TABLES}). */
export function withoutDatabaseOfTables(text: string): string {
  return DJANGO_TABLES.test(text) ? text.replace(DATABASE, ' ') : text;
}

/** Does the message name OMS itself? */
function namesOms(said: string): boolean {
  if (OMS_NAMED.test(said)) return true;
  if (!DJANGO_PASTE.test(said) || OWNED_ELSEWHERE.test(said)) return false;
  return !OWN_LAPTOP.test(said) || SERVER_NAMED.test(said);
}

/** An announcement, not a problem: planned maintenance, a notice to everyone, a problem told as solved. */
const NOTICE = gated(
  new RegExp(
    [
      '例行维护|计划维护|维护窗口|停机维护|请知悉|敬请|通知[:：]|届时|将于|停服|期间(?:无法|不能|会|将|暂停)',
      '预计.{0,8}恢复|请大家|提前保存',
      '\\bscheduled maintenance\\b|\\bmaintenance window\\b|\\bfyi\\b|\\bdowntime\\b|\\bwill be (?:down|unavailable)\\b',
      // a review written after the fact, a posted notice
      // not a bulletin relaying what was detected ("【安全运营中心通报】检测到 OMS 登录接口大量 401")
      '复盘|公告|通报(?![^,.;!?。，；！？\\n]{0,12}(?:检测到|监测到|发现|告警))|\\bpost-?mortem\\b|\\bretro(?:spective)?\\b',
      // a meeting, a training, a talk about OMS rather than a problem with it
      '培训|分享会|会议室|例会|周会|评审会|开(?:个|一个|次)会',
      // … unless it is a deadline: "a health check before the demo at 3"
      '(?<!\\bbefore (?:the |our |my |a )?)\\b(?:training|workshop|meeting|demo) (?:at|on|tomorrow|today|next)\\b',
    ].join('|'),
    '',
  ),
);

/**
 * A problem told as solved, undone or apologised for ("已经回滚了，抱歉大家", "rolled back, sorry for the noise"),
 * unless trouble goes on after it (`STILL`).
 */
const SOLVED = gated(
  new RegExp(
    [
      // (a machine switched off is no problem closed: "老机器已经关了")
      '(?<!机器|服务器|主机|机|环境)已经?(?:解决|修复|修好|恢复正常|恢复了|恢复|处理好|处理完|处理|回滚|回退|关闭|关了)',
      // (a step done long ago or a switch, an installation made is no problem solved: "OMS 接口一直 502，库早就切好了")
      '问题解决了|搞定了|没问题了|没事了|(?<![又就才便切装建迁签])(?<!早就?(?:配|改|设|换|导|部署|升级|申请))好了[,.!。，！\\s]*(?:谢|感谢|多谢|$)',
      '(?:已经|刚)?(?:回滚|回退|改回去|改回来|还原)了|给大家添麻烦|抱歉大家|大家抱歉|请忽略|忽略(?:上面|刚才|这条)',
      // a false alarm told, not asked ("SOC 要判定是不是误报")
      '(?<!是不是|是否|算不算|判定|判断|确认|属于|还是)误报(?![吗么?？])',
      '\\b(?:fixed|resolved|sorted) (?:now|it)\\b|\\bworks now\\b|\\bworking again\\b|\\bback to normal\\b',
      "\\b(?:is|are|it's|it is) back(?: up| online| to normal)?\\b",
      '\\b(?:rolled|rolling) (?:it )?back\\b|\\breverted\\b|\\bsorry (?:for|about) the (?:noise|trouble|spam)\\b',
      '\\bmy bad\\b|\\bfalse alarm\\b|\\bnever ?mind\\b|\\bnvm\\b|\\bplease ignore\\b|\\ball good now\\b',
      // an alert's recovery notice ("【告警恢复】…", "[RESOLVED] …")
      '告警(?:已)?恢复|恢复告警|\\[(?:resolved|recovered|ok)\\]|^\\s*(?:resolved|recovered)\\b',
    ].join('|'),
    '',
  ),
);
/** Trouble going on after a fix ("回滚了还是 502", "rolled back but still failing"): not solved. */
const STILL =
  /还是|仍然|依然|依旧|还在|又(?:挂|出|报|不)|但是?|可是|不过|没用|\bstill\b|\bagain\b|\bbut\b|\bdidn'?t help\b/;

/**
 * A post-incident review, or training material being written, that asks about its fault ("复盘：… 根因是不是麒麟上没有
 * www-data 这个用户？", "这个根因写得对吗", "下次该怎么规范", "培训文档里要写清楚…需要附带哪些日志"): a question about OMS,
 * answered; a review posted or a training announced ("复盘文档写好了", "明天下午两点培训") stays a notice. Passive listening
 * stays silent on a review either way (`review`).
 */
const REVIEW = gated(/复盘|根因|\bpost-?mortem\b|\bpost-incident\b|\bretro(?:spective)?\b/);
const WRITTEN_UP = gated(
  new RegExp(
    [
      String.raw`复盘|\bpost-?mortem\b|\bpost-incident\b|\bretro(?:spective)?\b|培训(?:文档|材料|手册|课件|资料|用|ppt|[:：])`,
      String.raw`\b(?:training|onboarding) (?:deck|material|guide|slides|docs?)\b`,
    ].join('|'),
    'g',
  ),
);
const REVIEW_ASKS = gated(
  new RegExp(
    [
      '对吗|对不对|是不是|是否|能不能|能否|帮忙|确认|怎么|如何|哪|什么|啥|吗|[?？]|还有没有|有没有别的|该(?:怎么|如何)',
      '帮我看|靠谱|合理',
      String.raw`\bplease (?:confirm|advise|check|review|verify)\b|\b(?:could|can|would) you\b`,
      String.raw`\b(?:is|was|are|were|does|did|should|could|can) (?:this|that|it|we|you|the)\b[^.!]*\?`,
    ].join('|'),
    '',
  ),
);

/**
 * A deadline after a request to restore ("今天下班前恢复，明早有培训", "修好，下午要演示"): when the fix is needed, no
 * training or meeting announced.
 */
const DEADLINE =
  /(?:恢复|修好|解决|搞定|弄好|处理好)[，,\s]*(?:明早|明天(?:上午|下午)?|今晚|下午|上午|晚上|一会|待会)?\s*(?:有|要|还要|得)(?:个|一个)?(?:培训|会|会议|演示|评审)/g;

function announces(text: string): boolean {
  const said = text.replace(DEADLINE, ' ');
  if (NOTICE.test(REVIEW_ASKS.test(said) ? said.replace(WRITTEN_UP, ' ') : said)) return true;
  const m = SOLVED.exec(said);
  return m !== null && !STILL.test(said.slice(m.index));
}

/** The message says outright that it is not about OMS ("not OMS related", "跟 OMS 没关系"). */
const NOT_OURS = gated(
  new RegExp(
    [
      String.raw`\bnot (?:an? )?oms\b|\bnot (?:related to|about|for) oms\b|\b(?:nothing to do with|unrelated to) oms\b`,
      String.raw`(?:与|和|跟)\s*(?:我们|咱们)?的?\s*oms\s*(?:无关|没关系|没有关系)`,
      String.raw`(?<!是)(?:不是|并非|非)\s*(?:我们|咱们)?\s*oms\s*(?:的|问题|相关|那边|这边)`,
      // "…跟这个没关系": what was just told is not about this
      String.raw`(?:跟|和|与)(?:这个|这边|此|我们这|我们|咱们)(?:没关系|无关|没有关系)`,
      // "那个是运维组的", "归数据组管": another team's
      String.raw`(?:是|归|属于)(?!我们|咱们|我|本)[\u3400-\u9fff]{1,4}(?:组|部门|团队)(?:的|管)`,
      // "不关生产的事", "跟生产没关系": not the production system the bot looks after
      String.raw`不关(?:生产|我们|咱们|oms)的?事|(?:跟|和|与)生产(?:环境)?(?:无关|没关系|没有关系)`,
      // "应该不是我们的机器吧", "not our box", "不是我们的oms" (another team's portal, said without a comma)
      String.raw`(?<!是)不是(?:我们|咱们)(?:组|这边|这里|家)?(?:的|家)?\s*(?:机器|服务器|系统|服务|项目|网站|站点|oms)`,
      // "他们自己维护的", "人家自己部署的": another team's own
      String.raw`(?:他们|人家|对方)(?:那边)?自己(?:维护|搭|部署|运维|负责|管)的`,
      // "…，不是我们的" closing a clause
      String.raw`(?<!是)不是(?:我们|咱们)组?的(?=\s*(?:[,.;!?。，；！？)）]|$))`,
      String.raw`\bnot (?:our|ours|one of ours)\b(?! (?:waf|firewall|cdn|load balancer|network)\b)` +
        String.raw`(?: (?:box|server|machine|host|system|stuff))?`,
      // "…，不是 oms" closing a clause ("是不是 oms 的问题？" asks, it says nothing).
      String.raw`(?<!是)(?:不是|并非)\s*(?:咱们|我们)?\s*oms\s*(?=[,.;!?。，；！？)）]|$)`,
      // "跟 OMS 不是一台机器", "跟我们OMS不是一套": on another machine, another installation
      String.raw`(?:跟|和|与)\s*(?:我们|咱们)?\s*(?:的\s*)?oms\s*(?:的\s*)?(?:不是|不在)(?:同)?一(?:台|套)`,
      // "跟我们 OMS 不是一个/一回事", "not the same setup as our OMS"
      String.raw`(?:跟|和|与)\s*(?:我们|咱们)?的?\s*oms\s*(?:不是|并非)\s*(?:同)?一(?:个|回事)`,
      String.raw`\bnot the same (?:system|setup|stack|deployment|app|thing) as (?:our |the )?oms\b`,
      // "different repo from OMS", "a separate project than oms", "not part of OMS"
      String.raw`\b(?:different|separate|another|other) (?:repo|repository|project|codebase|system|app|service)s? ` +
        String.raw`(?:from|than|to) (?:our |the )?oms\b|\bnot (?:a )?part of (?:our |the )?oms\b`,
    ].join('|'),
    '',
  ),
);

/**
 * A wiki or a document named as where something was copied from ("I copied it from the wiki page", "照着 wiki 上的
 * 步骤配的"): the source of a file, not the system the message is about.
 */
const COPIED_FROM = gated(
  new RegExp(
    [
      String.raw`\b(?:copied|copy|copying|pasted|took|followed|following)\b[^.,;!?]{0,20}?\b(?:from|on|in)\s+` +
        String.raw`(?:the |our |a |some )?(?:\w+ )?wiki(?: page| article| doc)?`,
      String.raw`(?:从|照着?|按照?|参考|抄)(?:了)?\s*(?:\S{0,6}?\s*)wiki\s*(?:上|里)?`,
    ].join('|'),
    'g',
  ),
);

/**
 * The browser on one's own computer ("我是在自己电脑浏览器打开 http://… 登录的", "in Chrome on my laptop"): where OMS is
 * used from, not another system. A laptop named without its browser ("我笔记本开机登录不了") stays another system.
 */
const OWN_BROWSER = gated(
  new RegExp(
    [
      // … or its developer tools ("用户自己电脑上的 console，点登录就这个", "我电脑上 F12 看到的")
      String.raw`(?:自己|我|我的|个人|我自己)的?(?:电脑|笔记本)(?:上)?的?\s*` +
        String.raw`(?:浏览器|chrome|edge|firefox|火狐|console|控制台|f12|devtools|开发者工具|network)`,
      String.raw`\b(?:browser|chrome|firefox|edge|console|devtools) (?:on|from) ` +
        String.raw`(?:my|his|her|their|the user's) (?:own )?(?:laptop|machine|pc|computer)\b`,
      String.raw`\b(?:on|from|in) my (?:own )?(?:laptop|machine|pc|computer)(?:'s)? (?:browser|chrome|firefox|edge)\b`,
      // the page opened by its address from one's own computer ("换成 IP 在我自己电脑上打开就登不进去", "从我电脑上访问")
      String.raw`(?:在|从|用)(?:我|我的|自己|我自己)的?(?:电脑|笔记本)(?:上|里)?\s*(?:打开|访问|开网页|开页面)`,
      // "浏览器是在我自己笔记本上开的"
      String.raw`(?:浏览器|chrome|edge|firefox|火狐)\s*(?:是)?(?:在|用)(?:我|我的|自己|我自己)的?(?:电脑|笔记本)(?:上)?(?:开|打开|用)?`,
    ].join('|'),
    'g',
  ),
);

/**
 * One's own computer as where OMS's front end was built ("I built the frontend on my laptop", "前端是在我自己电脑上
 * npm run build 完传上去的"): a step of OMS's deployment, not another system. The laptop's own trouble stays another's.
 */
const BUILT_ON = gated(
  new RegExp(
    [
      String.raw`\b(?:built|build|building|compiled|packaged|bundled)\b[^.,;!?]{0,30}?\b(?:on|from|with) my (?:own )?` +
        String.raw`(?:laptop|machine|pc|computer|mac|macbook)\b`,
      String.raw`(?:在|用)?(?:自己|我|我的|我自己|本地)的?(?:电脑|笔记本|机器)(?:上|里)?[^,.;!?，。；！？]{0,12}?` +
        String.raw`(?:打包|打的包|编译|构建|\bbuild\b|npm run build)`,
    ].join('|'),
    'g',
  ),
);

/** `netstat -p`'s PID/Program name column ("LISTEN  1120/sshd"): every listener of the server, like `ss -p`'s. */
const NETSTAT_PROGRAM = gated(/\blisten\s+\d+\/[\w.-]+/g);

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
  /** What made it `other` is only a thing every server has (数据库, 磁盘, 机房 …), no other system by name. */
  sharedOnly?: boolean;
  /** A post-incident review (复盘, 根因, postmortem): told after the fact, never answered passively. */
  review?: boolean;
}

/** Classify a normalised (lower-cased) message: the expressions here are compiled without `i` (docs/speed.md). */
export function messageContext(text: string): MessageContext {
  // `ss -p` / `netstat -p` name every listening process (sshd, mysqld …): an inventory, not what the message is about.
  const hardening = withoutHardeningDone(withoutBotClause(text));
  const relayed = withoutRelays(withoutSecurityChannel(hardening.text));
  // The tool that deploys OMS, what happened to its server, a user agent, the PC restarted (src/intent/around-oms.ts).
  const around = withoutAroundOms(relayed);
  const seen = around
    .replace(/users:\(\(.*?\)\)/g, ' ')
    .replace(NETSTAT_PROGRAM, 'listen ')
    .replace(COPIED_FROM, ' ')
    .replace(OWN_BROWSER, ' 浏览器 ')
    .replace(BUILT_ON, ' build ');
  const looked = withoutDatabaseOfTables(seen);
  const told = withoutComparison(withoutHowHeard(looked));
  if (NOT_OURS.test(told) || (DEV_RUN.test(told) && !ON_SERVER.test(told)))
    return { ours: false, foreign: true, notice: announces(told), other: true };
  // OMS's own test environment in a report asking for a diagnosis (src/intent/test-env.ts), OMS's installation in
  // containers beside its systemd one (src/intent/container-side.ts) place nothing.
  const testEnv = withoutOwnTestEnvironment(told);
  const container = withoutContainerSide(testEnv.text);
  const said = container.text;
  const ours = namesOms(said);
  const named =
    OTHER_SYSTEMS.test(said) ||
    OTHER_HOST.test(said) ||
    namesSystemByUse(said) ||
    namesOwnDesktop(said) ||
    alertNamesOther(said);
  const shared = !named && SHARED_INFRA.test(said);
  const other = named || shared;
  return {
    ours,
    foreign: !ours && other,
    notice: announces(said),
    // Another system named as a comparison, a security tool as a channel, a watching tool relaying, place nothing,
    // but passive listening stays silent beside them.
    other:
      other ||
      hardening.changed ||
      testEnv.changed ||
      container.changed ||
      looked !== seen ||
      around !== relayed ||
      relaysReport(text) ||
      comparesWithOther(text) ||
      namesSecurityChannel(text),
    ...(shared ? { sharedOnly: true } : {}),
    ...(REVIEW.test(said) ? { review: true } : {}),
  };
}
