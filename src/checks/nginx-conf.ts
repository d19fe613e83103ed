/**
 * A small nginx configuration reader: comments, quoted strings, `${var}`,
 * directives with arguments and nested blocks, with line numbers. Tolerant:
 * an unbalanced brace or a missing `;` is noted in `errors` and parsing goes on.
 * It also answers the questions the checks ask: which upstreams exist, which
 * `location` nginx picks for a URI (exact, then longest prefix, then regex in
 * order), and where `proxy_pass` sends it. Pure; never throws.
 */

export interface NginxDirective {
  name: string;
  args: string[];
  /** 1-based line of the directive's name. */
  line: number;
  /** Line of its `;` or closing `}`. */
  endLine: number;
  block?: NginxDirective[];
}

export interface NginxConf {
  directives: NginxDirective[];
  errors: string[];
  /** The text was too large and only its beginning was read. */
  truncated: boolean;
}

/** Runs of plain characters, `${name}` (looked for only a short way ahead), or a lone `$`. */
const WORD_PART = /[^\s;{}"'$#]+|\$\{[^{}$\n]{0,120}\}|[$#]/y;
const DOUBLE_QUOTED = /"([^"\\]*(?:\\[\s\S][^"\\]*)*)"?/y;
const SINGLE_QUOTED = /'([^'\\]*(?:\\[\s\S][^'\\]*)*)'?/y;

function countNewlines(s: string): number {
  let k = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) k++;
  return k;
}

/** Garbage produces one error per brace; keep the first ones only. */
const MAX_ERRORS = 100;
/** A site config has hundreds of tokens; stop long before hostile input gets expensive. */
const MAX_TOKENS = 200_000;
/** nginx nests a few levels; deeper braces are read as flat. */
const MAX_DEPTH = 64;

type Token = { kind: 'word'; text: string; line: number } | { kind: '{' | '}' | ';'; line: number };

function tokenize(text: string, errors: string[]): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (tokens.length >= MAX_TOKENS) {
      errors.push(`line ${line}: stopped reading after ${MAX_TOKENS} tokens`);
      break;
    }
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      i++;
    } else if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '{' || c === '}' || c === ';') {
      tokens.push({ kind: c, line });
      i++;
    } else if (c === '"' || c === "'") {
      const re = c === '"' ? DOUBLE_QUOTED : SINGLE_QUOTED;
      re.lastIndex = i;
      const m = re.exec(text)!; // always matches: both parts are optional
      const raw = m[1]!;
      if (m[0].length === raw.length + 1) errors.push(`line ${line}: unterminated quoted string`);
      tokens.push({ kind: 'word', text: raw.replace(/\\([\s\S])/g, '$1'), line });
      line += countNewlines(m[0]);
      i += m[0].length;
    } else {
      let s = '';
      while (i < n) {
        WORD_PART.lastIndex = i;
        const m = WORD_PART.exec(text);
        if (!m) break;
        s += m[0];
        i += m[0].length;
      }
      if (s === '') {
        // Whitespace the branch above does not list (e.g. U+00A0): skip it.
        i++;
        continue;
      }
      tokens.push({ kind: 'word', text: s, line });
    }
  }
  return tokens;
}

/** Parse configuration text into a tree of directives. */
export function parseNginxConf(text: string): NginxConf {
  const errors: string[] = [];
  const tokens = tokenize(text, errors);
  const truncated = tokens.length >= MAX_TOKENS;
  const note = (msg: string) => {
    if (errors.length < MAX_ERRORS) errors.push(msg);
  };
  const root: NginxDirective[] = [];
  const stack: { list: NginxDirective[]; owner?: NginxDirective }[] = [{ list: root }];
  let words: { text: string; line: number }[] = [];
  let flatDepth = 0;
  const top = () => stack[stack.length - 1]!;
  const flush = (endLine: number): NginxDirective | undefined => {
    if (words.length === 0) return undefined;
    const d: NginxDirective = {
      name: words[0]!.text,
      args: words.slice(1).map((w) => w.text),
      line: words[0]!.line,
      endLine,
    };
    top().list.push(d);
    words = [];
    return d;
  };
  for (const t of tokens) {
    if (t.kind === 'word') words.push({ text: t.text, line: t.line });
    else if (t.kind === ';') flush(t.line);
    else if (t.kind === '{') {
      const d = flush(t.line) ?? { name: '', args: [], line: t.line, endLine: t.line };
      if (d.name === '') {
        note(`line ${t.line}: block without a name`);
        top().list.push(d);
      }
      d.block = [];
      if (stack.length > MAX_DEPTH) {
        note(`line ${t.line}: blocks nested too deep`);
        flatDepth++;
      } else stack.push({ list: d.block, owner: d });
    } else {
      if (words.length) {
        note(`line ${words[0]!.line}: directive "${words[0]!.text.slice(0, 40)}" is not terminated by ";"`);
        flush(t.line);
      }
      if (flatDepth > 0) flatDepth--;
      else if (stack.length > 1) {
        const closed = stack.pop()!;
        if (closed.owner) closed.owner.endLine = t.line;
      } else note(`line ${t.line}: unexpected "}"`);
    }
  }
  const lastLine = tokens.length ? tokens[tokens.length - 1]!.line : 1;
  if (words.length) {
    note(`line ${words[0]!.line}: unexpected end of file, expecting ";" or "}"`);
    flush(lastLine);
  }
  while (stack.length > 1) {
    const open = stack.pop()!;
    if (open.owner) {
      open.owner.endLine = lastLine;
      note(`line ${open.owner.line}: block "${open.owner.name.slice(0, 40)}" is not closed`);
    }
  }
  return { directives: root, errors, truncated };
}

/** Every directive named `name` at any depth, in file order (iterative: deep nesting cannot overflow the stack). */
export function findAll(directives: readonly NginxDirective[], name: string): NginxDirective[] {
  const out: NginxDirective[] = [];
  const work: NginxDirective[] = [...directives].reverse();
  while (work.length) {
    const d = work.pop()!;
    if (d.name === name) out.push(d);
    if (d.block) for (let k = d.block.length - 1; k >= 0; k--) work.push(d.block[k]!);
  }
  return out;
}

/** The first directive named `name` directly inside a block (not nested deeper). */
export function child(block: readonly NginxDirective[] | undefined, name: string): NginxDirective | undefined {
  return block?.find((d) => d.name === name);
}

/** `upstream NAME { … }` blocks by name. */
export function upstreamBlocks(conf: NginxConf): Map<string, NginxDirective> {
  const map = new Map<string, NginxDirective>();
  for (const d of findAll(conf.directives, 'upstream')) if (d.block && d.args[0]) map.set(d.args[0], d);
  return map;
}

/** `server { … }` blocks (not the `server` lines inside upstreams). */
export function serverBlocks(conf: NginxConf): NginxDirective[] {
  return findAll(conf.directives, 'server').filter((d) => d.block !== undefined && d.args.length === 0);
}
