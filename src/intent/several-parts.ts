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
