import type { PlaybookIndex } from './index.js';
import type { OfferedChoice } from './ngram-offer.js';
import { detectConcepts, type Lexicon } from './concepts.js';
import { normalize } from './normalize.js';
import { CLAUSE, FINE, PROBLEM_CONCEPTS, TROUBLE, type Message } from './message.js';
import { pinyinStream } from './pinyin.js';
import { canonicalize } from './synonyms.js';

/** At most this many choices are offered. */
const MAX_CHOICES = 3;
/** Only the first clauses are read: a long paste's tail names no more parts. */
const MAX_CLAUSES = 16;
/** Longer than this, a "clause" is a pasted line (a URL, a traceback), not a part said to be in trouble. */
const MAX_CLAUSE_CHARS = 120;
/** This many different parts in trouble make the checklist the first choice. */
const LEADS_AT = 3;
/** The reason shown beside the checklist offered for several parts in trouble. */
const WHOLE_REASON = '几处同时出问题 / several parts in trouble at once';

/**
 * The parts an operator sees fail, each a playbook's: the login, the API, the admin, and the server side behind them
 * (the unit, gunicorn, port 8000, nginx).
 */
const PART_OF: Readonly<Record<string, string>> = {
  login: 'login',
  superuser: 'login',
  api: 'api',
  'admin-site': 'admin',
  'admin-word': 'admin',
  static: 'admin',
  'bulk-import': 'admin',
  service: 'server',
  backend: 'server',
  worker: 'server',
  port: 'server',
  nginx: 'server',
};

/** How many of the parts an operator sees fail (login, API, admin, server: {@link PART_OF}) a message names. */
export function partGroupsNamed(concepts: ReadonlySet<string>): number {
  const groups = new Set<string>();
  for (const k of concepts) if (k in PART_OF) groups.add(PART_OF[k]!);
  return groups.size;
}

const clauseLexicons = new WeakMap<Lexicon, Lexicon>();
/** {@link partsInTrouble}'s answer for each message read. */
const troubledOf = new WeakMap<Message, string[][]>();

/** The lexicon's parts and problems only: what a clause is read for (the whole lexicon per clause costs far more). */
function clauseLexicon(lexicon: Lexicon): Lexicon {
  const hit = clauseLexicons.get(lexicon);
  if (hit && (hit.pinyin || !lexicon.pinyin)) return hit;
  const wanted = new Set([...Object.keys(PART_OF), ...PROBLEM_CONCEPTS]);
  const concepts = lexicon.concepts.filter((c) => wanted.has(c.id));
  const sub: Lexicon = {
    concepts,
    byId: new Map(concepts.map((c) => [c.id, c])),
    ...(lexicon.pinyin ? { pinyin: lexicon.pinyin.filter(([, id]) => wanted.has(id)) } : {}),
  };
  clauseLexicons.set(lexicon, sub);
  return sub;
}

/**
 * The parts of OMS named in trouble, clause by clause: a clause naming one of the parts an operator sees fail
 * (PART_OF; not users, passwords or config, which every system has) and a sign of trouble in the same clause
 * ("登录不行", "接口时好时坏", "admin 404"). Returns the components of each such clause, read once per message
 * (src/intent/whole.ts and offerTheWhole both ask; a message is read against one index).
 */
export function partsInTrouble(index: PlaybookIndex, msg: Message): string[][] {
  const hit = troubledOf.get(msg);
  if (hit) return hit;
  const out: string[][] = [];
  const clauses = msg.lines
    .flatMap((l) => l.body.split(CLAUSE))
    .flatMap((c) => [...c.split(/[、+—–]|\s(?:and|plus)\s|以及|而且|同时/i), ...runOn(c)])
    .slice(0, MAX_CLAUSES);
  for (const clause of clauses) {
    const plain = normalize(clause);
    if (!plain.trim() || plain.length > MAX_CLAUSE_CHARS) continue;
    const stream = pinyinStream(plain);
    // Pinyin forms come from the whole lexicon's, built when the message's own concepts were read.
    const found = detectConcepts(
      stream && !index.lexicon.pinyin ? index.lexicon : clauseLexicon(index.lexicon),
      plain,
      stream,
    );
    const parts = [...found].filter((c) => c in PART_OF);
    if (parts.length === 0) continue;
    // "直连 8000 是 401 正常的": a status said to be fine is no trouble.
    const trouble =
      PROBLEM_CONCEPTS.some((k) => found.has(k)) || (TROUBLE.test(canonicalize(plain)) && !FINE.test(plain));
    if (!trouble) continue;
    // "登录/接口都不行", "login and api both fail": each part of the list is in trouble.
    if (parts.length > 1 && SHARED.test(plain)) out.push(...parts.map((p) => [p]));
    else out.push(parts);
  }
  troubledOf.set(msg, out);
  return out;
}

