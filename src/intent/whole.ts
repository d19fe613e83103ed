import { AMBIGUITY_MARGIN } from './howto.js';
import { NGRAM_FIRM, NGRAM_SECOND_READING } from './ngram-offer.js';
import type { PlaybookIndex } from './index.js';
import { PROBLEM_CONCEPTS, type Message } from './message.js';
import { detectConcepts } from './concepts.js';
import { normalize } from './normalize.js';
import type { PlaybookScore } from './score.js';
import { APP_COMPONENTS } from './lexicon-components.js';
import { partGroupsNamed, partsInTrouble, partsNamedIn, troubledParts } from './parts-in-trouble.js';
import { alternatesTroubles } from './several-parts.js';
import { bundleOfFindings } from './bundles.js';

/** Concepts that make a message about the whole of OMS (src/intent/lexicon-whole.ts). */
const WHOLE = ['several-parts', 'all-fine', 'where-to-start', 'everything', 'many-problems', 'tried-everything'];
/** Troubles that say only that something does not work, not how (a 502, a 401, a SIGTERM point at one part). */
const GENERIC_TROUBLE = new Set(['fails', 'cannot-open', 'down']);
/** A pasted line recognised this surely points at one part, even in a message about the whole. */
const SPECIFIC_CLUE = 0.9;

/** A message read as about the whole: the playbook answering it, and a part a pasted line points at beside it. */
export interface WholeReading {
  id: string;
  /** Kept a close second (choices, no how-to section): the outputs reviewed hold a line this playbook knows. */
  beside?: string;
}

/**
 * A message about the whole rather than one part — several parts named in one list ("登录、接口、后台全有问题"), or
 * "everything looks fine" with trouble or "what else" ("all looks green … still broken, what else should I go
 * through?") — is answered by the playbook declaring such combinations (`several-parts`, `all-fine`: the
 * checklist), ahead of any one part, unless a pasted log line points at one. Returns that playbook's id; its score
 * is raised to at least `confident` (a decisive match) and the others kept behind it.
 */
