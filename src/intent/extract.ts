import { gated, type Gated } from './gated.js';

/**
 * Values worth showing back from a pasted line: unit, pid, exit status, HTTP
 * status, port, origin, host, url, signal. Keys are present only when found.
 */
export type Extracted = Record<string, string>;

const MAX_SCAN = 20_000;

const PATTERNS: Array<[string, Gated]> = (
  [
    ['unit', /\b([a-z0-9][a-z0-9@_.-]*\.service)\b/i],
    ['pid', /\bpid[:=\s]*(\d{1,9})\b|\bMain PID: (\d{1,9})\b|\bKilled process (\d{1,9})\b/i],
    ['exitStatus', /\bstatus=(\d{1,3}\/[A-Z_]+|\d{1,3})\b/],
    ['signal', /\b(SIG(?:TERM|KILL|ABRT|HUP|INT|SEGV))\b/],
    [
      'httpStatus',
      new RegExp(
        [
          String.raw`\b(?:HTTP\/\d(?:\.\d)?"?\s+|status(?:\s+code)?[:\s]+|\s)([1-5]\d\d)`,
          String.raw`(?:\s+(?:\(?[A-Z][a-z]+|Bad|Not|Gateway|Internal|Service)|\s*$)`,
        ].join(''),
      ),
    ],
    [
      'port',
      new RegExp(
        [
          String.raw`(?:127\.0\.0\.1|0\.0\.0\.0|localhost|\]|\d+\.\d+\.\d+\.\d+):(\d{2,5})\b|`,
          String.raw`\bport\s+(\d{2,5})\b|\('[\d.]+',\s*(\d{2,5})\)|(\d{2,5})\s*端口|端口\s*(\d{2,5})`,
        ].join(''),
        'i',
      ),
    ],
    ['origin', /\bfrom origin '([^']+)'|\bOrigin: (https?:\/\/[^\s'"]+)/i],
    ['host', /\bhost: "([^"]+)"|Invalid HTTP_HOST header: '([^']+)'|\bHost: ([^\s'"]+)/i],
    ['url', /\b(https?:\/\/[^\s'"<>)]+)/i],
  ] as Array<[string, RegExp]>
).map(([name, re]) => [name, gated(re)]);

/** A bare status code with something HTTP-like around it (接口404, 502 Bad Gateway, "returns 404"). */
const BARE_STATUS = /(?:^|[^\d.:])(400|401|403|404|405|500|502|503|504)(?![\d.:])/;

/** Extract values from free text; never throws. `host` may also come from a log prefix. */
export function extract(text: string, prefixHost?: string): Extracted {
  const scan = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  const out: Extracted = {};
  for (const [name, re] of PATTERNS) {
    const m = re.exec(scan);
    const value = m?.slice(1).find((g) => g !== undefined);
    if (value) out[name] = value.slice(0, 200);
  }
  if (!out.httpStatus) {
    const bare = BARE_STATUS.exec(scan);
    if (bare) out.httpStatus = bare[1]!;
  }
  if (!out.pid) {
    // gunicorn[45]: / systemd[1]: — the process that logged the line, if nothing better.
    const logged = /\b(?:gunicorn|python3?)\[(\d{1,9})\]/.exec(scan);
    if (logged) out.pid = logged[1]!;
  }
  if (!out.host && prefixHost) out.host = prefixHost;
  return out;
}