/** Parts listed ("登录/接口", "login and the api") and said to share one trouble ("都", "全", "both", "all"). */
const SHARED = /[、/和跟及]\s*\S{1,12}\s*(?:都|全都|全)|\band\b.{1,20}\b(?:both|all)\b/i;
/** Where a trouble ends and the next part's clause begins with no comma: "登录不了|接口也报错|后台也进不去". */
const RUN_ON = /(?<=不了|不行|不上|不去|进不去|打不开|报错|失败|挂了)(?=[^\s了的啊呀吧呢吗,，。])/;

/** A clause of several troubles run together ("登录不了接口也报错"), cut after each; none when it holds one. */
function runOn(clause: string): string[] {
  const pieces = clause.split(RUN_ON);
  return pieces.length > 1 ? pieces : [];
}

/**
 * How many parts (PART_OF) the whole message names: its clauses are worth reading one by one only when it names as
 * many as are asked for.
 */
export function partsNamedIn(concepts: ReadonlySet<string>): number {
  const parts = new Set<string>();
  for (const c of concepts) if (c in PART_OF) parts.add(PART_OF[c]!);
  return parts.size;
}

/**
 * How many different parts the clauses in trouble name, each clause naming one part ("登录不行", "admin 404"); a
 * clause naming several says how they go together ("登录接口 404", "login api gives 401") and counts for none. The
 * API and the server side behind it alone count as one ("接口全 502，gunicorn 挂了？" is one fault seen from two ends).
 */
export function troubledParts(troubled: string[][]): number {
  const parts = new Set<string>();
  for (const clause of troubled) {
    const own = new Set(clause.map((c) => PART_OF[c]).filter((p) => p !== undefined));
    if (own.size === 1) parts.add([...own][0]!);
  }
  if (parts.size === 2 && parts.has('api') && parts.has('server')) return 1;
  return parts.size;
}

/**
 * Choices of several parts (login, the API, the admin …) for a message naming several parts each in trouble in its
 * own clause ("登录不行 接口时好时坏 后台也怪") may all be partly right: the full checklist, which runs every part's
 * checks, is offered among them (after the first, in place of the third when there are three). Pure.
 */
export function offerTheWhole<R extends { outcome: string; choices?: OfferedChoice[] }>(
  result: R,
  index: PlaybookIndex,
  msg: Message,
): R {
  // The playbook that answers for the whole: the one declaring several parts (the checklist).
  const umbrella = index.playbooks.find((p) => p.concepts.some((k) => k.includes('several-parts')));
  if (result.outcome !== 'choices' || !result.choices || umbrella === undefined) return result;
  const choices = result.choices;
  if (choices.some((c) => c.id === umbrella.id) || choices.length < 2) return result;
  const n = partsNamedIn(msg.concepts) >= 2 ? troubledParts(partsInTrouble(index, msg)) : 0;
  if (n < 2) return result;
  const added: OfferedChoice = { id: umbrella.id, title: umbrella.title, confidence: 0, reason: WHOLE_REASON };
  const kept = choices.slice(0, MAX_CHOICES - 1);
  // Three parts or more in trouble: the whole leads; two: the rules' first reading stays first.
  if (n >= LEADS_AT) return { ...result, playbook: { id: added.id, title: added.title }, choices: [added, ...kept] };
  return { ...result, choices: [kept[0]!, added, ...kept.slice(1)] };
}
