import type { PlaybookScore } from './score.js';

/** A runner-up that explains only a part of what the best candidate explains is discounted by this factor. */
const EXPLAINED_AWAY = 0.85;

/**
 * "登录接口404" matches login (登录 + 接口 + 404) and api-not-found (接口 + 404):
 * the second explains nothing the first does not, so it should not make the
 * answer ambiguous.
 */
export function explainAway(sorted: PlaybookScore[]): void {
  const [best, second] = sorted;
  if (!best || best.explains.size === 0) return;
  // The other way round: a best candidate that explains only a part of what the runner-up explains ("接口全挂了":
  // 挂了 alone says the service is down, 接口 + 挂了 the API) is discounted, unless a log line is its evidence.
  if (second && !best.evidence.startsWith('signature') && explainsLess(best, second)) {
    best.score *= EXPLAINED_AWAY;
    return;
  }
  for (const s of sorted.slice(1)) {
    if (s.explains.size === 0 || s.score >= best.score) continue;
    // A runner-up known by a log line is judged on its log lines only ("Permission denied" inside a longer line).
    if (explainsLess(s, best)) s.score *= EXPLAINED_AWAY;
  }
}

/** Does `a` explain nothing `b` does not, and `b` something more? */
function explainsLess(a: PlaybookScore, b: PlaybookScore): boolean {
  if (a.explains.size === 0) return false;
  // A candidate known by a log line is judged on its log lines only ("Permission denied" inside a longer line).
  const own = a.evidence.startsWith('signature') ? [...a.explains].filter((k) => k.startsWith('l:')) : [...a.explains];
  return own.every((k) => covers(b.explains, k)) && [...b.explains].some((k) => !covers(a.explains, k));
}

/** Does a set of explained parts include `key`? A signature span is included by a span around it on the same line. */
function covers(keys: ReadonlySet<string>, key: string): boolean {
  if (keys.has(key)) return true;
  const m = /^l:(\d+):(\d+)-(\d+)$/.exec(key);
  if (!m) return false;
  const [line, start, end] = [m[1], Number(m[2]), Number(m[3])];
  for (const k of keys) {
    const n = /^l:(\d+):(\d+)-(\d+)$/.exec(k);
    if (n && n[1] === line && Number(n[2]) <= start && Number(n[3]) >= end) return true;
  }
  return false;
}
