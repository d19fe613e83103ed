import { REDACTED } from './marker.js';

/**
 * Credentials in HTTP headers wherever they appear in a line (a curl command in
 * a log, a request dump, a debug page): `Authorization: Bearer …`,
 * `Proxy-Authorization`, `Cookie`, `Set-Cookie`, `X-CSRFToken`, `X-Api-Key`; a
 * bare `Bearer …` token; nginx directives that set such headers.
 */

/** The header name, then `:`. Quoted as a whole (`-H 'Authorization: …'`), the value ends at that quote. */
const HEADER_NAME = 'authorization|proxy-authorization|cookie|set-cookie|x-csrftoken|x-api-key|x-auth-token';
const HEADER = new RegExp(String.raw`(?<![\w-])(["']?)(${HEADER_NAME})(["']?)([ \t]*:[ \t]*)`, 'gi');
const BEARER = /(?<![\w-])(Bearer[ \t]+)(?!«)[A-Za-z0-9._~+/=-]{8,}/g;
/**
 * `proxy_set_header Authorization "Basic …";` and the like. Blanks, not `\s`: `\s*` from
 * every line start over a run of empty lines would backtrack quadratically.
 */
const NGINX_SECRET = new RegExp(
  String.raw`^([ \t]*(?:proxy_set_header|add_header|more_set_headers)[ \t]+(?:${HEADER_NAME})[ \t]+)([^;\n]+)`,
  'gim',
);

export function redactHeaders(text: string): string {
  let out = '';
  let last = 0;
  let lineEnd = -1;
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m; m = HEADER.exec(text)) {
    const start = m.index + m[0].length;
    const q = text[start];
    const quotedValue = Boolean(m[3]) && (q === '"' || q === "'");
    if (text.startsWith(REDACTED, quotedValue ? start + 1 : start)) continue;
    // Positions only grow: the end of the line found for an earlier header still holds when no newline came between.
    if (lineEnd < start) lineEnd = endOfLine(text, start);
    let end = lineEnd;
    if (quotedValue) {
      // `"Authorization": "Bearer x"`: a quoted value ends at its own quote.
      const close = text.indexOf(q!, start + 1);
      if (close !== -1 && close < lineEnd) end = close + 1;
    } else if (m[1] && !m[3]) {
      // `'Authorization: Bearer x'`: the value ends at the quote the header opened with.
      const close = text.indexOf(m[1], start);
      if (close !== -1 && close < lineEnd) end = close;
    }
    if (text.slice(start, end).trim() === '') continue;
    out += text.slice(last, start) + (quotedValue ? `${q}${REDACTED}${q}` : REDACTED);
    last = end;
    HEADER.lastIndex = Math.max(HEADER.lastIndex, end);
  }
  out = last === 0 ? text : out + text.slice(last);
  return out
    .replace(BEARER, (_all, prefix: string) => `${prefix}${REDACTED}`)
    .replace(NGINX_SECRET, (all, prefix: string, value: string) =>
      value.trim().replace(/^["']/, '').startsWith(REDACTED) ? all : `${prefix}"${REDACTED}"`,
    );
}

/** Where the line ends: its `\r\n` or `\n` (kept: curl's header block needs its CRs), or the text's end. */
function endOfLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  if (nl === -1) return text.length;
  return nl > from && text[nl - 1] === '\r' ? nl - 1 : nl;
}
