import { withoutExtent } from './extent.js';

/**
 * "gunicorn 日志里 SIGTERM 是不是意味着服务挂了？", "404 on /api/ — does that mean the backend is broken?": what
 * follows "意味着 / 说明 / does that mean" is a guess the asker wants checked, not a symptom seen. The thing asked
 * about comes before it (the SIGTERM line, the 404); the guess, read as a symptom, would pick the playbook of what
 * the asker fears ("服务挂了" → the service's) over the one of what they saw.
 */

/**
 * "Does it mean …": the guess runs from here to the end of its clause. 说明 asked of someone ("请说明", "书面说明：…是否
 * 正常？", "说明理由") or a document ("说明书", "说明文档") is a request, not a guess.
 */
const MEANS = new RegExp(
  '(?:是不是|是否|就)?(?:意味着|(?<!请|书面|予以|加以|详细|具体|并|一下)说明(?![:：书文手理])|代表着?|表示)|' +
    String.raw`\b(?:does|do|doesn't|would) (?:that|this|it) (?:mean|imply)\b|\bmeans? that\b`,
  'i',
);
/** The end of a clause. */
const CLAUSE_END = /[?？。!！;；\n]|,|，/;
/** Something named before the guess: a latin word of 3+ letters, a number of 3 digits, or two CJK characters. */
const SUBJECT = /[a-z]{3,}|\d{3}|[\u3400-\u9fff]{2,}/i;

/**
 * The text with a guess asked about ("…是不是意味着服务挂了？") replaced by a question mark, when something comes
 * before it, and without a bare "连 X 也是" (src/intent/extent.ts); otherwise the text as it is.
 */
export function withoutGuess(text: string): string {
  return withoutMaybe(withoutGuessedCause(withoutMeaning(withoutExtent(withoutTheBot(text)))));
}

/**
 * The bot itself imagined down ("if the bot's down, what order would you check things in", "机器人挂了的话怎么自己查"):
 * a condition, not a fault of OMS. It asks how to do without the bot, and reads so.
 */
const BOT_DOWN = new RegExp(
  [
    String.raw`\b(?:if|when|while|in case) (?:the |this |our )?(?:bot|chatops|oms-chatops)(?:'s| is| was)? ` +
      String.raw`(?:down|dead|offline|unavailable|not (?:available|working|around))\b`,
    String.raw`(?:万一|如果|要是|假如)?(?:机器人|bot)\s*(?:挂了|宕了|不在|用不了|不能用|down了?)(?:的话|的时候)`,
  ].join('|'),
  'gi',
);

/**
 * The bot not answering one ("@bot 你是不是挂了，刚才半天没回我", "bot 没回我，是不是挂了？"): a clause about the bot,
 * not OMS; only that clause goes, a report beside it stays ("…？后端 502 了").
 */
const BOT_SILENT = new RegExp(
  String.raw`(?:bot|机器人)[^。！？\n]{0,16}(?:没|不)(?:回|理|回复)我(?:[，,\s]*(?:是不是|是否)?(?:挂了|死了)[吗?？]*)?` +
    String.raw`|你(?:是不是|怎么|为啥|咋)(?:又)?(?:挂了|死了)[吗?？]*`,
  'gi',
);

/** The text without a clause on the bot not answering. */
export function withoutBotClause(text: string): string {
  return text.replace(BOT_SILENT, ' ');
}

function withoutTheBot(text: string): string {
  return withoutBotClause(text).replace(BOT_DOWN, (m) =>
    /[\u3400-\u9fff]/.test(m) ? '不用机器人' : 'without the bot',
  );
}

/** A guess offered with a question mark ("maybe the user is not active? or the front end calls a wrong address?"). */
const MAYBE = new RegExp(
  String.raw`(?:^|[.!?;,]\s*)(?:(?:or|and) )?(?:maybe|perhaps|probably|could it be|might be)\b` +
    String.raw`(?!\s+(?:you|someone|anyone|somebody)\b)[^.!?]*\?(?:\s*or\b[^.!?]*\?)*`,
  'gi',
);

/**
 * "…it says username or password wrong … maybe the user is not active? or the front end calls the wrong API?":
 * after a failure told, guesses of its cause ask for no how-to; they are dropped (their words stay as told, without
 * the question mark) when something seen comes before them.
 */
