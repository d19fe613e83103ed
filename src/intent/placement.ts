import { withoutAroundOms } from './around-oms.js';
import { withoutHardeningDone } from './hardening.js';
import { withoutComparison } from './comparison.js';
import { withoutDatabaseOfTables, type MessageContext } from './context.js';
import type { PlaybookIndex } from './index.js';
import { normalize } from './normalize.js';
import { splitSyllables } from './pinyin.js';
import { withoutSecurityChannel } from './security-channel.js';
import { withoutContainerSide } from './container-side.js';
import { withoutOwnTestEnvironment } from './test-env.js';

/**
 * Where a message is placed beyond src/intent/context.ts's lists: systems told by their names (src/intent/foreign.ts)
 * and things every server has, which are OMS's beside one of OMS's own parts.
 */

/** A message that names nothing of OMS but an unknown system is that system's (src/intent/foreign.ts). */
export function withForeignNames(
  ctx: MessageContext,
  index: PlaybookIndex,
  whole: string,
  prose: string[],
): MessageContext {
  if (ctx.foreign && !ctx.sharedOnly) return ctx;
  // A security tool named as where a line was seen or who asks is a channel (src/intent/security-channel.ts).
  // … and so is another system named as what one already knows (src/intent/context.ts).
  // … and so is the server's own hardening told as done before OMS's trouble (src/intent/hardening.ts), and what is
  // around OMS in its report (src/intent/around-oms.ts: a user agent, the tool that deploys it).
  const told = whole;
  // … and so are OMS's own test environment and its installation in containers (src/intent/test-env.ts,
  // src/intent/container-side.ts).
  const seen = (t: string) =>
    withoutContainerSide(
      withoutOwnTestEnvironment(
        withoutDatabaseOfTables(
          withoutComparison(withoutSecurityChannel(withoutAroundOms(withoutHardeningDone(t).text, told))),
        ),
      ).text,
    ).text;
  whole = withoutDates(seen(whole));
  const lines = prose.map((l) => withoutDates(seen(normalize(l))));
  if (!ctx.ours && (index.foreign.find(whole, lines) !== undefined || typedOtherSystem(whole)))
    return { ...ctx, foreign: true, other: true, sharedOnly: false };
  if (!ctx.other && index.foreign.find(whole, lines, true) !== undefined) return { ...ctx, other: true };
  return ctx;
}

/**
 * A day or a month named in a letter ("since the move to the production server on Monday", "as of 3 January"): a
 * date, no system named at the end of a clause (src/intent/foreign.ts).
 */
const DATE_NAMES = new RegExp(
  String.raw`\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|` +
    String.raw`\b(?:january|february|april|june|july|august|september|october|november|december)\b`,
  'g',
);

function withoutDates(text: string): string {
  return /(?:mon|tues|wednes|thurs|fri|satur|sun)day|uary\b|april|june|july|august|[mb]ber\b/.test(text)
    ? text.replace(DATE_NAMES, ' ')
    : text;
}

/**
 * Other systems typed in pinyin ("denglu youxiang shibai", "da yin ji lian bu shang"): the names of
 * src/intent/other-systems.ts that office chat types, as syllables. Channels (weixin, dingding) are not among them: a
 * report heard there is OMS's.
 */
