import type { ExecResult } from '../transport/transport.js';
import { clip } from './output.js';

/**
 * Reads what `curl -sS -i` printed: the status line, the headers and the body,
 * or the curl error that replaced them. Pure and tolerant: anything it cannot
 * read becomes `{ kind: 'unparseable' }`, never an exception.
 */

/** One HTTP answer as curl printed it. Header names are lower-cased. */
export interface HttpResponse {
  httpVersion: string;
  status: number;
  reason: string;
  /** The final status line, as printed (without CR). */
  statusLine: string;
  /** Header lines of the final answer in order, as printed (without CR). */
  headerLines: string[];
  /** Lower-cased header name → values in order. */
  headers: ReadonlyMap<string, string[]>;
  body: string;
}

/** curl exits we recognise; see `man curl`, EXIT CODES. */
export type CurlFailureKind = 'dns' | 'refused' | 'timeout' | 'empty-reply' | 'recv-error' | 'other';

export interface CurlFailure {
  kind: CurlFailureKind;
  /** curl's exit code (from `curl: (N)` or the process exit status). */
  curlCode: number | null;
  /** curl's own message, e.g. `Failed to connect to 127.0.0.1 port 8000 …`. */
  message: string;
}

export type CurlOutcome =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'curl-error'; failure: CurlFailure }
  | { kind: 'unparseable'; text: string };

const CURL_CODES: Readonly<Record<number, CurlFailureKind>> = {
  6: 'dns',
  7: 'refused',
  28: 'timeout',
  52: 'empty-reply',
  56: 'recv-error',
};

const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?) (\d{3})(?: (.*))?$/;
/** Header text is at most this long; a longer "head" is not an HTTP head. */
const MAX_HEAD_CHARS = 64 * 1024;

/** Classify a curl failure from `curl: (N) …` on stderr, else from the exit status. */
export function curlFailure(result: ExecResult): CurlFailure | undefined {
  const m = /curl: \((\d{1,3})\)\s*([^\n]*)/.exec(result.stderr);
  let code: number | null = m ? Number(m[1]) : null;
  if (code === null && result.code !== null && result.code !== 0) code = result.code;
  if (code === null || code === 0) return undefined;
  return { kind: CURL_CODES[code] ?? 'other', curlCode: code, message: (m?.[2] ?? result.stderr.trim()).slice(0, 300) };
}

/**
 * Parse the text of `curl -i`: skips interim `1xx` answers (`100 Continue`,
 * `103 Early Hints`), accepts CRLF or LF, HTTP/1.0, 1.1 and 2.
 * Returns `undefined` when the text does not start with a status line.
 */
export function parseHttpResponse(text: string): HttpResponse | undefined {
  let rest = text.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  for (let guard = 0; guard < 10; guard++) {
    const head = splitHead(rest);
    if (!head) return undefined;
    const [statusLine = '', ...headerLines] = head.headText.split('\n').map((l) => l.replace(/\r$/, ''));
    const m = STATUS_LINE.exec(statusLine);
    if (!m) return undefined;
    const status = Number(m[2]);
    if (status >= 100 && status < 200 && status !== 101 && head.body.startsWith('HTTP/')) {
      rest = head.body;
      continue;
    }
    const headers = new Map<string, string[]>();
    const kept: string[] = [];
    for (const line of headerLines) {
      const idx = line.indexOf(':');
      if (idx <= 0) continue;
      const name = line.slice(0, idx).trim().toLowerCase();
      if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) continue;
      const value = line.slice(idx + 1).trim();
      headers.set(name, [...(headers.get(name) ?? []), value]);
      kept.push(line);
    }
    return { httpVersion: m[1]!, status, reason: m[3] ?? '', statusLine, headerLines: kept, headers, body: head.body };
  }
  return undefined;
}

function splitHead(text: string): { headText: string; body: string } | undefined {
  if (!text.startsWith('HTTP/')) return undefined;
  const window = text.slice(0, MAX_HEAD_CHARS);
  const crlf = window.indexOf('\r\n\r\n');
  const lf = window.indexOf('\n\n');
  let end: number;
  let sep: number;
  if (crlf !== -1 && (lf === -1 || crlf < lf)) [end, sep] = [crlf, 4];
  else if (lf !== -1) [end, sep] = [lf, 2];
  else if (text.length <= MAX_HEAD_CHARS)
    [end, sep] = [text.length, 0]; // head only (truncated or HEAD-like)
  else return undefined;
  return { headText: text.slice(0, end), body: text.slice(end + sep) };
}

