/**
 * Secrets never leave the server: every string that reaches an output path
 * (Slack, console, JSON, logs, audit) goes through {@link redact}, and command
 * output is redacted whole before any part of it is cut (src/engine/run-checks.ts).
 *
 * Secrets are found by the shapes they take (src/redact/): private keys,
 * headers, command-line flags, URL user info, `NAME=value` under a secret
 * name, SQL and Chinese labels, and tokens with a shape of their own. Each
 * pass is linear in the text, and redacting twice equals redacting once.
 */
import { redactAssignments, redactChineseLabels, redactHtmlCells, redactSqlPasswords } from './redact/assignments.js';
import { redactCommandLines } from './redact/command-line.js';
import { redactHeaders } from './redact/headers.js';
import { REDACTED } from './redact/marker.js';
import { isHarmlessValue, isSecretName } from './redact/names.js';
import { redactPrivateKeys, redactTokens } from './redact/tokens.js';
import { redactUrlCredentials } from './redact/urls.js';

export { REDACTED, isSecretName };

/** Replace secret values in free text (env files, logs, JSON bodies, URLs, headers, command lines). */
export function redact(text: string): string {
  if (!text) return text;
  // Whole blocks and whole-line values first, so later passes see only what is left.
  let out = redactPrivateKeys(text);
  out = redactHeaders(out);
  out = redactCommandLines(out);
  out = redactUrlCredentials(out);
  out = redactSqlPasswords(out);
  out = redactChineseLabels(out);
  out = redactHtmlCells(out);
  out = redactAssignments(out);
  return redactTokens(out);
}

/** Redact every string inside a JSON-like value (facts, reports, audit records). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = typeof v === 'string' && isSecretName(k) && !isHarmlessValue(k, v) ? REDACTED : redactDeep(v);
    }
    return out as T;
  }
  return value;
}
