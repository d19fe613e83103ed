/**
 * Several parts of OMS named at once (a list of them, or clauses joined by "+"): a message about the whole, not one
 * part. Read by src/intent/message.ts.
 */
import { detectConcepts, type Lexicon } from './concepts.js';
import { COMPONENTS, GENERIC_COMPONENTS } from './lexicon-components.js';
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
  for (const list of [...lists, ...plusPieces(plain)]) {
    const named = new Set<string>();
    let items = 0;
    for (const item of list) {
      const found = [...detectConcepts(lexicon, item.trim(), '')].filter((c) => c in COMPONENTS);
      if (found.length === 0) continue;
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