/** Interpret one curl result: an HTTP answer, a curl failure, or text we cannot read. */
export function readCurlResult(result: ExecResult): CurlOutcome {
  const failure = curlFailure(result);
  if (failure) return { kind: 'curl-error', failure };
  const response = parseHttpResponse(result.stdout);
  if (response) return { kind: 'response', response };
  return { kind: 'unparseable', text: result.stdout || result.stderr };
}

/** First value of a header (case-insensitive), or `undefined`. */
export function header(res: HttpResponse, name: string): string | undefined {
  return res.headers.get(name.toLowerCase())?.[0];
}

/** The first 64 KiB of the body: enough for every marker we look for, bounded for huge answers. */
function head(res: HttpResponse): string {
  return res.body.slice(0, 64 * 1024);
}

/** The body is JSON (by Content-Type, or it parses as a JSON object/array). */
export function isJson(res: HttpResponse): boolean {
  if (/\bjson\b/i.test(header(res, 'content-type') ?? '')) return true;
  const t = res.body.trim();
  if (t.length > 64 * 1024 || !/^[[{]/.test(t)) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/** The front end's `index.html` (Vite build): `<div id="app">` or `/assets/index-….js`. */
export function isSpaIndex(res: HttpResponse): boolean {
  const ct = header(res, 'content-type');
  if (ct !== undefined && !/text\/html/i.test(ct)) return false;
  const b = head(res);
  return (
    /<div\s+id=["']app["']/i.test(b) ||
    /<script[^>]{0,500}\bsrc=["'][^"'<>]{0,300}\/assets\/index[-.][^"'<>]{0,200}\.js["']/i.test(b)
  );
}

/** Django's `Bad Request (400)` page: what `DisallowedHost` (ALLOWED_HOSTS) answers with DEBUG off. */
export function isDjangoBadRequest(res: HttpResponse): boolean {
  const b = head(res);
  return (
    b.includes('<title>Bad Request (400)</title>') ||
    b.includes('<h1>Bad Request (400)</h1>') ||
    b.includes('DisallowedHost')
  );
}

/** A 404 produced by Django (its plain page, the DEBUG page, or DRF's JSON). */
export function isDjangoNotFound(res: HttpResponse): boolean {
  const b = head(res);
  return (
    b.includes('The requested resource was not found on this server') ||
    (b.includes('Page not found') && b.includes('URLconf')) ||
    /^\s*\{\s*"detail"\s*:\s*"Not found\.?"\s*\}\s*$/.test(b)
  );
}

/** An error page written by nginx itself (`<hr><center>nginx/1.22.1</center>`). */
export function isNginxErrorPage(res: HttpResponse): boolean {
  return /<center>\s*nginx\b/i.test(head(res));
}

/** Django admin HTML (the login page or the index). */
export function isDjangoAdmin(res: HttpResponse): boolean {
  const b = head(res);
  return (
    /Django (site )?admin/i.test(b) ||
    b.includes('id="site-name"') ||
    b.includes('csrfmiddlewaretoken') ||
    b.includes('/static/admin/')
  );
}

/**
 * Evidence for a probe: the status line, the named headers (in the order they
 * came) and, when asked, the first lines of the body.
 */
export function responseEvidence(res: HttpResponse, headerNames: readonly string[], bodyLines = 0): string {
  const wanted = new Set(headerNames.map((h) => h.toLowerCase()));
  const lines = [
    res.statusLine,
    ...res.headerLines.filter((l) => wanted.has(l.slice(0, l.indexOf(':')).trim().toLowerCase())),
  ].map((l) => clip(l, 300));
  if (bodyLines > 0) {
    const all = res.body
      .slice(0, 8000)
      .split('\n')
      .map((l) => l.replace(/\r$/, '').trim())
      .filter((l) => l !== '');
    // For HTML pages the title and heading say what the page is; otherwise the first lines.
    const telling = all.filter((l) => /<(title|h1)\b/i.test(l));
    const body = (telling.length ? telling : all).slice(0, bodyLines).map((l) => clip(l, 200));
    if (body.length) lines.push('', ...body);
  }
  return lines.join('\n');
}
