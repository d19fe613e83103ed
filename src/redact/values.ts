import { REDACTED } from './marker.js';
import { isHarmlessValue } from './names.js';

/**
 * Where a labelled value ends. Each family finds its labels (`NAME=`, `--password `,
 * `IDENTIFIED BY `, `密码：`) with a regular expression; the value after the label is
 * read here by hand, so a quoted value may span lines and nothing backtracks.
 */

/**
 * How far a bare (unquoted) value reaches:
 * - `line`: to the end of the line (`KEY=a value with spaces` at the start of a line, as in .env files);
 * - `token`: to the next blank, quote, backquote, `<`, `>` or `&` (a log line, a query string, HTML,
 *   a command quoted in Markdown);
 * - `json`: like `token`, and also to `,` `}` `]` (a bare JSON number after a quoted key).
 */
export type ValueMode = 'line' | 'token' | 'json';

export interface ValueSpan {
  /** Where the value starts (its opening quote, if any) and ends (after its closing quote). */
  start: number;
  end: number;
  open: string;
  close: string;
  /** The value without its quotes. */
  content: string;
}

/** Longest first: `'''` before `'`, `\"` before `"`. */
const OPENERS = ['"""', "'''", '&#x27;', '&#39;', '&quot;', '\\"', "\\'", '"', "'", '`'] as const;
const BARE_END: Record<ValueMode, RegExp> = {
  line: /[^\r\n]*/y,
  token: /[^\s"'`<>&，。；]*/y,
  json: /[^\s"'`<>&,}\]]*/y,
};

/** The value that starts at `start`. A quote that never closes runs to the end of the text (a cut-off secret). */
export function valueAt(text: string, start: number, mode: ValueMode): ValueSpan {
  const open = OPENERS.find((q) => text.startsWith(q, start));
  if (open) {
    const from = start + open.length;
    const at = closingQuote(text, from, open);
    if (at === -1) return { start, end: text.length, open, close: '', content: text.slice(from) };
    return { start, end: at + open.length, open, close: open, content: text.slice(from, at) };
  }
  const re = BARE_END[mode];
  re.lastIndex = start;
  re.exec(text);
  let end = re.lastIndex;
  if (mode === 'line') while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return { start, end, open: '', close: '', content: text.slice(start, end) };
}

/** Index of the quote closing `open`, honouring backslash escapes inside `"…"` and `'…'`; -1 when none. */
function closingQuote(text: string, from: number, open: string): number {
  if (open !== '"' && open !== "'") return text.indexOf(open, from);
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (text[i] === open) return i;
  }
  return -1;
}

/** What replaces a value: the quotes stay (JSON stays valid), a bare JSON value becomes a string. */
export function redactedValue(v: ValueSpan, mode: ValueMode): string {
  if (v.open) return `${v.open}${REDACTED}${v.close}`;
  return mode === 'json' ? `"${REDACTED}"` : REDACTED;
}

/** What a label regex match means: the name the value is filed under and how to read it; `undefined` → not a secret. */
export type LabelDecision = { name: string; mode: ValueMode } | undefined;

/**
 * Replace the value after every label `label` (a global regex) finds where
 * `decide` says the label is secret and the value is not harmless. Scanning
 * resumes after each value read, so the whole pass is linear in the text.
 */
export function redactLabelled(
  text: string,
  label: RegExp,
  decide: (m: RegExpExecArray, text: string) => LabelDecision,
): string {
  let out = '';
  let last = 0;
  label.lastIndex = 0;
  for (let m = label.exec(text); m; m = label.exec(text)) {
    if (m[0] === '') {
      label.lastIndex++;
      continue;
    }
    const d = decide(m, text);
    if (!d) continue;
    const v = valueAt(text, m.index + m[0].length, d.mode);
    // A harmless value is skipped whole, like a redacted one: reading it again label by label
    // (`密码：密码：…`, `KEY=/KEY=/…`) would make the pass quadratic.
    label.lastIndex = Math.max(label.lastIndex, v.end);
    if (isHarmlessValue(d.name, v.content)) continue;
    out += text.slice(last, v.start) + redactedValue(v, d.mode);
    last = v.end;
  }
  return last === 0 ? text : out + text.slice(last);
}
