import { retryDelayMs, withRetry } from '../../../src/slack/web-api-retry.js';

const http = (statusCode: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${statusCode}`), { code: 'slack_webapi_http_error', statusCode, headers });
const platform = (error: string) =>
  Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
const limited = (retryAfter: number) =>
  Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter });

describe('retryDelayMs', () => {
  it('429: waits what Retry-After says; too long a wait is not waited for', () => {
    expect(retryDelayMs(limited(3), 0)).toBe(3000);
    expect(retryDelayMs(limited(120), 0)).toBeUndefined();
  });

  it('5xx and network errors: 1 s, 2 s, 4 s … at most 30 s; a Retry-After header wins', () => {
    expect([0, 1, 2, 10].map((n) => retryDelayMs(http(500), n))).toEqual([1000, 2000, 4000, 30_000]);
    expect(retryDelayMs(http(503, { 'retry-after': '2' }), 0)).toBe(2000);
    expect(retryDelayMs(Object.assign(new Error('ECONNRESET'), { code: 'slack_webapi_request_error' }), 0)).toBe(1000);
    expect(retryDelayMs(platform('service_unavailable'), 1, { backoffMs: 10 })).toBe(20);
  });

  it('errors that say the request was wrong are final', () => {
    for (const e of [platform('not_in_channel'), platform('invalid_auth'), platform('fatal_error'), http(404)])
      expect(retryDelayMs(e, 0)).toBeUndefined();
    expect(retryDelayMs(new Error('bug'), 0)).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('sends again until it succeeds, waiting as told, and logs each retry', async () => {
    const waits: number[] = [];
    const logs: string[] = [];
    const answers = [http(500), limited(1), 'ok'];
    const got = await withRetry(
      'chat.postMessage',
      async () => {
        const a = answers.shift();
        if (a instanceof Error) throw a;
        return a;
      },
      {},
      { sleep: async (ms) => void waits.push(ms), log: (l) => logs.push(l) },
    );
    expect(got).toBe('ok');
    expect(waits).toEqual([1000, 1000]);
    expect(logs).toEqual([
      'chat.postMessage: Slack answered HTTP 500; retrying in 1.0 s',
      'chat.postMessage: Slack answered ratelimited; retrying in 1.0 s',
    ]);
  });

  it('gives up with the last error once the budget is spent', async () => {
    let calls = 0;
    const waits: number[] = [];
    const failing = () => {
      calls++;
      return Promise.reject(http(502));
    };
    await expect(
      withRetry('chat.update', failing, { budgetMs: 7000 }, { sleep: async (ms) => void waits.push(ms) }),
    ).rejects.toMatchObject({ statusCode: 502 });
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(calls).toBe(4);
  });

  it('a final error is thrown at once', async () => {
    let calls = 0;
    await expect(withRetry('x', () => (calls++, Promise.reject(platform('not_in_channel'))))).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
