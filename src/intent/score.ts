import type { IndexedPhrase, IndexedPlaybook } from './index.js';
import { TROUBLE, type Message } from './message.js';
import { comboScore } from './concept-score.js';
import { COMPONENTS, GENERIC_COMPONENTS } from './lexicon-components.js';
import { anywhere, TermIndex, type LiteralTerm } from './term-scan.js';

/** How strongly one playbook is indicated by a message, and by what. */
export interface PlaybookScore {
  id: string;
  title: string;
  score: number;
  /** What matched best, for the answer ("signature: status=217/USER", "phrase: 超管登不上"). */
  evidence: string;
  /** The concept combination that matched, if any (`[login, fails]`). */
  combo?: string[];
  /** Keys of the message parts this playbook explains: `u:<unit>`, `a:<alias>`, `l:<line>:<start>-<end>`. */
  explains: Set<string>;
}

/** A message that is exactly an alias or the id (`login`, `/oms 502`, `ＬＯＧＩＮ`). */
const ALIAS_EXACT = 1;
/** An alias inside a longer message supports other evidence but is not enough alone … */
const ALIAS_INSIDE = 0.35;
/** … unless the message is short and says something is wrong. */
const ALIAS_WITH_TROUBLE = 0.6;
/** Units (bigrams and words) of a message still short enough for ALIAS_WITH_TROUBLE. */
const SHORT_MESSAGE = 10;
/** Highest score of a phrase found only in part, with fewer than three of its units. */
const PARTIAL_PHRASE = 0.35;
/** A component of the playbook and some trouble, nothing more: a middle score (choices). */
const PARTIAL = 0.4;
/** Credit for a phrase's character pair found with one character between. */
const SKIP_HIT = 0.6;

