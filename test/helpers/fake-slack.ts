import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded Web API call. */
export interface ApiCall {
  method: string;
  /** Form or JSON fields; `blocks`/`view` decoded from JSON. */
  body: Record<string, unknown>;
  raw: string;
  at: number;
  /** The Authorization header (`Bearer xoxb-…` for the bot, `Bearer xapp-…` for apps.connections.open). */
  authorization?: string;
  /** What the fake answered: 200 (ok or a platform error), or the HTTP status of a simulated outage (429, 500 …). */
  status: number;
}

/** One POST to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

type Failure =
  | { kind: 'error'; error: string }
  | { kind: 'ratelimit'; retryAfter: number }
  | { kind: 'http'; status: number; retryAfter?: number };

/**
 * A local stand-in for Slack on 127.0.0.1: the Web API (`/api/<method>`, as
 * the WebClient calls it with `slackApiUrl`), file upload URLs, and
 * response_url endpoints (`/response/<id>`). Records every call and answers
 * like Slack; errors are switchable per method (and channel).
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** Bytes posted to an upload URL: `content` as text, `data` as sent, `file` the file itself (multipart unwrapped). */
  readonly uploads: Array<{ fileId: string; content: string; data: Buffer; file: Buffer }> = [];
  private server: Server | undefined;
  private port = 0;
  private ts = 1_700_000_000_000_100;
  private readonly failures: Array<{ method: string; channel?: string; times: number; failure: Failure }> = [];
  private readonly waiters: Array<() => void> = [];
  private readonly answers = new Map<
    string,
    (body: Record<string, unknown>, call: ApiCall) => Record<string, unknown>
  >();

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id = 'r1'): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** Make `method` fail `times` times (optionally only for one channel). */
  fail(method: string, error: string, options: { channel?: string; times?: number } = {}): void {
    this.failures.push({
      method,
      channel: options.channel,
      times: options.times ?? Number.POSITIVE_INFINITY,
      failure: { kind: 'error', error },
    });
  }

  /** Answer `method` with 429 and Retry-After `times` times. */
  rateLimit(method: string, retryAfter: number, times = 1): void {
    this.failures.push({ method, times, failure: { kind: 'ratelimit', retryAfter } });
  }

  /**
   * An outage: the next `calls` Web API calls (of any method, or only `methods`) are answered with HTTP
   * `status` (500, 503 …, or 429 with Retry-After), in the order outages were switched on.
   */
  outage(status: number, calls: number, options: { retryAfter?: number; methods?: string[] } = {}): void {
    const failure: Failure =
      status === 429
        ? { kind: 'ratelimit', retryAfter: options.retryAfter ?? 1 }
        : { kind: 'http', status, ...(options.retryAfter !== undefined ? { retryAfter: options.retryAfter } : {}) };
    for (const method of options.methods ?? ['*']) this.failures.push({ method, times: calls, failure });
  }

  /** Answer `method` with `answer(body)` instead of the default (e.g. usergroups.users.list). */
  answerWith(method: string, answer: (body: Record<string, unknown>, call: ApiCall) => Record<string, unknown>): void {
    this.answers.set(method, answer);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Everything the bot sent anywhere (Web API, response_url, uploads), as one string. */
  everythingSent(): string {
    return [
      ...this.calls.map((c) => c.raw),
      ...this.responses.map((r) => JSON.stringify(r.body)),
      ...this.uploads.map((u) => u.content),
    ].join('\n');
  }

  /** Wait until `predicate` holds (checked on every request), or fail after `ms`. */
  async waitFor(predicate: () => boolean, ms = 10_000, what = 'the expected Slack calls'): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; calls so far: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  private nextTs(): string {
    this.ts += 100;
    const s = String(this.ts);
    return `${s.slice(0, 10)}.${s.slice(10)}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (url.pathname.startsWith('/response/')) {
        this.responses.push({
          id: url.pathname.slice('/response/'.length),
          body: JSON.parse(raw || '{}') as Record<string, unknown>,
          at: Date.now(),
        });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      if (url.pathname.startsWith('/upload/')) {
        const file = multipartFile(bytes, req.headers['content-type'] ?? '');
        this.uploads.push({ fileId: url.pathname.slice('/upload/'.length), content: raw, data: bytes, file });
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
        return;
      }
      if (!url.pathname.startsWith('/api/')) {
        res.writeHead(404).end();
        return;
      }
      const method = url.pathname.slice('/api/'.length);
      const body = parseBody(raw, req.headers['content-type'] ?? '');
      const call: ApiCall = {
        method,
        body,
        raw,
        at: Date.now(),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        status: 200,
      };
      this.calls.push(call);
      const failure = this.takeFailure(method, body);
      if (failure?.kind === 'http') {
        call.status = failure.status;
        res
          .writeHead(failure.status, {
            'content-type': 'text/plain',
            ...(failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {}),
          })
          .end('upstream error');
        return;
      }
      if (failure?.kind === 'ratelimit') {
        call.status = 429;
        res
          .writeHead(429, { 'retry-after': String(failure.retryAfter), 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      if (failure?.kind === 'error') {
        this.json(res, { ok: false, error: failure.error });
        return;
      }
      this.json(res, this.answer(call));
    } finally {
      for (const w of this.waiters.splice(0)) w();
    }
  }

  private takeFailure(method: string, body: Record<string, unknown>): Failure | undefined {
    const f = this.failures.find(
      (x) => (x.method === method || x.method === '*') && x.times > 0 && (!x.channel || x.channel === body.channel),
    );
    if (!f) return undefined;
    f.times--;
    return f.failure;
  }

  private answer(call: ApiCall): Record<string, unknown> {
    const { method, body } = call;
    const channel = String(body.channel ?? body.channel_id ?? 'C0OPS');
    const custom = this.answers.get(method);
    if (custom) return custom(body, call);
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEST', url: 'https://oms.slack.com/' };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        return { ok: true, channel, ts, message: { ts, text: body.text } };
      }
      case 'chat.update':
        return { ok: true, channel, ts: body.ts, text: body.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.getPermalink':
        return {
          ok: true,
          channel,
          permalink: `https://oms.slack.com/archives/${channel}/p${String(body.message_ts).replace('.', '')}`,
        };
      case 'views.open':
        return { ok: true, view: { id: 'V0SHARE', ...(typeof body.view === 'object' ? (body.view as object) : {}) } };
      case 'files.getUploadURLExternal': {
        const id = `F0${this.uploads.length + 1}${Date.now() % 1000}`;
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F0DONE', title: 'report' }] };
      case 'apps.connections.open':
        return { ok: false, error: 'not_allowed_token_type' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private json(res: ServerResponse, body: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

/** The first part's body of a multipart/form-data request (the file the WebClient posts), else the bytes as sent. */
function multipartFile(bytes: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return bytes;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = bytes.indexOf(delimiter);
  const headersEnd = bytes.indexOf('\r\n\r\n', start);
  const end = bytes.indexOf(Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`), headersEnd);
  if (start < 0 || headersEnd < 0 || end < 0) return bytes;
  return bytes.subarray(headersEnd + 4, end);
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  let body: Record<string, unknown>;
  if (contentType.includes('application/json')) body = JSON.parse(raw || '{}') as Record<string, unknown>;
  else if (contentType.includes('multipart')) body = { multipart: raw.length };
  else body = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'view', 'files']) {
    if (typeof body[key] === 'string') {
      try {
        body[key] = JSON.parse(body[key] as string);
      } catch {
        // left as text: the test will show it
      }
    }
  }
  return body;
}