function withoutMaybe(text: string): string {
  const m = MAYBE.exec(text);
  MAYBE.lastIndex = 0;
  if (!m || !SEEN.test(text.slice(0, m.index))) return text;
  return text.replace(MAYBE, (g) => `${g.replace(/\?/g, '.')}`);
}

/** A clause asking whether a part is down ("后端是不是挂了", "houduan guale ma", "is the backend dead?"). */
const ASKED_DOWN = new RegExp(
  [
    '(?:是不是|是否|会不会|难道|不会是|shi ?bu ?shi)[^?？]*(?:挂|死|崩|宕|停|起不来|没起|gua|down|dead)',
    '(?:挂|死|崩|宕|停|起不来|没起)了?(?:吗|嘛|么)',
    // … or with a question mark alone ("gunicorn 挂了？", "backend down?")
    String.raw`(?:挂|死|崩|宕|停|起不来|没起)(?:掉)?了?\s*[?？]`,
    String.raw`\b(?:down|dead|crashed|died)\s*\?`,
    String.raw`gua ?le ?ma\b`,
    String.raw`\b(?:is|did|has) (?:the |it )?[a-z-]* ?(?:down|dead|crashed|died|gone)\b[^.!]*\?`,
  ].join('|'),
  'i',
);
/** Something seen before it: a status code, a failure, an error word. */
const SEEN =
  /\d{3}|失败|不了|不上|报错|超时|错误|异常|没人|没在|没有|拒绝|error|fail|refused|denied|timeout|not found|listen|sigterm|sigkill|killed/i;

/**
 * "8000 没人 listen，nginx 这边直接 502，后端是不是挂了": the last clause guesses a cause of what was seen before it
 * and asks; the symptom is what was seen. A clause asking only that ("后端是不是挂了？") stays.
 */
/** Where a clause may end for {@link withoutGuessedCause}: punctuation, a space between characters, a guess opened. */
const GUESS_CLAUSE = new RegExp(
  String.raw`(?<=[?？。!！;；\n,，])|(?<=[\u3400-\u9fff] )(?=[\u3400-\u9fff])|` +
    String.raw`(?<=\s|问|怀疑|猜|担心)(?=是不是|会不会)|(?<= )(?=(?:shi ?bu ?shi|hui ?bu ?hui)\b)`,
);

function withoutGuessedCause(text: string): string {
  // Chat typed or dictated without punctuation separates its clauses by spaces ("系统整个502了 是不是后台程序挂了 财务在催").
  // So does a guess opened by "是不是" after a space or a verb of asking ("…SIGTERM 问是不是后端崩了"; the subject before
  // it, "后端是不是挂了", stays in its clause), in pinyin after a space ("jiekou quan 502 le shi bu shi houduan gua le").
  const parts = text.split(GUESS_CLAUSE);
  for (let i = 1; i < parts.length; i++) {
    const clause = parts[i]!;
    if (/正常|normal/i.test(clause) || !ASKED_DOWN.test(clause)) continue;
    if (!SEEN.test(parts.slice(0, i).join(''))) continue;
    // "502 了，后端挂了？": with only a status code left, the guess is the report.
    if (!/[a-z]{3,}|[\u3400-\u9fff]{2,}/i.test(parts.slice(0, i).join('').replace(/\d{3}/g, ' '))) return text;
    return `${parts.slice(0, i).join('')} ?${parts.slice(i + 1).join('')}`;
  }
  return text;
}

function withoutMeaning(text: string): string {
  const m = MEANS.exec(text);
  if (!m || !SUBJECT.test(text.slice(0, m.index))) return text;
  const rest = text.slice(m.index + m[0].length);
  const end = CLAUSE_END.exec(rest);
  const guess = end ? rest.slice(0, end.index) : rest;
  // "说明什么" / "means what" asks what it means: no guess to drop.
  if (/^\s*(?:什么|啥|what\b)/i.test(guess) || guess.trim() === '') return text;
  // Asked, not told: "日志说明服务已经停了" states a conclusion, a symptom like any other.
  const asked =
    /^(?:是不是|是否|does|do|doesn't|would)/i.test(m[0]) ||
    /[吗嘛么呢]\s*$/.test(guess) ||
    /^[?？]/.test(rest.slice(end?.index ?? rest.length));
  if (!asked) return text;
  return `${text.slice(0, m.index)} ?${end ? rest.slice(end.index) : ''}`;
}
