/**
 * Typo tolerance for latin words: a word that is not in the playbooks'
 * vocabulary is read as the vocabulary word within a small edit distance
 * (1 for words of 4–7 letters, 2 from 8 letters), transpositions included.
 */

/** Real words that sit one edit away from vocabulary words and must stay themselves. */
const KEEP = new Set([
  'logic',
  'begin',
  'legit',
  'losing',
  'lodge',
  'admit',
  'admins',
  'audit',
  'again',
  'adding',
  'agent',
  'agents',
  'pages',
  'cores',
  'score',
  'worked',
  'worker',
  'words',
  'world',
  'ports',
  'posts',
  'test',
  'tests',
  'start',
  'state',
  'stats',
  'store',
  'story',
  'users',
  'uses',
  'user',
  'sign',
  'down',
  'done',
  'dawn',
  'town',
  'found',
  'round',
  'sound',
  'bound',
  'wound',
  'mount',
  'count',
  'after',
  'other',
  'water',
  'later',
  'dinner',
  'lunch',
  'merge',
  'merged',
]);

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

/** Corrects words against a fixed vocabulary; remembers its answers. */
export class TypoCorrector {
  private readonly vocab: Set<string>;
  private readonly list: string[];
  private readonly cache = new Map<string, string>();

  constructor(vocabulary: Iterable<string>) {
    this.vocab = new Set(vocabulary);
    this.list = [...this.vocab].filter((w) => /^[a-z]{4,}$/.test(w));
  }

  /** The vocabulary word meant by `word`, or `word` itself. */
  correct(word: string): string {
    if (this.vocab.has(word) || word.length < 4 || KEEP.has(word) || !/^[a-z]+$/.test(word)) return word;
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    const max = word.length >= 8 ? 2 : 1;
    let best = word;
    let bestD = max + 1;
    for (const v of this.list) {
      // A typo rarely changes the first letter unless it swaps the first two.
      if (v[0] !== word[0] && !(v[0] === word[1] && v[1] === word[0])) continue;
      const d = editDistance(word, v, max);
      if (d < bestD) {
        bestD = d;
        best = v;
      }
    }
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }
}

/**
 * Homophones that voice input and pinyin keyboards put in place of OMS's words (登陆 is folded with the
 * near-synonyms in src/intent/synonyms.ts): 后太 for 后台, 服务气 for 服务器, 借口 for 接口, 前段 for 前端, 重起 for
 * 重启 … Each is a word nobody means in an ops channel, or is left alone where it would be meant: 找借口 (an excuse),
 * 前段时间 (a while ago). Applied by normalize() (src/intent/normalize.ts) to messages and phrases alike.
 */
const HOMOPHONES: Record<string, string> = {
  后太: '后台',
  后抬: '后台',
  服务气: '服务器',
  借口: '接口',
  前段: '前端',
  后段: '后端',
  重起: '重启',
  起动: '启动',
  配制: '配置',
  秘码: '密码',
  模版: '模板',
  进城: '进程',
  布署: '部署',
  日至: '日志',
  网管: '网关',
  超官: '超管',
  登路: '登录',
  // speech recognition's 密码 (秘密): "输完账号秘密它又跳回等路页面了"
  秘密: '密码',
  倒入: '导入',
  超市: '超时',
  // a pinyin keyboard's first candidate: 等录 for 登录, 登不近去 for 登不进去, 服物 for 服务, 启东 for 启动
  等录: '登录',
  等陆: '登录',
  // speech recognition's 登录 (等路不上, 灯路失败)
  等路: '登录',
  灯路: '登录',
  登不近: '登不进',
  登近: '登进',
  服物: '服务',
  启东: '启动',
  // the backend's service or program named 后台 (a business user's word): not the admin pages
  先挂了: '先下了',
  后台服务: '后端服务',
  后台程序: '后端程序',
  后台进程: '后端进程',
  // a path dictated: "IP 斜杠 admin" is "IP/admin"
  斜杠: '/',
  斜线: '/',
  // an HTTP status dictated digit by digit: 五零二 is 502, 四零四 404
  ...spokenStatuses(),
  // the pinyin input method's other "bu" picked for 不: 起补来, 登部上, 打布开
  ...mistypedBu(),
};

