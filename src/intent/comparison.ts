import { gated } from './gated.js';
/** A normalised (lower-cased) message's comparison with another system (src/intent/context.ts reads it). */

/**
 * Another system named as what one already knows, contrasted with OMS's ("windows上IIS我知道是在web.config里面加header
 * 这个linux上的后端是在哪个配置里面加", "on IIS I know it's web.config, but where on our backend"): a comparison, not the
 * system the question is about.
 */
const KNOWN_ELSEWHERE = gated(
  new RegExp(
    [
      // each name whole (it ends where its letters do), from its first letter: a long run of letters before 我 cut two
      // ways at every place was cubic in its length
      String.raw`(?<![\w.-])(?:[a-z][\w.-]*(?![\w.-])\s*(?:上|里|那边|的话)?\s*){1,2}我(?:知道|会|懂|熟悉)[^,，。;；\s]*` +
        String.raw`(?=.*?(?:这个|我们|咱们|oms|但是?|可是|不过))`,
      String.raw`\b(?:on|in|with) [a-z][\w.-]* i know\b[^,.;!?]*(?=.*\b(?:but|our|this|oms)\b)`,
    ].join('|'),
    'g',
  ),
);

/**
 * The words {@link KNOWN_ELSEWHERE} needs, looked for first: the expression, tried at every letter of a message, costs
 * more than the rest of the message's reading of its context.
 */
const KNOWING = gated(/我(?:知道|会|懂|熟悉)|\bi know\b/);

/**
 * What a Windows administrator knows and maps OMS onto: IIS and its parts, Active Directory, Remote Desktop, the
 * Windows tools (`netstat -ano`, services.msc, Task Manager, Event Viewer).
 */
const WINDOWS_THING =
  String.raw`(?:\biis\b|应用程序池|\bapp ?pools?\b|application pools?|url ?重写|url rewrite|\bad\b|active directory|` +
  String.raw`域控|域账号|\bwindows\b|netstat -ano|远程桌面|\brdp\b|mstsc|services\.msc|服务管理器|任务管理器|task manager|` +
  String.raw`事件查看器|event viewer|注册表|\bregistry\b|web\.config|计划任务|task scheduler|powershell|组策略|\bgpo\b)`;
/** A cheap look for {@link WINDOWS_THING} before the expressions built on it. */
const WINDOWS_WORD = gated(
  new RegExp(
    String.raw`iis|应用程序池|pool|重写|rewrite|\bad\b|active directory|域控|域账号|windows|-ano|远程桌面|rdp|mstsc|` +
      String.raw`services\.msc|管理器|task manager|查看器|event viewer|注册表|registry|web\.config|计划任务|scheduler|` +
      String.raw`powershell|组策略|gpo`,
  ),
);
const CLAUSE = String.raw`[^,，。;；?？!！\n]`;
/**
 * A Windows thing named as the comparison of OMS's trouble ("跟 IIS 应用程序池定时回收是不是一回事", "会不会跟 AD 一样
 * 输错几次就锁", "IIS 里我会去看 URL 重写规则，这边要看哪个文件", "在 Windows 上我习惯 netstat -ano 看端口", "is this like
 * IIS app pool recycling", "in IIS I'd check the URL rewrite rules"): what one knows, not the system in trouble. Only
 * where the message goes on about this side (这边, linux, OMS's parts): "IIS 上我都是默认配置，现在站点 500" stays IIS's.
 */
const WINDOWS_COMPARED = gated(
  new RegExp(
    [
      // "跟/像 … X … 是不是一回事/一样/类似"
      String.raw`(?:跟|和|与|像|同)\s*${CLAUSE}{0,12}?${WINDOWS_THING}${CLAUSE}{0,16}?` +
        String.raw`(?:是不是|是否|算不算)?(?:一回事|一样|类似|差不多|一个意思|一个道理|一个东西|同一个东西|那样|那种)`,
      // "相当于 Windows 的 X"
      String.raw`(?:相当于|类似于?|对应)\s*${CLAUSE}{0,8}?${WINDOWS_THING}${CLAUSE}{0,12}`,
      // "X 里我会去看 …", "在 Windows 上我习惯 …" (what one does there), when this side follows
      String.raw`(?:在\s*)?${WINDOWS_THING}${CLAUSE}{0,10}?(?:上|里|下|那边|中)?\s*我?(?:会|习惯|一般|通常|平时|以前|都是?)` +
        String.raw`${CLAUSE}{0,24}(?=.*?(?:这边|这里|这儿|linux|麒麟|oms|我们|咱们|这个|nginx|后端|gunicorn|systemd))`,
      String.raw`\b(?:like|same as|similar to|equivalent (?:of|to)|the same thing as|analogous to)\b ${CLAUSE}{0,20}?` +
        String.raw`${WINDOWS_THING}[^,.;!?\n]{0,30}`,
      String.raw`\b(?:in|on|with) ${WINDOWS_THING}[^,.;!?\n]{0,12}?` +
        String.raw`\bi(?:'d| would| usually| normally| always| just)?\b` +
        String.raw`[^,.;!?\n]{0,40}(?=.*\b(?:here|linux|oms|our|this|nginx|backend|gunicorn|systemd)\b)`,
    ].join('|'),
    'g',
  ),
);

/** The text without another system named as what one knows ({@link KNOWN_ELSEWHERE}, {@link WINDOWS_COMPARED}). */
export function withoutComparison(text: string): string {
  const known = KNOWING.test(text) ? text.replace(KNOWN_ELSEWHERE, ' ') : text;
  return WINDOWS_WORD.test(known) ? known.replace(WINDOWS_COMPARED, ' ') : known;
}

/** Whether the text names another system as what one knows ({@link KNOWN_ELSEWHERE}, {@link WINDOWS_COMPARED}). */
export function comparesWithOther(text: string): boolean {
  return withoutComparison(text) !== text;
}
