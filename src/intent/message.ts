import { messageContext, type MessageContext } from './context.js';
import { ownInfra, withForeignNames } from './placement.js';
import { awayFromProduction } from './production-fine.js';
import { canonical, normalize, stripLogPrefix } from './normalize.js';
import type { PlaybookIndex } from './index.js';
import { unitsOf } from './index.js';
import { detectConcepts } from './concepts.js';
import { pinyinStream } from './pinyin.js';
import { COMPONENTS, GENERIC_COMPONENTS } from './lexicon-components.js';
import { portMissingFromListing } from './paste-shape.js';
import { alternatesTroubles, namesSeveralParts } from './several-parts.js';
import { withoutGuess } from './hypothesis.js';

/** Bounds that keep matching fast on huge pastes: what an operator pastes fits well within them. */
const MAX_LINES = 200;
const MAX_LINE_CHARS = 2000;
const MAX_PROSE_CHARS = 1500;
/** Concepts are read from the first part of the message only: a long paste's tail adds nothing. */
const MAX_CONCEPT_CHARS = 3000;

/** One line of the message, as signatures see it. */
export interface MessageLine {
  /** The line as pasted (bounded). */
  raw: string;
  /** Without its log prefix, NFKC-normalised. */
  body: string;
}

/** A message taken apart once for all playbooks. */
export interface Message {
  lines: MessageLine[];
  /** The lines without a log prefix, canonical form (near-synonyms folded). */
  prose: string;
  /** The prose's matching units (CJK bigrams, corrected and stemmed latin words). */
  units: Set<string>;
  /** The prose without a leading command word (`/oms`, `diagnose`, `诊断` …), for exact alias hits. */
  command: string;
  /** The whole message joined on one line (wrapped error lines), if short enough. */
  joined: string;
  context: MessageContext;
  /** CJK skip-bigrams of the prose (a, b with one character between): 样式全丢 still holds 式丢. */
  skips: Set<string>;
  /** Concepts of the lexicon the whole message names (src/intent/concepts.ts). */
  concepts: Set<string>;
  /** The message asks something (how, where, is it normal …): how-to sections may answer it. */
  question: boolean;
  /** The message says something is wrong (a problem concept, or a trouble word). */
  trouble: boolean;
  /** A textbook question ("OOM 是什么意思", "difference between SIGTERM and SIGKILL") about no part of OMS. */
  general: boolean;
  /** Host named by a log prefix, if any. */
  host?: string;
}

/** Concepts that say something is wrong (src/intent/lexicon-problems.ts, src/intent/lexicon-faults.ts). */
export const PROBLEM_CONCEPTS = [
  'fails',
  'cannot-open',
  'down',
  'not-found',
  'bad-gateway',
  'timeout',
  'oom',
  'killed',
  'restart-loop',
  'not-listening',
  'missing',
  'permission',
  'cors',
  'unauthorized',
  'in-use',
  'not-applied',
];

/** Asking what a word means or how two things differ. */
const DEFINITION =
  /是什么意思|啥意思|什么区别|的区别|区别是什么|difference between|what(?:'s| is) the difference|stand for/;
/**
 * Learning rather than a fault: an interview question, a tutorial or a book, the rule a mechanism follows ("OOM
 * killer 是按什么规则挑进程杀的"). About OMS only when it says so.
 */
const LEARNING = new RegExp(
  [
    // … or a school's exam question ("考试题：nginx 502 和 504 的区别")
    '面试|考试|考题|笔试|习题|入门|教程|(?:按|根据)什么(?:规则|逻辑|算法|策略)|推荐.{0,8}(?:书|课程|教程)|(?:书|课程|资料)推荐',
    String.raw`\binterview\b|\bexam\b|\bquiz\b|\btutorial\b|\bbooks?\b|\bcourse\b`,
    String.raw`官方文档|官网文档|\bofficial (?:docs?|documentation)\b`,
    String.raw`\bhow does (?:the )?[a-z -]{2,30} (?:work|decide|choose|pick)\b`,
  ].join('|'),
  'i',
);

/** Concepts that place a question in OMS (or in something seen in it: 报错, 日志). */
const OMS_PARTS = [
  'login',
  'superuser',
  'admin-site',
  'bulk-import',
  'api',
  'backend',
  'port',
  'nginx',
  'service',
  'worker',
  'frontend',
  'static',
  'logs',
  'config',
  'unit-format',
  'service-user',
  'unit-directive',
  'fails',
];

/** Concepts that make a message a question (src/intent/lexicon.ts), or a request ("unit 文件示例", "止血命令"). */
const QUESTIONS = [
  'howto',
  'where',
  'question',
  'is-normal',
  'by-hand',
  'recommended',
  'quick-fix',
  'support',
  // "超管密码忘了" asks for the way back in.
  'forgot',
];

/** Words that say something is wrong, in canonical form (see synonyms.ts). */
export const TROUBLE = new RegExp(
  [
    '报错|失败|打不开|没反应|不了|不上|不到|有问题|异常|超时|丢了|40[01345]|50[0234]|not found|',
    String.raw`(?<![a-z])(?:error|fail|down|cannot|timeout|crash\w*|killed)(?![a-z])`,
  ].join(''),
);

function skipBigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff]{3,}/g) ?? [])
    for (let i = 0; i + 2 < run.length; i++) out.add(run[i]! + run[i + 2]!);
  return out;
}