/** 起补来 … 连布上: the verb and its complement with 补, 部 or 布 typed for 不 (not 步: "起步来得晚"). */
function mistypedBu(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [verb, after] of [
    ['起', '来'],
    ['登', '上'],
    ['登', '进'],
    ['打', '开'],
    ['连', '上'],
    ['进', '去'],
  ] as const)
    for (const bu of '补部布') out[verb + bu + after] = `${verb}不${after}`;
  return out;
}

/** 四零零 … 五零四 (零 or 〇) as the digits they say. */
function spokenStatuses(): Record<string, string> {
  const out: Record<string, string> = {};
  const digit = (c: string) => '零〇一二三四五'.indexOf(c);
  for (const a of '四五')
    for (const b of '零〇')
      for (const c of '零〇一二三四') {
        out[a + b + c] = `${digit(a) - 1}0${Math.max(0, digit(c) - 1)}`;
      }
  return out;
}
// Each alternative opens with its own characters (lookbehinds after them), which keeps the scan over every text fast.
const HOMOPHONE_WORDS = new RegExp(
  [
    '后太|后抬|服务气|重起|起动|配制|秘码|模版|进城|倒入|布署|超官|登路|等陆|服物',
    // not waiting for an offer ("在等录取通知", "等录用结果")
    '等录(?!取|用)',
    // not waiting at a crossing or for a passer-by ("在路口等路过的车", "等路灯变绿")
    '等路(?!口|过|灯|人|边|旁|面|费|线|上的)|灯路(?!灯)',
    // 登近 only as 登不近/登近去 ("登不近去"), not 登近 in a place's name
    '登不近|登近(?=去|来)',
    // 启东 is a city: read as 启动 only beside a start ("服务启东失败", "启东不了", "没启东"), never "去启东出差"
    '启东(?=不了|失败|不起来|报错|不成功|成功|起来|不了)|启东(?<=(?:服务|后端|没|不|无法|重新|手动|自动)启东)',
    '后台(?:服务|程序|进程)',
    // 不 mistyped after a verb of getting up or in ("起补来", "登部上", "打布开")
    // … not 一起 ("我们一起补来着", "一起补来不及了")
    '(?<!一)起[补部布]来|登[补部布][上进]|打[补部布]开|连[补部布]上|进[补部布]去',
    // hanging up a phone ("手机没电了 先挂了"), not a service down
    '先挂了(?<=(?:电话|手机|电量|没电|信号|开车|开会)[^\\n]{0,16})',
    // not a date range ("1日至5日"), not the network administrator (网管 is 网关 only before 错误/超时)
    '日(?<![\\d一二三四五六七八九十]日)至',
    '网管(?=错误|超时)',
    // the supermarket only after what times out ("接口超市" is 接口超时; "超市系统" a customer's own system)
    '超市(?<=(?:接口|借口|请求|连接|网关|响应|读取|上游)超市)',
    // a status, not part of a longer number (a room, a phone number, a year)
    '[四五][零〇][零〇一二三四](?<![零〇一二三四五六七八九十百千两幺].{3})(?![零〇一二三四五六七八九十百千万两幺])',
    // 秘密 only as what is typed with an account or is wrong
    '秘密(?<=(?:账号|帐号|用户名|工号|和|跟|输入?了?|输完|填了?|改了?)秘密)|秘密(?=错误|错了|不对|忘了|过期|重置)',
    // not a backslash (反斜杠)
    '(?:斜杠|斜线)(?<!反斜.)',
    // an excuse: 找借口, 拿…当借口, 编借口, 借口说
    '借口(?<![找当编作]借口)(?!说)',
    // "前段时间" is "a while ago", "后段时间" "later on"
    '(?:前段|后段)(?!时间|日子|时期|儿)',
  ].join('|'),
  'g',
);

/** The text with voice input's homophones of OMS's words replaced ({@link HOMOPHONES}). */
export function foldHomophones(text: string): string {
  return text.replace(HOMOPHONE_WORDS, (w) => HOMOPHONES[w] ?? w);
}