export function aboutTheWhole(
  index: PlaybookIndex,
  msg: Message,
  sorted: PlaybookScore[],
  confident: number,
): WholeReading | undefined {
  const c = msg.concepts;
  // A list of healthy parts beside one symptom ("nginx、gunicorn、systemd 都正常，但接口 502") is about that symptom;
  // "all fine" makes the whole the question only with a request to go on ("what else", "完整清单走一遍").
  const more = c.has('where-to-start') || (c.has('everything') && c.has('checkup'));
  // Asked to go through everything with no fault named ("review the whole config", "按清单全跑一下"), on OMS: the
  // pasted lines beside it are what to review, not a fault of one part.
  // Not knowing where to start and asking for everything ("OMS 全挂了，不知道从哪查起，帮忙整体过一遍") is a request
  // for the checklist even with trouble named.
  // So is everything down with two or more parts named and no idea where to start ("全挂了 登录不行 admin也打不开 从哪开始查").
  // So is everything down with no idea where ("全挂了，不知道是哪的问题") when no trouble says which part.
  const vague = onlyGenericTrouble(c);
  // Everything restarted beside one part named in trouble ("都重启过了还是登录不上", "nginx 和 gunicorn 都重启了，后端还是
  // 起不来") is that part's.
  const nowhere = vague && !onePartInTrouble(index, msg);
  const lost =
    c.has('everything') &&
    ((c.has('where-to-start') && (c.has('checkup') || partsNamed(c) >= 2 || vague)) || (c.has('no-clue') && vague));
  // Everything restarted or tried and still broken ("能重启的都重启了，还是用不了"), no trouble saying which part.
  const spent = c.has('tried-everything') && nowhere;
  // So is everything asked for or named, or where to start, over two parts or more each in trouble in a clause of
  // its own ("admin won't load, logins fail and the service keeps restarting — please go through everything",
  // "后台打不开，登录也失败，接口 502，估计是整体的问题"), and three such parts with nothing asked.
  const wanted = more || c.has('everything') ? 2 : 3;
  const spread = partsNamedIn(c) >= wanted && troubledParts(partsInTrouble(index, msg)) >= wanted;
  // Several commands' output pasted for a review of everything ("按文档收集了，整体帮看下" over journalctl, nginx -t,
  // curl …): the errors in it are what to review, not one part's fault.
  // So is a configuration pasted with what it should be asked ("这是现网的 .env，正常配置应该啥样").
  const against = c.has('recommended') && (c.has('everything') || c.has('config'));
  // Everything asked for over three or more commands pasted ("整套帮忙看下" under `$ curl …`, `$ systemctl …`) is such a
  // review too, though no check-up word is said: the commands are the check-up.
  const over = c.has('everything') && collected(msg) === 'commands' && asksForEverything(index, msg);
  // Material gathered for support or a check script's report with failures over several parts (src/intent/bundles.ts):
  // the lines in it are what was gathered, reviewed as a whole.
  const bundle = bundleOfFindings(index, msg);
  const pasted = (more || against ? collected(msg) : false) || (over || bundle ? 'commands' : false);
  const review = pasted !== false;
  // "登录问题我想自己一步步查，先看哪儿": where to start on one part named alone is that part's question.
  const onePart = partsNamed(c) === 1 && !c.has('everything') && !c.has('all-fine');
  const asked =
    (lost || spent || spread || review || (more && !msg.trouble && !onePart)) &&
    !msg.context.foreign &&
    !msg.context.notice &&
    !msg.general;
  // "一堆问题：登录失败、admin 没样式、偶尔 502，想全套排查一下": many problems with everything asked for, or with two
  // of OMS's own parts named, are the whole's, even with trouble named.
  const many =
    c.has('many-problems') &&
    (more ||
      c.has('everything') ||
      c.has('checkup') ||
      // no telling which part ("到处是问题，分不清是配置文件没改还是服务没起")
      c.has('no-clue') ||
      // two parts named, unless a trouble of one kind says which ("worker 各种报错 SIGTERM"): that part's
      (partsNamed(c) >= 2 && (vague || partGroupsNamed(c) >= 2)) ||
      // troubles of different kinds taking turns ("一会登不上一会404") are the whole's by themselves
      alternatesTroubles(index.lexicon, msg.prose)) &&
    !msg.context.foreign &&
    !msg.context.notice &&
    !msg.general;
  const whole = c.has('all-fine') ? more : c.has('several-parts') || asked || many;
  // The part in trouble after everything restarted is the answer: the reading of "都重启了" alone kept behind it.
  if (!whole && c.has('tried-everything') && vague && !nowhere) keepBehind(sorted, 'tried-everything');
  if (!whole) return undefined;
  // Checks reported as done and reviewed ("checked: status ok, nginx -t ok … what next?") are a check-up, even when
  // the clauses saying they were fine were set aside.
  // A configuration reviewed against what it should be is the whole configuration's review.
  // Several parts each in trouble in a clause of their own are several parts, though not written as a list.
  // No clue with everything down is not knowing where to start.
  const named = review
    ? new Set([...c, 'checkup', ...(against || bundle ? ['everything'] : [])])
    : spread
      ? new Set([...c, 'several-parts'])
      : lost && c.has('no-clue')
        ? new Set([...c, 'where-to-start'])
        : // many problems over several parts ("前端後端 nginx 好似都有啲問題") are the trouble, no other word needed
          many && !PROBLEM_CONCEPTS.some((k) => c.has(k))
          ? new Set([...c, 'fails'])
          : c;
  const declares = (id: string) =>
    index.playbooks
      .find((p) => p.id === id)
      ?.concepts.some((k) => k.some((x) => WHOLE.includes(x)) && k.every((x) => named.has(x)));
  let umbrella = sorted.find((s) => declares(s.id));
  const declaring = index.playbooks.find((p) => declares(p.id));
  if (!umbrella && (review || spread || lost || spent) && declaring) {
    // The check-up read from the review itself: the playbook scored nothing on the words left.
    const combo = declaring.concepts.find((k) => k.every((x) => named.has(x)));
    umbrella = {
      id: declaring.id,
      title: declaring.title,
      score: 0,
      evidence: `concepts: ${combo!.join(' + ')}`,
      combo,
      explains: new Set(),
    };
    sorted.push(umbrella);
  }
  if (!umbrella) return undefined;
  const others = sorted.filter((s) => s !== umbrella);
  const clue = others.find((s) => isClue(s.evidence) && s.score >= SPECIFIC_CLUE);
  // Many alerts at once and where to start ("一下子来了四条…该从哪一层开始查") are the whole's though one of them is known.
  if (!review && clue && !(many && more)) return undefined;
  const best = others[0]?.score ?? 0;
  umbrella.score = Math.min(1, Math.max(umbrella.score, best + AMBIGUITY_MARGIN, confident));
  // Runners-up stay offered beside it: clearly behind when several parts are named or everything is asked for;
  // close behind after "all looks fine, what else?", where a part named in trouble ("还是 502") is the other reading.
  // Several parts each in trouble in a clause of its own are the whole's, though all else looks fine.
  // So is all looking fine with only "still unusable" said ("服务看着都好好的，客户还说用不了").
  const behind =
    c.has('several-parts') || spread || vague || !c.has('all-fine') ? AMBIGUITY_MARGIN + 0.01 : AMBIGUITY_MARGIN / 2;
  // Firm, no other reading: everything down or tried with no part's trouble named, or all looking fine and still
  // unusable ("都ok 但用户还说oms不正常 下一步查啥" over healthy outputs), with no pasted line pointing at a part.
  const firm = !clue && vague && (lost || spent || (c.has('all-fine') && more));
  if (firm) umbrella.score = Math.max(umbrella.score, NGRAM_FIRM);
  const cap = firm ? NGRAM_SECOND_READING - 0.01 : 1;
  for (const s of others) s.score = Math.min(s.score, umbrella.score - behind, cap);
  // Outputs pasted without their commands ("这些看着都正常啊，下一步查啥" over `Active: active`, `HTTP/1.1 401`) holding a
  // line a playbook knows: that playbook stays a close second, the other reading.
  if (pasted !== 'outputs' || !clue) return { id: umbrella.id };
  clue.score = umbrella.score - AMBIGUITY_MARGIN / 2;
  return { id: umbrella.id, beside: clue.id };
}