/** Score one playbook against a message. Pure. */
export function scorePlaybook(p: IndexedPlaybook, msg: Message): PlaybookScore {
  const explains = new Set<string>();
  let evidence = '';

  // 1. Log signatures, line by line (plus the whole paste, for wrapped lines).
  let sig = 0;
  let sigLines = 0;
  const targets = targetsOf(msg);
  targets.forEach((line, i) => {
    let lineBest = 0;
    let lineMatch = '';
    let span = '';
    const held = signaturesHeld(p, line.lower);
    for (const [k, re] of p.signatures.entries()) {
      if (held[k] !== 1) continue;
      const m = re.exec(line.body);
      if (!m || printedSomething(m, line.body, msg.lines[i + 1]?.body)) continue;
      // Longer matches are more specific: "Assignment outside of section" beats "404".
      const s = 0.88 + 0.08 * Math.min(1, m[0].length / 40);
      if (s > lineBest) {
        lineBest = s;
        lineMatch = m[0];
        span = `${m.index}-${m.index + m[0].length}`;
      }
    }
    if (lineBest > 0) {
      if (i < msg.lines.length) sigLines++;
      explains.add(`l:${i}:${span}`);
      if (lineBest > sig) {
        sig = lineBest;
        evidence = `signature: ${lineMatch.slice(0, 120)}`;
      }
    }
  });
  if (sigLines > 1) sig += 0.01 * Math.min(3, sigLines - 1);

  // 2. Phrases (and multi-unit aliases), fuzzily, on the prose.
  const hits = phraseHits(p, msg);
  let phrase = 0;
  let phraseHit: IndexedPhrase | undefined;
  hits.forEach((hit, i) => {
    if (hit === 0) return;
    const ph = p.phrases[i]!;
    const s = phraseScore(ph, hit, msg);
    if (s > phrase) {
      phrase = s;
      phraseHit = ph;
    }
  });
  // "nginx reload 报错 现在挂了", "接口全挂了": a phrase saying only that something is down ("挂了" folds into 启动失败)
  // names no part; beside a part the message does name, none of this playbook's, that part is what is down.
  if (phraseHit && phrase > PARTIAL_PHRASE && namesOthersOnly(p, msg) && phraseHit.bare())
    phrase = Math.min(phrase, PARTIAL_PHRASE);
  if (phraseHit) for (const u of phraseHit.units) if (msg.units.has(u)) explains.add(`u:${u}`);
  if (phraseHit && phrase > sig) evidence = `phrase: ${phraseHit.source}`;

  // 3. Aliases: the whole message (a command), or a one-unit alias inside it.
  let alias = 0;
  if (p.aliases.includes(msg.command)) {
    alias = ALIAS_EXACT;
    evidence = `alias: ${msg.command}`;
  } else {
    const inside = p.words.find((a) => containsTerm(msg.prose, a));
    if (inside !== undefined) {
      explains.add(`a:${inside}`);
      // "后台打不开", "sigterm 报错": a name of the playbook plus a trouble word in a short message.
      // The alias itself is not the trouble word: "502 的钥匙谁拿了" is about a room.
      const trouble = TROUBLE.test(msg.prose.split(inside).join(' '));
      alias = trouble && msg.units.size <= SHORT_MESSAGE ? ALIAS_WITH_TROUBLE : ALIAS_INSIDE;
      if (!evidence) evidence = `alias: ${inside}`;
    }
  }

  // 4. Concepts: a combination the playbook declares, all named in the message.
  const concept = comboScore(msg.question ? [...p.concepts, ...p.howtoConcepts] : p.concepts, msg.concepts);
  const conceptScore = concept?.score ?? 0;
  if (concept) for (const c of concept.combo) explains.add(`c:${c}`);
  if (concept && conceptScore > Math.max(sig, phrase, alias)) evidence = `concepts: ${concept.combo.join(' + ')}`;

  let score = Math.max(sig, phrase, alias, conceptScore);
  // 5. What the playbook is about, named with a sign of trouble but in no declared combination: enough to be
  // offered among choices when addressed, never enough to run or to be suggested.
  if (score < PARTIAL && msg.trouble) {
    const about = p.components.find((c) => msg.concepts.has(c));
    if (about) {
      score = PARTIAL;
      if (!evidence) evidence = `concepts: ${about}`;
      explains.add(`c:${about}`);
    }
  }
  // Independent kinds of evidence agreeing make the match surer.
  const kinds = [sig >= 0.5, phrase >= 0.4, alias > 0, conceptScore >= 0.6].filter(Boolean).length;
  if (kinds > 1) score += 0.03 * (kinds - 1);
  return {
    id: p.id,
    title: p.title,
    score: Math.min(1, score),
    evidence,
    explains,
    ...(concept ? { combo: concept.combo } : {}),
  };
}

/**
 * The lines a playbook's signatures are tried on (and the whole paste, for wrapped lines), each lower-cased for the
 * signatures' literals: once per message, not once per playbook.
 */
const TARGETS = new WeakMap<Message, ReadonlyArray<{ body: string; lower: string }>>();
function targetsOf(msg: Message): ReadonlyArray<{ body: string; lower: string }> {
  let targets = TARGETS.get(msg);
  if (!targets) {
    const bodies = msg.lines.map((l) => l.body);
    if (msg.joined) bodies.push(msg.joined);
    targets = bodies.map((body) => ({ body, lower: body.toLowerCase() }));
    TARGETS.set(msg, targets);
  }
  return targets;
}

/**
 * Which of a playbook's signatures a lower-cased line may match: those with no literals, and those whose literals
 * (one of which every match holds) it holds, found in one scan of the line for all of them.
 */
const SIGNATURE_GATES = new WeakMap<IndexedPlaybook, { terms: TermIndex; open: Uint8Array }>();
function signaturesHeld(p: IndexedPlaybook, lower: string): Uint8Array {
  let gates = SIGNATURE_GATES.get(p);
  if (!gates) {
    const open = new Uint8Array(p.signatures.length);
    const entries: Array<readonly [LiteralTerm, number]> = [];
    p.signatures.forEach((_, k) => {
      const literals = p.signatureLiterals[k];
      if (literals === undefined) open[k] = 1;
      else for (const l of literals) entries.push([anywhere(l), k]);
    });
    gates = { terms: new TermIndex(entries), open };
    SIGNATURE_GATES.set(p, gates);
  }
  const held = gates.open.slice();
  gates.terms.scan(lower, (k) => ((held[k] = 1), false));
  return held;
}

