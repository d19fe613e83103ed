/**
 * The part of the site config a finding quotes as evidence: numbered lines of
 * one block, with credentials in header directives masked (redact() runs after).
 */
import { isSecretName, REDACTED } from '../redact.js';
import type { NginxDirective } from './nginx-conf.js';

/** The lines of a directive's block, numbered, at most `max` of them. */
export function blockLines(lines: string[], d: NginxDirective, max: number): string {
  const end = Math.min(d.endLine, d.line + max - 1);
  const out: string[] = [];
  for (let n = d.line; n <= end; n++)
    out.push(`${n}: ${maskHeaderSecret((lines[n - 1] ?? '').replace(/\r$/, '').slice(0, 200))}`);
  if (d.endLine > end) out.push('…');
  return out.join('\n');
}

/** Directives whose value may carry a credential (an Authorization header, a token parameter). */
const HEADER_DIRECTIVES = /proxy_set_header|add_header|more_set_headers|grpc_set_header|fastcgi_param|uwsgi_param/;
const HEADER_DIRECTIVE = new RegExp(
  String.raw`^(\s*(?:${HEADER_DIRECTIVES.source})\s+["']?)([A-Za-z0-9_-]+)(["']?\s+)(.+?)(;?\s*)$`,
);

/** `proxy_set_header Authorization "Basic …";` and the like: keep the name, hide the value. */
function maskHeaderSecret(line: string): string {
  const m = HEADER_DIRECTIVE.exec(line);
  if (!m || !isSecretName(m[2]!)) return line;
  return `${m[1]}${m[2]}${m[3]}${REDACTED}${m[5]}`;
}
