/**
 * Pieces of plain text one of which every match of an expression contains, read from the expression's source: a run
 * of literal characters at its top level (not inside a class or under an optional quantifier), or the literals of a
 * group every match passes through, one per alternative of the group (`(?:淘宝|天猫|京东)` → 淘宝, 天猫, 京东). A message
 * that holds none of them cannot match, so the expression need not be run — nor compiled: V8 compiles an expression
 * to machine code on its first run, once for one-byte and once for two-byte strings, and the lexicon's ~200
 * expressions and the other systems' names were most of a process's first `match` (src/intent/term-scan.ts gates
 * them by these literals; src/intent/score.ts the playbooks' signatures).
 *
 * Of several candidates, the one whose shortest literal is longest (then the one with fewer literals). Conservative:
 * `undefined` (always run the expression) for a backreference or an alternative with nothing literal. Case: for a
 * case-insensitive expression the literals are lower-cased and looked for in the lower-cased message; a cased letter
 * outside ASCII ends a run (its case mapping may differ between the two). Read with the syntax of expressions without
 * the u or v flag.
 */
export function requiredLiterals(source: string): string[] | undefined {
  if (/\\[1-9k]/.test(source)) return undefined;
  return anyOf(source);
}

/** The literals of each top-level alternative together, or undefined when one has none. */
function anyOf(source: string): string[] | undefined {
  const out = new Set<string>();
  for (const part of topAlternatives(source)) {
    const literals = sequenceLiterals(part);
    if (!literals) return undefined;
    for (const l of literals) out.add(l);
  }
  return [...out];
}

// No closures inside: run through tsx, every closure created is named at run time (a property defined), which made
// reading the lexicon's expressions several times slower.
function sequenceLiterals(source: string): string[] | undefined {
  let best: string[] | undefined;
  let run = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let literal: string | undefined;
    let group: string | undefined;
    let next = i + 1;
    if (c === '\\') {
      const e = source[i + 1];
      if (e === undefined) return undefined;
      // \b \w \d \s \n \u0041 \x41 \cJ \0 …: an assertion, a class or an escape not read here;
      // others stand for themselves.
      literal = /[a-z0-9]/i.test(e) ? undefined : e;
      const long = /^(?:u[0-9a-f]{4}|x[0-9a-f]{2}|c[a-z])/i.exec(source.slice(i + 1, i + 6));
      next = i + 1 + (long ? long[0].length : 1);
    } else if (c === '[') next = afterClass(source, i);
    else if (c === '(') {
      next = afterGroup(source, i);
      group = groupBody(source.slice(i, next));
    } else if (c !== '.' && c !== '^' && c !== '$') literal = c;
    const quantified = quantifierEnd(source, next);
    if (quantified !== next) {
      best = pick(best, run);
      run = '';
      // a group repeated at least once is passed through: its literals hold
      const once = source[next] === '+' || (source[next] === '{' && isDigit(source[next + 1], '1'));
      if (group !== undefined && once) best = pick(best, anyOf(group));
      i = quantified;
      continue;
    }
    if (literal !== undefined && group === undefined && caseSafe(literal)) run += literal.toLowerCase();
    else {
      best = pick(best, run);
      run = '';
      if (group !== undefined) best = pick(best, anyOf(group));
    }
    i = next;
  }
  return pick(best, run);
}

/** What a consuming group holds (`(…)`, `(?:…)`, `(?<name>…)`); undefined for a lookaround. */
function groupBody(group: string): string | undefined {
  const inner = group.endsWith(')') ? group.slice(0, -1) : group;
  if (inner.startsWith('(?:')) return inner.slice(3);
  if (/^\(\?<[a-zA-Z_$]/.test(inner)) return inner.slice(inner.indexOf('>') + 1);
  if (inner.startsWith('(?')) return undefined;
  return inner.slice(1);
}

/** The better gate of two: the one whose shortest literal is longer, or as long with fewer literals. */
function pick(best: string[] | undefined, candidate: string | string[] | undefined): string[] | undefined {
  if (candidate === undefined || candidate.length === 0) return best;
  const c = typeof candidate === 'string' ? [candidate] : candidate;
  if (!best) return c;
  const a = shortest(c);
  const b = shortest(best);
  return a > b || (a === b && c.length < best.length) ? c : best;
}

function shortest(xs: readonly string[]): number {
  let n = Infinity;
  for (const x of xs) n = Math.min(n, x.length);
  return n;
}

/** A character whose lower-cased form matches as the expression's `i` flag would: ASCII, or without case. */
function caseSafe(c: string): boolean {
  return c.charCodeAt(0) < 128 || c.toLowerCase() === c.toUpperCase();
}

/** Where a quantifier starting at `i` ends (with a lazy `?`), or `i` when there is none. */
function quantifierEnd(source: string, i: number): number {
  const c = source[i];
  let end = i;
  if (c === '?' || c === '*' || c === '+') end = i + 1;
  else if (c === '{') {
    // {n}, {n,} or {n,m}; anything else is a literal brace
    let j = i + 1;
    while (isDigit(source[j])) j++;
    if (j > i + 1 && source[j] === ',') {
      j++;
      while (isDigit(source[j])) j++;
    }
    if (j > i + 1 && source[j] === '}') end = j + 1;
  }
  if (end !== i && source[end] === '?') end++;
  return end;
}

/** A digit, `from` or above. */
function isDigit(c: string | undefined, from = '0'): boolean {
  return c !== undefined && c >= from && c <= '9';
}

/** The index after the class opening at `i` (`[…]`, with escapes; `]` first closes an empty class). */
function afterClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  for (; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']') return j + 1;
  }
  return source.length;
}

/** The index after the group opening at `i`, past nested groups, classes and escapes. */
function afterGroup(source: string, i: number): number {
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === '[') j = afterClass(source, j) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return source.length;
}

/**
 * The alternatives of an expression at its top level (`a|b(?:c|d)` → `a`, `b(?:c|d)`): matching any one of them is
 * matching the whole, so each can be gated by its own literal. One piece when there is no top-level `|`.
 */
export function topAlternatives(source: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let j = 0; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === '[') j = afterClass(source, j) - 1;
    else if (c === '(') j = afterGroup(source, j) - 1;
    else if (c === '|') {
      parts.push(source.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}
