import { comboScore } from './concept-score.js';
import type { IndexedPlaybook, PlaybookIndex } from './index.js';
import type { Message } from './message.js';
import type { PlaybookScore } from './score.js';
import { findSections, indexSections, type SectionHit } from './sections.js';
import { COMPONENTS, GENERIC_COMPONENTS as GENERIC } from './lexicon-components.js';
import { partGroupsNamed } from './parts-in-trouble.js';

/** A how-to section needs at least a two-concept combination (or a clear hit on its own words). */
export const HOWTO_THRESHOLD = 0.6;
/** Candidates this close to the best are offered as alternatives instead of being picked silently. */
export const AMBIGUITY_MARGIN = 0.1;
/** A question answered by a section's words alone is short. */
const SHORT_LINES = 2;
const SHORT_CHARS = 200;
/** A diagnosis this sure is not overruled by a section's words. */
const CONFIDENT = 0.7;
/** How much a section's own words add to a combination it satisfies (ties and near-ties between sections). */
const WORDS_WEIGHT = 0.12;
/** A section found by its words alone: enough weight, a fair share of the question, clearly ahead of the next. */
const WORDS_MIN_SCORE = 5;
const WORDS_MIN_COVERAGE = 0.3;
const WORDS_LEAD = 1.3;
/** The score such a section answers with. */
const WORDS_ONLY = 0.6;
/** How it ranks against sections asked for by concepts: a little more with more coverage and a clear lead. */
const WORDS_RANK = 0.5;
/** A section of a playbook whose components the message names weighs this much more per component (at most two). */
const MENTION_BOOST = 0.3;
/** Weight (inverse document frequency) of a latin word few sections use: ExecStart, changepassword, ALLOWED_HOSTS. */
const RARE = 3;

/** A section's combination naming a specific fault ranks a little ahead of an equal one that names none. */
const FAULT_NAMED = 0.01;

/** Requests about the whole of OMS: a section asked for with them is not asked for in generic words. */
const WHOLE = ['everything', 'several-parts', 'all-fine', 'where-to-start'];

/** What asks for the order of checks by hand: the umbrella's for the whole, a part's for one fault. */
const ORDER = ['by-hand', 'checkup'];

/** Problems: a question naming one is about a fault ("为什么登录失败？"), answered by a diagnosis. */
const PROBLEMS = [
  'fails',
  'down',
  'cannot-open',
  'not-found',
  'bad-gateway',
  'timeout',
  'oom',
  'killed',
  'restart-loop',
  'not-listening',
  'cors',
  'unauthorized',
  // the front end's page where data was expected ("接口返回的是 index.html 不是 json？")
  'wrong-page',
];

export interface HowtoPick {
  playbook: string;
  section: string;
  title: string;
  score: number;
  /** What asked for it: a concept combination, or the section's own words. */
  combo: string[];
}

/**
 * A question ("怎么…", "where is …", "…正常吗") answered by a playbook's how-to
 * section: one whose concept combination the message makes (the section's own
 * words, src/intent/sections.ts, settle near-ties), or, for a how-to question
 * naming a detail rather than a concept ("ExecStart 那一行怎么写"), the
 * section that holds its words. It wins when its playbook is the best
 * candidate anyway, or scores near the best. With `only` (a message about the whole, answered by that playbook),
 * only that playbook's sections are looked at: one part's section is not the answer.
 */
