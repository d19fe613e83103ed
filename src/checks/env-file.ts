/**
 * A small `.env` reader (the python-dotenv / Vite dialect): `KEY=VALUE` lines,
 * `#` comments, `export KEY=…`, spaces around `=`, single or double quotes
 * (double quotes may span lines), CRLF and a leading BOM. Lines it does not
 * understand are skipped. Pure; never throws.
 */

export interface EnvEntry {
  key: string;
  value: string;
  /** 1-based line where the assignment starts. */
  line: number;
}

export interface EnvFile {
  /** Key → its last assignment (later lines win, as in python-dotenv and Vite). */
  entries: ReadonlyMap<string, EnvEntry>;
  /** Number of lines that were neither blank, comments nor assignments. */
  skipped: number;
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s?(.*)$/;
/** A value longer than this is cut: no setting we read is anywhere near it. */
const MAX_VALUE = 64 * 1024;

export function parseEnvFile(text: string): EnvFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const entries = new Map<string, EnvEntry>();
  let skipped = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = ASSIGNMENT.exec(raw);
    if (!m) {
      skipped++;
      continue;
    }
    const key = m[1]!;
    const startLine = i + 1;
    let rest = m[2]!.trimStart();
    let value: string;
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      // Find the closing quote, possibly on a later line (double quotes only, as python-dotenv).
      let body = rest.slice(1);
      let close = findClose(body, quote, 0);
      let j = i;
      while (close === -1 && quote === '"' && j + 1 < lines.length && body.length < MAX_VALUE) {
        j++;
        const from = body.length + 1;
        body += `\n${lines[j]}`;
        close = findClose(body, quote, from);
      }
      if (close === -1) {
        // Unterminated: keep the rest of the first line, do not swallow the file.
        value = rest.slice(1);
      } else {
        value = body.slice(0, close);
        i = j;
      }
      if (quote === '"')
        value = value.replace(/\\([nrt"\\])/g, (_a, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
    } else {
      // Unquoted: an inline comment starts at ` #`.
      const hash = rest.search(/\s#/);
      if (hash !== -1) rest = rest.slice(0, hash);
      value = rest.trim();
    }
    entries.set(key, { key, value: value.slice(0, MAX_VALUE), line: startLine });
  }
  return { entries, skipped };
}

function findClose(s: string, quote: string, from: number): number {
  for (let k = from; k < s.length; k++) {
    if (s[k] === '\\' && quote === '"') {
      k++;
      continue;
    }
    if (s[k] === quote) return k;
  }
  return -1;
}

/**
 * A comma-separated list as django-environ and python-decouple read it; also
 * tolerates a Python/JSON-style list (`["a", "b"]`) and blanks.
 */
export function splitList(value: string): string[] {
  let v = value.trim();
  if (v.startsWith('[') && v.endsWith(']')) v = v.slice(1, -1);
  return v
    .split(/[,\s]+/)
    .map((s) => s.trim().replace(/^["']|["']$/g, ''))
    .filter((s) => s !== '');
}

/** `True`/`1`/`yes`/`on` → true, `False`/`0`/`no`/`off`/empty → false, anything else → null. */
export function parseBool(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on', 't', 'y'].includes(v)) return true;
  if (['false', '0', 'no', 'off', 'f', 'n', ''].includes(v)) return false;
  return null;
}