const PINYIN_NAMES = [
  ...['you xiang', 'da yin ji', 'tou ying yi', 'hui yi shi', 'bao xiao', 'fa piao', 'gong zi', 'da ka', 'kao qin'],
  ...['lu you qi', 'jiao huan ji', 'bao lei ji', 'tiao ban ji', 'bi ji ben', 'yuan cheng zhuo mian'],
  // an intern's campus and a warehouse's devices ("xiaoyuanwang denglu bushang", "shouchi denglu bu shang")
  ...['xiao yuan wang', 'su she', 'jiao wu', 'bi she', 'lun wen', 'shou chi', 'hua ji', 'zuo xi'],
  // games, shops and one's own practice project (src/intent/other-lives.ts):
  // "youxi denglu bu shang", "taobao xiadan 502"
  ...['you xi', 'wo de shi jie', 'lian shou', 'tao bao', 'pin duo duo', 'gu piao', 'wei xin deng lu'],
  // a family's phones, televisions and accounts:
  // "wode xiaomi shouji", "jia li dianshi denglu aiqiyi", "lao po de diannao"
  ...['xiao mi', 'ai qi yi', 'dian shi', 'lao po', 'lao gong'],
  // a business user's finance suite and tax device (src/intent/specialist-tools.ts): "jindie houtai dakai 502"
  ...['jin die', 'shui kong'],
].map((n) => n.split(' '));

/** A quick look before the syllables are compared: one of the names' first two syllables, spaced or not. */
const MAY_NAME = new RegExp(PINYIN_NAMES.map((n) => `${n[0]} ?${n[1]}`).join('|'));

/** A browser typed in pinyin: the laptop beside it is where OMS is used from ("wo bijiben liulanqi dakai de"). */
const TYPED_BROWSER = /liu ?lan ?qi|\b(?:chrome|edge|firefox)\b/;

/** Syllables that join a name's first into another word: 所有系统 (suo you xi tong), 九点时 (jiu dian shi). */
const JOINED_BEFORE: Record<string, RegExp> = {
  'you xi': /^suo$/,
  'dian shi': /^(?:yi|er|liang|san|si|wu|liu|qi|ba|jiu|shi|ling|ji|zheng)$/,
};

function joined(name: readonly string[], before: string | undefined): boolean {
  return before !== undefined && (JOINED_BEFORE[name.join(' ')]?.test(before) ?? false);
}

/** Does a message typed in pinyin name another system, each name made of whole words ("youxiang", "you xiang")? */
function typedOtherSystem(text: string): boolean {
  if (!MAY_NAME.test(text)) return false;
  const browser = TYPED_BROWSER.test(text);
  const words: string[][] = [];
  for (const t of text.match(/[a-z]+/g) ?? []) words.push(splitSyllables(t) ?? []);
  for (let i = 0; i < words.length; i++) {
    // not 没有 … ("mei you xiang dao" is 没有想到)
    if (words[i]!.length === 0 || words[i - 1]?.at(-1) === 'mei') continue;
    for (const name of PINYIN_NAMES) {
      const syl: string[] = [];
      for (let j = i; j < words.length && syl.length < name.length && words[j]!.length > 0; j++) syl.push(...words[j]!);
      if (syl.length === name.length && syl.every((s, k) => s === name[k]) && !joined(name, words[i - 1]?.at(-1))) {
        if (!(browser && name.join(' ') === 'bi ji ben')) return true;
      }
    }
  }
  return false;
}

/** Parts only OMS has here: beside them, a thing every server has (数据库, 机房) is OMS's own. */
const OMS_OWN_PARTS = [
  'login',
  'superuser',
  'admin-site',
  'bulk-import',
  'backend',
  'worker',
  'static',
  'unit-format',
  'unit-directive',
  'service-user',
  // systemd's 217/USER or 203/EXEC told in words ("scp'd the unit file … fails with exit code 217")
  'unit-exit',
  'sigterm',
];

/** "刚部署完数据库是空的，一个能进后台的管理员账号都没有": the database is OMS's when one of OMS's parts is named. */
export function ownInfra(ctx: MessageContext, concepts: ReadonlySet<string>): MessageContext {
  if (!ctx.sharedOnly || !ctx.foreign) return ctx;
  // "想自己 ssh 上去按顺序手动过一遍": the whole checked by hand is OMS's checklist, reached by what every server has.
  const byHand = concepts.has('by-hand') && concepts.has('checkup') && concepts.has('everything');
  if (!byHand && !OMS_OWN_PARTS.some((c) => concepts.has(c))) return ctx;
  return { ...ctx, foreign: false };
}
