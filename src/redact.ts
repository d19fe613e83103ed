/**
 * Secrets never leave the server: every string that reaches an output path
 * (Slack, console, JSON, logs, audit) goes through {@link redact}.
 */

/** Names whose values are secret: SECRET_KEY, DATABASE_PASSWORD, API_TOKEN, AWS_ACCESS_KEY_ID, FERNETKEY … (KEYBOARD_LAYOUT is not). */
const SECRET_NAME =
  /(SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|KEYS?(?:$|[_-])|APIKEY|PRIVATE_?KEY|CREDENTIAL|AUTHORIZATION|COOKIE|SESSIONID|(?:^|_)DSN$)/i;
/** HTTP headers that only look secret by name (CORS answers). */
const NOT_SECRET = /^Access-Control-/i;

export const REDACTED = '«redacted»';

/** True when an environment-style name holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET.test(name);
}

const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\s*[=:]\s*)(.*)$/;
/** `NAME=value` anywhere in a line (log lines, query strings, command lines). */
const INLINE_ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_.-]*)=("[^"]*"|'[^']*'|[^\s&;,"']+)/g;
const JSON_PAIR = /("([A-Za-z_][A-Za-z0-9_-]*)"\s*:\s*)"((?:[^"\\]|\\.)*)"/g;
/** The same with a bare value: `"password": 12345678`. */
const JSON_BARE_PAIR = /("([A-Za-z_][A-Za-z0-9_-]*)"\s*:\s*)(-?\d[\d.eE+-]*|true|false)\b/g;
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/]+):([^\s@/]+)@/gi;
const SLACK_TOKEN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]{8,}/g;
/** A key block up to its END line, or to the end of a cut text; the marker this leaves behind is not matched again (redact is applied twice on the way out). */
const PEM_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----(?! «redacted»)[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g;
const HEADER_SECRET = /^(\s*(?:authorization|cookie|set-cookie|x-csrftoken|proxy-authorization)\s*:\s*)(.+)$/gim;
/** nginx directives that carry credentials: `proxy_set_header Authorization "Basic …";`. */
const NGINX_SECRET =
  /^(\s*(?:proxy_set_header|add_header|more_set_headers)\s+(?:authorization|cookie|proxy-authorization|x-api-key)\s+)([^;]+)/gim;

/** Replace secret values in free text (env files, logs, JSON bodies, URLs, headers). */
export function redact(text: string): string {
  if (!text) return text;
  let out = text.replace(PEM_BLOCK, `-----BEGIN PRIVATE KEY----- ${REDACTED}`);
  out = out
    .split('\n')
    .map((line) => {
      const m = ASSIGNMENT.exec(line);
      if (m && isSecretName(m[2]!) && m[4]!.trim() !== '') return `${m[1]}${m[2]}${m[3]}${REDACTED}`;
      return line;
    })
    .join('\n');
  out = out.replace(INLINE_ASSIGNMENT, (all, name: string, value: string) =>
    isSecretName(name) && !value.startsWith(REDACTED) ? `${name}=${REDACTED}` : all,
  );
  out = out.replace(JSON_PAIR, (all, prefix: string, name: string) =>
    isSecretName(name) ? `${prefix}"${REDACTED}"` : all,
  );
  out = out.replace(JSON_BARE_PAIR, (all, prefix: string, name: string) =>
    isSecretName(name) ? `${prefix}"${REDACTED}"` : all,
  );
  out = out.replace(URL_CREDENTIALS, (_all, scheme: string, user: string) => `${scheme}${user}:${REDACTED}@`);
  out = out.replace(HEADER_SECRET, (_all, prefix: string) => `${prefix}${REDACTED}`);
  out = out.replace(NGINX_SECRET, (_all, prefix: string) => `${prefix}${REDACTED}`);
  out = out.replace(SLACK_TOKEN, REDACTED);
  return out;
}

/** Redact every string inside a JSON-like value (facts, reports, audit records). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = isSecretName(k) && typeof v === 'string' && v !== '' ? REDACTED : redactDeep(v);
    }
    return out as T;
  }
  return value;
}
