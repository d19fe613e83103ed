/**
 * Pinyin typed as initials ("hd qbl" for 后端起不来, "dl bs" for 登录不上, "hdqbl zmb"): the abbreviations people
 * who type pinyin use for OMS's parts and their troubles, read as the syllables they stand for. A closed table, not
 * a guess from letters: only these abbreviations are read, and only in a message typed as pinyin (see `readsAsPinyin`),
 * so English chat ("dl link", "gl hf") is left alone.
 */
const INITIALS: Readonly<Record<string, string>> = {
  // parts
  hd: 'hou duan',
  // "bk" (backend), as chat abbreviates it beside pinyin initials ("bk qbl")
  bk: 'hou duan',
  ht: 'hou tai',
  dl: 'deng lu',
  jk: 'jie kou',
  fw: 'fu wu',
  fwq: 'fu wu qi',
  cg: 'chao guan',
  gly: 'guan li yuan',
  yh: 'yong hu',
  mm: 'mi ma',
  rz: 'ri zhi',
  ys: 'yang shi',
  dk: 'duan kou',
  // troubles and requests
  qbl: 'qi bu lai',
  bs: 'bu shang',
  dbk: 'da bu kai',
  gl: 'gua le',
  qd: 'qi dong',
  cq: 'chong qi',
  bc: 'bao cuo',
  pldr: 'pi liang dao ru',
  zmb: 'zen me ban',
  zm: 'zen me',
};

const LONGEST = Math.max(...Object.keys(INITIALS).map((k) => k.length));

/** The syllables a token of initials stands for ("hdqbl" → hou duan qi bu lai), or null when it is not one. */
export function expandInitials(token: string): string[] | null {
  const w = token.toLowerCase();
  if (!/^[a-z]{2,16}$/.test(w) || /[aeiouv]/.test(w)) return null;
  // Fewest abbreviations covering the token; none when a piece is not in the table.
  const best: Array<string[] | null> = [[]];
  for (let i = 1; i <= w.length; i++) {
    best[i] = null;
    for (let len = Math.min(LONGEST, i); len >= 2; len--) {
      const prev = best[i - len];
      const hit = INITIALS[w.slice(i - len, i)];
      if (prev && hit && (!best[i] || prev.length + 1 < best[i]!.length)) best[i] = [...prev, hit];
    }
  }
  const pieces = best[w.length];
  return pieces ? pieces.join(' ').split(' ') : null;
}

/**
 * English words that are also pinyin syllables ("he", "can", "long", "me"): they do not make a message pinyin.
 */
const ENGLISH_SYLLABLES = new Set(
  'a an ban bin can chi die fan gang hang he hen long man me men pan pen ran sang she tan ten you yo'.split(' '),
);

/**
 * Is the message typed as pinyin, so that initials in it are pinyin too? Its latin words are all initials the table
 * knows, or it holds a word that is pinyin and no English word ("jk 404 le", "fwqbl, 217 USER cuowu").
 */
export function readsAsPinyin(tokens: readonly string[], isPinyin: (t: string) => boolean): boolean {
  const words = tokens.filter((t) => /^[a-z]+$/.test(t));
  if (words.length === 0) return false;
  if (words.every((t) => expandInitials(t) !== null)) return true;
  return words.some((t) => t.length >= 2 && isPinyin(t) && !ENGLISH_SYLLABLES.has(t));
}

/**
 * Is this one token initials even in a message not typed as pinyin? In a message written in characters, three
 * letters or more the table reads ("fwq重启完后端没起来 手动start也报错", "gly密码忘了"): no English word is written
 * without a vowel that long, while two letters ("dl", "hd") may be anything beside English words.
 */
export function initialsAmongCharacters(token: string, hasCharacters: boolean): boolean {
  return hasCharacters && token.length >= 3 && expandInitials(token) !== null;
}