/** Concepts named in a text (normalised here), bounded in length. */
function conceptsOf(index: PlaybookIndex, text: string): Set<string> {
  if (!text) return new Set();
  const plain = normalize(text.slice(0, MAX_CONCEPT_CHARS));
  return detectConcepts(index.lexicon, plain, pinyinStream(plain));
}

/** Clauses: split at punctuation, at "but" and at a space between Chinese words (dictated or chat text). */
export const CLAUSE = /[,.;!?。；！？\n]|但是?|可是|不过|\bbut\b| (?<=[\u3400-\u9fff] )(?=[\u3400-\u9fff])/i;

/** A clause saying one part is fine ("但是 /api/ 正常", "the main site loads fine", the network: "交换机没丢包"). */
export const FINE =
  /正常|没问题|是好的|好好的|是通的|能用|[没不]有?丢包|没有?[挡拦]|放通|ping ?[得是]?通|(?<![a-z])(?:fine|works?|loads|healthy|ok|okay)(?![a-z])/i;
/**
 * A clause saying a part works when reached directly ("admin works fine on :8000 directly", "直接访问 8000 正常"):
 * the part is not fine, the way to it through nginx is what fails.
 */
const DIRECTLY = /\bdirect(?:ly)?\b|\bbypass|直接(?:访问|请求|curl|打|连)?|直连|绕过|:8000\b|8000 ?端口/i;

/**
 * The text without its clauses that say something is fine and name no problem ("nginx -t 也 ok"; with `oneFine`,
 * also "但是 /api/ 正常" beside a problem named elsewhere) and ask nothing.
 */
function withoutHealthyClauses(index: PlaybookIndex, text: string, oneFine = false): string {
  const clauses = text.split(CLAUSE).map((clause) => ({ clause, found: conceptsOf(index, clause) }));
  const troubled = (f: Set<string>) => PROBLEM_CONCEPTS.some((c) => f.has(c));
  const fine = ({ clause, found }: { clause: string; found: Set<string> }) =>
    (found.has('all-fine') || (oneFine && FINE.test(normalize(clause)) && !asks(clause, found))) && !troubled(found);
  // A part said to work when reached directly is the one in trouble through nginx when the rest names no other
  // ("admin works fine on :8000 directly, but through port 80 I get the SPA"); beside another part ("直接 curl 登录接口
  // 是好的 …，走 nginx 就变 404" names 接口) it is dropped as any fine clause.
  const named = (f: Set<string>) => [...f].some((k) => k in COMPONENTS && !GENERIC_COMPONENTS.has(k));
  const partElsewhere = clauses.some((c) => !fine(c) && named(c.found));
  const healthy = (c: { clause: string; found: Set<string> }) =>
    fine(c) && (partElsewhere || !oneFine || !DIRECTLY.test(c.clause));
  if (oneFine && !clauses.some((c) => troubled(c.found) && !healthy(c))) return text;
  return clauses
    .filter((c) => !healthy(c))
    .map((c) => c.clause)
    .join('\n');
}

const ASKS_NORMAL = /正常吗|正常不|是否正常|正不正常|normal\s*\?|is (?:it|this|that) normal/i;

/** Does a clause ask something? "正常" alone says how things are ("/api/ 正常"). */
function asks(clause: string, found: Set<string>): boolean {
  return ASKS_NORMAL.test(clause) || QUESTIONS.some((q) => q !== 'is-normal' && found.has(q));
}

/** The whole asked for: go through everything, where to start, a check-up. */
const WHOLE_ASKED = ['everything', 'where-to-start', 'checkup'];

const COMMAND_WORDS = /^(?:@\S+\s+)?(?:\/?oms\s+)?(?:diagnose|diag|run|check|match|诊断|排查|检查一下|查一下|看看)?\s*/;

