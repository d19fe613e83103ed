/**
 * Typo tolerance for latin words: a word that is not in the playbooks'
 * vocabulary is read as the vocabulary word within a small edit distance
 * (1 for words of 4–7 letters, 2 from 8 letters), transpositions included.
 */

/** Real words that sit one edit away from vocabulary words and must stay themselves. */
const KEEP = new Set([
  'logic',
  'begin',
  'legit',
  'losing',
  'lodge',
  'admit',
  'admins',
  'audit',
  'again',
  'adding',
  'agent',
  'agents',
  'pages',
  'cores',
  'score',
  'worked',
  'worker',
  'words',
  'world',
  'ports',
  'posts',
  'test',
  'tests',
  'start',
  'state',
  'stats',
  'store',
  'story',
  'users',
  'uses',
  'user',
  'sign',
  'down',
  'done',
  'dawn',
  'town',
  'found',
  'round',
  'sound',
  'bound',
  'wound',
  'mount',
  'count',
  'after',
  'other',
  'water',
  'later',
  'dinner',
  'lunch',
  'merge',
  'merged',
]);

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

/** Corrects words against a fixed vocabulary; remembers its answers. */
export class TypoCorrector {
  private readonly vocab: Set<string>;
  private readonly list: string[];
  private readonly cache = new Map<string, string>();

  constructor(vocabulary: Iterable<string>) {
    this.vocab = new Set(vocabulary);
    this.list = [...this.vocab].filter((w) => /^[a-z]{4,}$/.test(w));
  }

  /** The vocabulary word meant by `word`, or `word` itself. */
  correct(word: string): string {
    if (this.vocab.has(word) || word.length < 4 || KEEP.has(word) || !/^[a-z]+$/.test(word)) return word;
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    const max = word.length >= 8 ? 2 : 1;
    let best = word;
    let bestD = max + 1;
    for (const v of this.list) {
      // A typo rarely changes the first letter unless it swaps the first two.
      if (v[0] !== word[0] && !(v[0] === word[1] && v[1] === word[0])) continue;
      const d = editDistance(word, v, max);
      if (d < bestD) {
        bestD = d;
        best = v;
      }
    }
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }
}