/**
 * The parts of OMS a message names (not those every system has), read once per message. 后台 alone is the admin site
 * and the backend both ("后台挂了", "后台起不来"): it names no part a bare "down" phrase could be moved to.
 */
const NAMED_PARTS = new WeakMap<Message, readonly string[]>();
function namedParts(msg: Message): readonly string[] {
  let parts = NAMED_PARTS.get(msg);
  if (!parts) {
    const byBackOffice = /后台/.test(msg.prose) && !/admin|管理/.test(msg.prose);
    parts = [...msg.concepts].filter(
      (c) => c in COMPONENTS && !GENERIC_COMPONENTS.has(c) && !(byBackOffice && c === 'admin-site'),
    );
    NAMED_PARTS.set(msg, parts);
  }
  return parts;
}

/** Does the message name parts of OMS (not those every system has) and none of the playbook's own? */
function namesOthersOnly(p: IndexedPlaybook, msg: Message): boolean {
  const parts = namedParts(msg);
  return parts.length > 0 && !parts.some((c) => p.components.includes(c));
}

/** How many of each phrase's units the message holds (skip-bigram hits count SKIP_HIT). */
function phraseHits(p: IndexedPlaybook, msg: Message): Float64Array {
  const hits = new Float64Array(p.phrases.length);
  for (const u of msg.units) for (const i of p.byUnit.get(u) ?? NONE) hits[i]! += 1;
  // A filler character inside a word pair (样式全丢, 一直在重启) costs a little, not the whole pair.
  for (const u of msg.skips) if (!msg.units.has(u)) for (const i of p.byUnit.get(u) ?? NONE) hits[i]! += SKIP_HIT;
  return hits;
}
const NONE: readonly number[] = [];

/**
 * Score a phrase from the share of its units found in the message. A complete
 * hit scores high (higher for longer, more specific phrases, and when the
 * words are adjacent); a partial hit falls off quickly so chance overlaps stay
 * below the threshold.
 */
function phraseScore(ph: IndexedPhrase, hit: number, msg: Message): number {
  const n = ph.units.length;
  if (hit >= n) {
    const adjacent = msg.prose.includes(ph.text);
    return (adjacent ? 0.9 : 0.86) + 0.06 * Math.min(1, (n - 1) / 5);
  }
  if (n < 3) return 0;
  const cov = hit / n;
  // Two words of three ("打不开" of "admin 打不开") are not enough to be offered.
  return Math.min(hit < 3 ? PARTIAL_PHRASE : 1, 0.9 * cov * cov);
}

/**
 * A signature made of a filtering command with nothing after it ("ss -lntp | grep 8000" printing nothing) is void
 * when the next pasted line is that command's output ("LISTEN 0 2048 127.0.0.1:8000 …") rather than another prompt.
 */
function printedSomething(m: RegExpExecArray, body: string, next: string | undefined): boolean {
  if (next === undefined || !/\|\s*grep\b/.test(m[0]) || m.index + m[0].length < body.trimEnd().length) return false;
  return !/^\s*(?:\$|#|\[[^\]]*@[^\]]*\][#$])/.test(next) && !/[\u3400-\u9fff]/.test(next);
}

/** Whole-word containment for latin terms, substring for CJK. */
function containsTerm(text: string, term: string): boolean {
  if (/[\u3400-\u9fff]/.test(term)) return text.includes(term);
  let from = 0;
  for (;;) {
    const at = text.indexOf(term, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + term.length] ?? '';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = at + 1;
  }
}