/** Split a message into lines, strip log prefixes, fold synonyms, classify context. */
export function readMessage(text: string, index: PlaybookIndex): Message {
  const lines: MessageLine[] = [];
  const prose: string[] = [];
  let host: string | undefined;
  let proseChars = 0;
  const logLines: string[] = [];
  for (const rawLine of text.split(/\r?\n/, MAX_LINES)) {
    const raw = rawLine.length > MAX_LINE_CHARS ? rawLine.slice(0, MAX_LINE_CHARS) : rawLine;
    if (/^\s*(```|~~~)/.test(raw)) continue;
    const stripped = stripLogPrefix(raw.normalize('NFKC'));
    if (!stripped.text) continue;
    host ??= stripped.host;
    lines.push({ raw, body: stripped.text });
    if (stripped.prefixed) logLines.push(stripped.text);
    else if (proseChars < MAX_PROSE_CHARS) {
      prose.push(withoutGuess(stripped.text));
      proseChars += stripped.text.length;
    }
  }
  const proseText = canonical(prose.join(' ').slice(0, MAX_PROSE_CHARS));
  const joinedSource = lines.map((l) => l.body).join(' ');
  const whole = normalize(
    lines
      .map((l) => l.raw)
      .join(' ')
      .slice(0, 8000),
  );
  // Prose and pasted lines apart: a question is asked in prose ("Perhaps out of memory?" in a log asks nothing).
  let inProse = conceptsOf(index, prose.join(' '));
  let said = prose.join('\n');
  let troubleText = proseText;
  if (inProse.has('all-fine')) {
    // "服务、端口都正常，但登录一直失败": what is said to be fine is not what is in trouble.
    said = withoutHealthyClauses(index, withoutHealthyClauses(index, said), true);
    inProse = conceptsOf(index, said);
    inProse.add('all-fine');
  } else if (FINE.test(normalize(said))) {
    // "/admin/ 返回 404，但是 /api/ 正常": the part said to be fine is not the one in trouble, in concepts nor
    // in the words phrases are matched on.
    const rest = withoutHealthyClauses(index, said, true);
    if (rest !== said) {
      said = rest;
      inProse = conceptsOf(index, said);
      troubleText = canonical(said.replace(/\n/g, ' ').slice(0, MAX_PROSE_CHARS));
    }
  }
  if (namesSeveralParts(index.lexicon, said.slice(0, MAX_PROSE_CHARS))) inProse.add('several-parts');
  if (alternatesTroubles(index.lexicon, said.slice(0, MAX_PROSE_CHARS))) inProse.add('many-problems');
  // "都正常" / "looks normal" says how things are; it asks nothing unless asked ("正常吗", "normal?").
  if (inProse.has('all-fine') && !ASKS_NORMAL.test(prose.join(' '))) inProse.delete('is-normal');
  const concepts = new Set([...inProse, ...conceptsOf(index, logLines.join(' '))]);
  // Other systems named only as fine ("redis 和 mysql 都好好的，但是登录一直失败", "DNS 解析没问题，…") place nothing.
  const placed = said === prose.join('\n') ? whole : normalize([said, ...logLines].join(' ').slice(0, 8000));
  const placedLines = said === prose.join('\n') ? prose : [said.replace(/\n/g, ', ')];
  // A port looked for in a listing that does not show it: nothing listens there.
  if (portMissingFromListing(lines.map((l) => l.body))) concepts.add('port').add('not-listening');
  const context = awayFromProduction(
    ownInfra(withForeignNames(messageContext(placed), index, placed, placedLines), concepts),
    whole,
  );
  // All kinds of errors are many problems on OMS only: its name or one of its parts beside them ("oms 就各种报错"), or
  // the whole asked for ("上线后各种报错，能不能帮我从头到尾过一遍").
  const onOms =
    context.ours ||
    WHOLE_ASKED.some((k) => concepts.has(k)) ||
    [...concepts].some((k) => k in COMPONENTS && !GENERIC_COMPONENTS.has(k));
  if (concepts.has('all-kinds') && onOms) concepts.add('many-problems');
  return {
    lines,
    prose: proseText,
    units: unitsOf(troubleText, index.typos),
    command: proseText.replace(COMMAND_WORDS, '').trim(),
    joined: lines.length > 1 && joinedSource.length <= 4000 ? joinedSource : '',
    context,
    skips: skipBigrams(proseText),
    concepts,
    question: QUESTIONS.some((q) => inProse.has(q)),
    trouble: PROBLEM_CONCEPTS.some((c) => concepts.has(c)) || TROUBLE.test(proseText),
    general:
      ((DEFINITION.test(proseText) && !OMS_PARTS.some((c) => concepts.has(c))) || LEARNING.test(proseText)) &&
      !/oms/.test(proseText),
    ...(host !== undefined ? { host } : {}),
  };
}
