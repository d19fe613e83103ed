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
import { announces, isReview } from './announcements.js';
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
    ...(isReview(said) ? { review: true } : {}),
  };
}
