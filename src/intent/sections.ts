import type { Playbook } from '../playbooks/playbook.js';
import { normalize } from './normalize.js';

/**
 * How-to sections found by what they say. A question often names a detail of
 * the answer rather than a concept ("角色可以填哪些值", "ExecStart 怎么写",
 * "ALLOWED_HOSTS 填什么"): the section that holds those words answers it.
 * Each playbook body is cut at its headings; a term's weight is its inverse
 * document frequency over all those pieces, so words every section uses
 * (sudo, oms, 后端) count for little and a section's own words for much.
 */

export interface SectionHit {
  playbook: string;
  section: string;
  title: string;
  /** Weight of the message's terms the section holds. */
  score: number;
  /** Share of the message's known terms' weight the section holds. */
  coverage: number;
  /** Weight of the rarest term (a latin word of 5+ letters, or a character pair) message and section share. */
  rarest: number;
}

interface Doc {
  playbook: string;
  section: string;
  title: string;
  terms: Set<string>;
}

export interface SectionIndex {
  howto: Doc[];
  idf: Map<string, number>;
}

/** Weight of a message term no piece of any playbook uses. */
const UNKNOWN_WEIGHT = 1.5;

/** Latin words that say nothing about a section. */
const STOP = new Set(
  `the and for you your are was with this that from have has not how what where which when why can could should
  would will does did its it's into out about there then them they use used using get all any one two file line
  sudo bash http https com etc opt oms www`.split(/\s+/),
);

/** Character pairs of question words and filler: they say how something is asked, not about what. */
const STOP_PAIRS = new Set(
  `怎么 么写 么办 么用 么配 么弄 么设 应该 该怎 该写 哪些 哪个 哪里 什么 是不 不是 可以 需要 一下 这个 那个 一个 的话
  有没 没有 是否 如何 要不 不要 还是 我们 你们 他们 这样 那样 时候 的时 之前 之后 以后 然后 现在 一直 出现`.split(
    /\s+/,
  ),
);

/** Terms of a text: latin words (3+ letters) and CJK character pairs. */
export function sectionTerms(text: string): Set<string> {
  const t = normalize(text);
  const out = new Set<string>();
  for (const w of t.match(/[a-z][a-z0-9_]{2,}/g) ?? []) if (!STOP.has(w)) out.add(w);
  for (const run of t.match(/[\u3400-\u9fff]+/g) ?? [])
    for (let i = 0; i + 1 < run.length; i++) {
      const pair = run.slice(i, i + 2);
      if (!STOP_PAIRS.has(pair)) out.add(pair);
    }
  return out;
}

const cache = new WeakMap<readonly Playbook[], SectionIndex>();

/** Cut every playbook body at its headings; weigh terms; keep the how-to sections as answers. Once per list. */
export function indexSections(playbooks: readonly Playbook[]): SectionIndex {
  const hit = cache.get(playbooks);
  if (hit) return hit;
  const built = build(playbooks);
  cache.set(playbooks, built);
  return built;
}

function build(playbooks: readonly Playbook[]): SectionIndex {
  const pieces: Array<Set<string>> = [];
  const howto: Doc[] = [];
  for (const p of playbooks) {
    for (const piece of p.body.split(/^(?=#{1,3} )/m)) pieces.push(sectionTerms(piece));
    for (const h of p.howto)
      howto.push({ playbook: p.id, section: h.id, title: h.title, terms: sectionTerms(`${h.title}\n${h.markdown}`) });
  }
  const df = new Map<string, number>();
  for (const terms of pieces) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = pieces.length;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / d));
  return { howto, idf };
}

/** The how-to sections holding the message's terms, best first (at most `limit`). */
export function findSections(index: SectionIndex, text: string, limit = 2): SectionHit[] {
  const all = [...sectionTerms(text)];
  const terms = all.filter((t) => index.idf.has(t));
  // A term no section uses still counts in the question's weight, as a common term would.
  const total = terms.reduce((s, t) => s + index.idf.get(t)!, 0) + UNKNOWN_WEIGHT * (all.length - terms.length);
  if (total === 0) return [];
  const hits: SectionHit[] = [];
  for (const d of index.howto) {
    let score = 0;
    let rarest = 0;
    for (const t of terms) {
      if (!d.terms.has(t)) continue;
      const w = index.idf.get(t)!;
      score += w;
      if (!/^[a-z][a-z0-9_]{0,3}$/.test(t)) rarest = Math.max(rarest, w);
    }
    if (score > 0)
      hits.push({ playbook: d.playbook, section: d.section, title: d.title, score, coverage: score / total, rarest });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
