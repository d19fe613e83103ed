import { retryAfterSeconds, slackErrorCode } from './errors.js';

/**
 * When Slack answers 429 or 5xx, a message that must arrive (a report, an
 * approval card, a result) is sent again, waiting as Slack asks
 * (`Retry-After`) or, without that, 1 s, 2 s, 4 s … up to 30 s between tries,
 * until a total budget (2 minutes) is spent. Answers that say the request
 * itself was wrong (`not_in_channel`, `invalid_auth` …) are final at once.
 *
 * Slack's 5xx answers mean the request was not carried out, so a retry does
 * not post twice; a reply that was lost on the way back (a reset connection)
 * cannot be told apart from one never sent, and is retried too: a rare
 * duplicate is better than a lost report.
 */
export interface RetryPolicy {
  /** Total time spent waiting between tries (default 120 s). */
  budgetMs?: number;
  /** First wait after a 5xx or a network error (default 1000 ms), doubled each time, at most `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A single Retry-After longer than this (seconds) is not waited for (default 30). */
  maxRateLimitWaitS?: number;
}

export interface RetryDeps {
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

/** Platform errors that say Slack could not take the request right now (not that it was wrong). */
const UNAVAILABLE = new Set(['service_unavailable', 'ratelimited']);

/** How long to wait before the next try, or undefined when the error is final. */
export function retryDelayMs(e: unknown, attempt: number, policy: RetryPolicy = {}): number | undefined {
  const code = slackErrorCode(e);
  const after = retryAfterSeconds(e) ?? headerRetryAfter(e);
  if (code === 'ratelimited') {
    const s = after ?? 1;
    return s > (policy.maxRateLimitWaitS ?? 30) ? undefined : s * 1000;
  }
  const err = e as { code?: string; statusCode?: number };
  const transient =
    (err?.code === 'slack_webapi_http_error' && (err.statusCode ?? 0) >= 500) ||
    err?.code === 'slack_webapi_request_error' ||
    (code !== undefined && UNAVAILABLE.has(code));
  if (!transient) return undefined;
  if (after !== undefined) return after > (policy.maxRateLimitWaitS ?? 30) ? undefined : after * 1000;
  return Math.min((policy.backoffMs ?? 1000) * 2 ** attempt, policy.maxBackoffMs ?? 30_000);
}

/** Call until it succeeds, the error is final, or the budget is spent (then the last error is thrown). */
export async function withRetry<T>(
  what: string,
  call: () => Promise<T>,
  policy: RetryPolicy = {},
  deps: RetryDeps = {},
): Promise<T> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const delay = retryDelayMs(e, attempt, policy);
      if (delay === undefined || waited + delay > (policy.budgetMs ?? 120_000)) throw e;
      waited += delay;
      deps.log?.(`${what}: Slack answered ${describe(e)}; retrying in ${(delay / 1000).toFixed(1)} s`);
      await sleep(delay);
    }
  }
}

function headerRetryAfter(e: unknown): number | undefined {
  const h = (e as { headers?: Record<string, string> })?.headers?.['retry-after'];
  const n = h === undefined ? NaN : Number(h);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function describe(e: unknown): string {
  const err = e as { statusCode?: number };
  return slackErrorCode(e) ?? (err?.statusCode ? `HTTP ${err.statusCode}` : ((e as Error)?.message ?? String(e)));
}