/** Asked to look something over: 看, 查, 检, 过一遍, "look", "check", "review". */
const LOOK = /[看查检瞅瞧]|过一|\b(?:look|check|review|go over|go through)/i;

/**
 * A clause asking to look everything over with no fault in it ("整套帮忙看下"), not a fault's extent ("接口全部 404")
 * nor a word about the paste ("完整的输出在上面").
 */
function asksForEverything(index: PlaybookIndex, msg: Message): boolean {
  return msg.lines.some((l) =>
    l.body.split(/[,，.。;；!！?？]/).some((clause) => {
      if (!LOOK.test(clause)) return false;
      const found = detectConcepts(index.lexicon, normalize(clause), '');
      return found.has('everything') && !PROBLEM_CONCEPTS.some((k) => found.has(k));
    }),
  );
}

/** A pasted command or section header: `$ cmd`, `# cmd`, `[root@host ~]# cmd`, `=== journalctl …`, `[x] …`. */
const PASTE_HEAD = /^\s*(?:\$ |# ?[a-z]|\[[^\]]*@[^\]]*\][#$]|={2,}|-{3,}\s*\S|\[[ x]\] )/i;
/** This many pasted commands or sections make a collection (what support asks for, a review). */
const COLLECTION = 3;

/**
 * Checks reported as done, one after another on a line ("ran: status oms-backend => active; nginx -t => ok; curl
 * localhost/api/ => 404"), or their output pasted without the commands (`Active: active (running)`, `nginx: … test
 * is successful`, `HTTP/1.1 401`): the checklist's steps, each counted once.
 */
const CHECK_RUN: ReadonlyArray<[command: RegExp, output?: RegExp]> = [
  [/\bstatus\b|\bsystemctl\b/i, /^\s*Active: (?:active|inactive|failed|activating)\b/m],
  [/\bss\b|\bnetstat\b|\blsof\b/i, /\bLISTEN\s+\d/],
  [/\bnginx -t\b/i, /\bnginx: (?:the )?configuration file .* (?:test is successful|syntax is ok)/],
  [/\bcurl\b/i, /^HTTP\/\d(?:\.\d)? \d{3}\b/m],
  [/\bjournalctl\b/i, /^-- (?:Logs begin|Journal begins|No entries)/m],
  [/\btail\b/i],
];

/** A setting of a pasted configuration (`ALLOWED_HOSTS=…`). */
const SETTING = /^\s*[A-Z][A-Z0-9_]*\s*=/;

/**
 * Did the message paste the output of several commands, a configuration of several settings (what to review
 * against the recommended one), or report several checks as run? `outputs`: only the outputs were pasted.
 */
function collected(msg: Message): 'commands' | 'outputs' | false {
  let heads = 0;
  let settings = 0;
  for (const l of msg.lines) {
    if (PASTE_HEAD.test(l.raw) && ++heads >= COLLECTION) return 'commands';
    if (SETTING.test(l.raw) && ++settings >= COLLECTION) return 'commands';
  }
  const text = msg.lines.map((l) => l.raw).join('\n');
  if (CHECK_RUN.filter(([command]) => command.test(text)).length >= COLLECTION) return 'commands';
  return CHECK_RUN.filter(([command, output]) => command.test(text) || output?.test(text)).length >= COLLECTION
    ? 'outputs'
    : false;
}

/**
 * A pasted line pointing at one part: a log signature, but not a setting (`VITE_API_BASE_URL=`, `ALLOWED_HOSTS=`),
 * which a pasted configuration shows whether or not it is wrong.
 */
function isClue(evidence: string): boolean {
  return evidence.startsWith('signature: ') && !/^signature: [A-Z][A-Z0-9_]*\s*=/.test(evidence);
}

/** Not parts that can be in trouble: who and what a message handles (users, a spreadsheet, a password …). */
const NOT_PARTS = new Set(['users', 'spreadsheet', 'password', 'create', 'config']);

/** The application's parts a message names (the front end, the admin and the logs count here). */
function partsNamed(concepts: ReadonlySet<string>): number {
  let n = 0;
  for (const k of concepts) if (k in APP_COMPONENTS && !NOT_PARTS.has(k)) n++;
  return n;
}

/** Signs pointing at one part though no problem word is said: a signal, a wrong address or page. */
const POINTERS = ['sigterm', 'wrong-address', 'wrong-page', 'nginx-welcome'];

/** Trouble named, but only that something does not work (GENERIC_TROUBLE), not how; or none named. */
function onlyGenericTrouble(concepts: ReadonlySet<string>): boolean {
  return (
    PROBLEM_CONCEPTS.every((k) => !concepts.has(k) || GENERIC_TROUBLE.has(k)) && !POINTERS.some((k) => concepts.has(k))
  );
}

/**
 * One part named in trouble ("登录还是不行", "后端还是起不来"), the services restarted beside it not counted ("服务全重启了一遍",
 * "restarted every service"): a generic trouble is that part's, however much else was restarted.
 */
function onePartInTrouble(index: PlaybookIndex, msg: Message): boolean {
  const troubled = partsInTrouble(index, msg).map((clause) => clause.filter((k) => k !== 'service'));
  return troubledParts(troubled.filter((clause) => clause.length > 0)) === 1;
}

/** A playbook read off `concept` alone kept clearly behind the best of the others (no close second). */
function keepBehind(sorted: PlaybookScore[], concept: string): void {
  const read = sorted.find((s) => s.combo?.includes(concept));
  const best = Math.max(0, ...sorted.filter((s) => s !== read).map((s) => s.score));
  if (read && best > 0) read.score = Math.min(read.score, best - AMBIGUITY_MARGIN - 0.01);
}
