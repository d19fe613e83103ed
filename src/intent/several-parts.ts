/**
 * Several parts of OMS named at once (a list of them, or clauses joined by "+"): a message about the whole, not one
 * part. Read by src/intent/message.ts.
 */
import { detectConcepts, type Lexicon } from './concepts.js';
import { COMPONENTS, GENERIC_COMPONENTS } from './lexicon-components.js';
import { PROBLEMS } from './lexicon-problems.js';
import { normalize } from './normalize.js';
import { plusPieces } from './paste-shape.js';

/**
 * A list of three or more short items ("登录、接口、后台", "service, port, nginx, env"): words, not clauses (a comma
 * between Chinese clauses separates sentences; NFKC has made "，" a ",").
 */
const ITEM = String.raw`(?:[a-z][a-z0-9_.-]{0,11}|[\u3400-\u9fff]{1,3}[a-z0-9]{0,6}|[a-z0-9]{1,6}[\u3400-\u9fff]{1,3})`;
// Alternatives are a list too: "不确定是前端、nginx 还是后端", "nginx or the backend or the front end".
const SEP = String.raw`(?:\s*[、,]\s*(?:and\s+(?:the\s+)?)?|\s+(?:and|or)\s+(?:the\s+)?|\s*(?:还是|或者)\s*)`;
const LIST = new RegExp(String.raw`(?<![\w\u3400-\u9fff])${ITEM}(?:${SEP}${ITEM}){2,}`, 'gi');
/** Chinese words separated by spaces only ("登录 后台 接口 都有毛病"). */
const SPACED = /(?<![\w\u3400-\u9fff])[\u3400-\u9fff]{2,4}(?: +[\u3400-\u9fff]{2,4}){2,}/g;

/**
 * Short clauses separated by semicolons, as a relayed report lists what fails ("客户反馈：登录不了；后台白屏；导入失败。"):
 * the run of three or more pieces, the first cut after its lead-in, the last before the sentence goes on.
 */
function semicolonPieces(text: string): string[][] {
  if (!text.includes(';')) return [];
  const out: string[][] = [];
  for (const line of text.split('\n')) {
    const pieces = line.split(';');
    if (pieces.length < 3) continue;
    pieces[0] = pieces[0]!.split(/[:,.!?]/).at(-1)!;
    pieces[pieces.length - 1] = pieces.at(-1)!.split(/[:,.!?]/)[0]!;
    if (pieces.every((p) => p.trim().length > 0 && p.trim().length <= MAX_CLAUSE)) out.push(pieces);
  }
  return out;
}
/** Longest piece of a semicolon list read as one item (a short clause: "后台打开白屏", "login page 404"). */
const MAX_CLAUSE = 16;

/**
 * Does the text list three or more parts of OMS (each item naming a component, at least two of them specific to
 * OMS rather than every system's users or config), as a list of words or as clauses joined by "+"? Such a message
 * is about the whole, not one part.
 */
export function namesSeveralParts(lexicon: Lexicon, text: string): boolean {
  const plain = normalize(text);
  const lists = [
    ...[...plain.matchAll(LIST)].map((m) => m[0].split(new RegExp(SEP, 'i'))),
    ...[...plain.matchAll(SPACED)].map((m) => m[0].split(/ +/)),
  ];
  const clauses = semicolonPieces(plain).map((list) => ({ list, troubled: true }));
  for (const { list, troubled } of [
    ...[...lists, ...plusPieces(plain)].map((l) => ({ list: l, troubled: false })),
    ...clauses,
  ]) {
    const named = new Set<string>();
    let items = 0;
    for (const item of list) {
      const concepts = detectConcepts(lexicon, item.trim(), '');
      const found = [...concepts].filter((c) => c in COMPONENTS);
      // A clause of the list says what fails: "密码确认没错" is a fact about the login, no part in trouble.
      if (found.length === 0 || (troubled && ![...concepts].some((c) => c in PROBLEMS))) continue;
      items++;
      for (const c of found) named.add(c);
    }
    const specific = [...named].filter((c) => !GENERIC_COMPONENTS.has(c)).length;
    if (items >= 3 && named.size >= 3 && specific >= 2) return true;
  }
  return false;
}

/** "一会…一会…", "时而…时而…", "sometimes … sometimes …": symptoms told as alternating. */
const ALTERNATING = /一会儿?|时而|有时候?|\bsometimes\b/gi;

/** What kind of trouble a piece names: the login's, a status code's, or another problem's (null: none). */
function troubleKind(found: ReadonlySet<string>): string | null {
  if (found.has('login') && (found.has('fails') || found.has('cannot-open') || found.has('unauthorized')))
    return 'login';
  for (const k of ['not-found', 'bad-gateway', 'timeout', 'down', 'cannot-open', 'fails']) if (found.has(k)) return k;
  return null;
}

/**
 * Different troubles told as taking turns ("一会登不上一会404", "一会是登录失败一会是502一会又是找不到", "sometimes login
 * fails, sometimes 502"): many problems at once, the whole's. One trouble coming and going ("接口一会儿502一会儿正常",
 * "一会儿登录失败一会儿提示密码错误") is one part's.
 */
export function alternatesTroubles(lexicon: Lexicon, text: string): boolean {
  if (!/一会|时而|有时|sometimes/i.test(text)) return false;
  const plain = normalize(text);
  const pieces = plain.split(ALTERNATING);
  if (pieces.length < 3) return false;
  const kinds = new Set<string>();
  for (const piece of pieces.slice(1)) {
    const kind = troubleKind(detectConcepts(lexicon, piece, ''));
    if (kind) kinds.add(kind);
  }
  return kinds.size >= 2;
}