export function pickHowto(
  index: PlaybookIndex,
  msg: Message,
  factor: number,
  scores: PlaybookScore[],
  only?: string,
): HowtoPick | undefined {
  if (!msg.question) return undefined;
  const words = rankByWords(index, msg);
  const best = words[0]?.score ?? 0;
  const byWords = (p: string, s: string) =>
    best > 0 ? (words.find((w) => w.playbook === p && w.section === s)?.score ?? 0) / best : 0;
  let pick: HowtoPick | undefined;
  let pickRank = -1;
  // Commands to repair asked for ("一键修的命令清单，比如重启后端、reload nginx"): the quick fixes, not a check by hand.
  const repairs = msg.concepts.has('quick-fix') && !msg.concepts.has('by-hand');
  // Where to start on one part ("超管登录不上 该从哪里查起") asks for that part by hand; over two parts or more ("登录和后台
  // 都不行，不知道从哪里开始查") only the umbrella's sections answer it.
  const several = msg.concepts.has('where-to-start') && partGroupsNamed(msg.concepts) > 1;
  // One fault named and nothing of the whole ("502了先看啥 端口？日志？求个顺序"): the order asked for is that fault's
  // checks by hand, not the umbrella's order over every part, whose words ("顺序") it shares.
  const oneFault = only === undefined && fault(msg.concepts) && !WHOLE.some((k) => msg.concepts.has(k));
  for (const p of index.playbooks) {
    if (only !== undefined && p.id !== only) continue;
    const umbrella = p.concepts.some((k) => k.includes('several-parts'));
    for (const h of p.howto) {
      const combos = several && !umbrella ? h.concepts.filter((k) => !k.includes('where-to-start')) : h.concepts;
      const hit = comboScore(combos, msg.concepts);
      if (!hit || (repairs && hit.combo.includes('checkup'))) continue;
      if (oneFault && umbrella && ORDER.some((c) => hit.combo.includes(c)) && !hit.combo.some((c) => WHOLE.includes(c)))
        continue;
      const score = hit.score * factor;
      if (score < HOWTO_THRESHOLD) continue;
      // Equal sections: the one holding more of the message's words, then the playbook pointed to more strongly.
      const weight = scores.find((s) => s.id === p.id)?.score ?? 0;
      // … and before them, the one naming the fault ("steps to check the 502 by hand": the API's, not the checklist's)
      const fault = hit.combo.some((c) => PROBLEMS.includes(c) && c !== 'fails') ? FAULT_NAMED : 0;
      const rank = score + fault + WORDS_WEIGHT * byWords(p.id, h.id) + weight / 1000;
      if (rank <= pickRank) continue;
      pickRank = rank;
      pick = { playbook: p.id, section: h.id, title: h.title, score, combo: hit.combo };
    }
  }
  const top = scores[0];
  const alone = only === undefined ? byWordsOnly(msg, words, factor) : undefined;
  // Words alone never overrule a confident diagnosis of another playbook, nor a section asked for by name.
  const free = !top || top.score < CONFIDENT || top.id === alone?.pick.playbook;
  const named = pick !== undefined && pick.combo.some((c) => c in COMPONENTS && !GENERIC.has(c));
  if (alone && free && !named && alone.rank > pickRank) pick = alone.pick;
  if (!pick) return undefined;
  // Asked how to check by hand ("怎么手工确认是后端挂了还是 nginx 没转发"): the request is the question, what it names is
  // its topic, so a surer diagnosis of another playbook does not silence the section.
  // The section by hand counts however its combination was made ("what commands do I run myself to check the /api
  // proxy": api + checkup + howto).
  const byHand =
    msg.concepts.has('by-hand') &&
    msg.concepts.has('howto') &&
    (pick.combo.includes('by-hand') || pick.section === 'by-hand');
  // So are commands to repair: the parts they name are what the commands act on.
  const fixes = repairs && pick.combo.includes('quick-fix');
  // So are recommended values asked for ("gunicorn 推荐开几个 worker，timeout 给多少"): the settings they name
  // (workers, timeouts) are what to configure, not a fault of the workers; a fault named beside them ("worker 老是
  // timeout 被杀，推荐怎么处理") is that fault's question.
  const advice = pick.combo.includes('recommended') && !PROBLEMS.some((k) => k !== 'timeout' && msg.concepts.has(k));
  if (top && top.id !== pick.playbook && !byHand && !fixes && !advice && pick.score < top.score - AMBIGUITY_MARGIN)
    return undefined;
  // A section asked for in generic words only ("怎么…重启") yields to a surer diagnosis of another playbook ("怎么区分
  // worker 是正常重启还是被 OOM 杀掉的" is the workers').
  const generic = !named && pick.combo[0] !== 'words' && !pick.combo.some((c) => WHOLE.includes(c));
  if (top && top.id !== pick.playbook && generic && !fixes && !byHand && !advice && pick.score < top.score)
    return undefined;
  return pick;
}

/** A fault of one part named: a problem concept other than a plain failure ("502", "404", "SIGTERM" …). */
function fault(concepts: ReadonlySet<string>): boolean {
  return PROBLEMS.some((c) => c !== 'fails' && c !== 'down' && c !== 'cannot-open' && concepts.has(c));
}

/** Sections by their words, those of a playbook whose components the message names first among near-equals. */
function rankByWords(index: PlaybookIndex, msg: Message): Array<SectionHit & { named: number }> {
  const hits = findSections(indexSections(index.source), msg.prose, 4);
  const named = (id: string) => {
    const p = index.playbooks.find((q) => q.id === id);
    return p ? ownComponents(p).filter((c) => msg.concepts.has(c)).length : 0;
  };
  return hits
    .map((h) => ({ ...h, named: named(h.playbook) }))
    .map((h) => ({ ...h, score: h.score * (1 + MENTION_BOOST * Math.min(2, h.named)) }))
    .sort((a, b) => b.score - a.score);
}

/** The components among a playbook's concepts and how-to concepts, worked out once per playbook. */
const OWN_COMPONENTS = new WeakMap<IndexedPlaybook, string[]>();
function ownComponents(p: IndexedPlaybook): string[] {
  let own = OWN_COMPONENTS.get(p);
  if (!own) {
    own = [...new Set([...p.concepts, ...p.howtoConcepts].flat())].filter((c) => c in COMPONENTS);
    OWN_COMPONENTS.set(p, own);
  }
  return own;
}

function byWordsOnly(
  msg: Message,
  words: Array<SectionHit & { named: number }>,
  factor: number,
): { pick: HowtoPick; rank: number } | undefined {
  // A how-to question is a line or two of prose, not a paste.
  if (msg.lines.length > SHORT_LINES || msg.prose.length > SHORT_CHARS) return undefined;
  const how = ['howto', 'where', 'is-normal', 'by-hand'].some((c) => msg.concepts.has(c));
  if (!how && PROBLEMS.some((c) => msg.concepts.has(c))) return undefined;
  const [first, second] = words;
  if (!first || first.score < WORDS_MIN_SCORE || first.coverage < WORDS_MIN_COVERAGE) return undefined;
  // About OMS at all: a component of the section's playbook named, or a word only OMS's sections use.
  const generic = [...msg.concepts].every((c) => GENERIC.has(c) || !(c in COMPONENTS));
  if ((first.named === 0 || generic) && (first.rarest < RARE || first.coverage < 0.5)) return undefined;
  if (second && first.score < WORDS_LEAD * second.score) return undefined;
  const score = WORDS_ONLY * factor;
  if (score < HOWTO_THRESHOLD) return undefined;
  const lead = second ? first.score / second.score : Infinity;
  const rank = (WORDS_RANK + 0.1 * Math.min(1, first.coverage) + (lead >= 2 ? 0.05 : 0)) * factor;
  return {
    pick: { playbook: first.playbook, section: first.section, title: first.title, score, combo: ['words'] },
    rank,
  };
}
