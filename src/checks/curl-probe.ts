import type { ExecResult } from '../transport/transport.js';
import type { Target } from '../config/target.js';
import { publicOrigin } from '../config/target.js';
import { redact } from '../redact.js';
import type { CheckCommand, Observation } from './check.js';
import { clip, commandProblem, excerpt } from './output.js';
import { readCurlResult, type CurlFailure, type HttpResponse } from './http-response.js';

/**
 * The HTTP probes of the web-side checks: `curl -sS -i --noproxy * --max-time 5` against the
 * server's own loopback, with the public Host header and dummy credentials only.
 * Every argv element comes from validated target fields.
 */

/** Dummy credentials: no account has this name, so a working backend answers 400/401. */
export const PROBE_CREDENTIALS = '{"username":"__probe__","password":"__probe__"}';
/** The endpoint the front end's login form posts to. */
export const LOGIN_PATH = '/api/auth/login/';
/** Local deadline per probe; curl itself gives up after 5 s. */
export const PROBE_TIMEOUT_MS = 8000;

type Result = Omit<Observation, 'check'>;

/** `host:port`, `[v6]:port`, or a bare host: what may appear in a probe URL. */
const HOST_PORT = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?)$/;

/** Base URL of gunicorn (`backendBind`, validated by the target schema). */
export function backendBase(target: Target): string | undefined {
  return HOST_PORT.test(target.backendBind) ? `http://${target.backendBind}` : undefined;
}

/** Base URL of nginx (`nginxListen`); `undefined` when the configured value is not a plain host:port. */
export function nginxBase(target: Target): string | undefined {
  return HOST_PORT.test(target.nginxListen) ? `http://${target.nginxListen}` : undefined;
}

/** `Host:` header value: the public URL's host (with its port when not the default), as a browser sends it. */
export function hostHeader(target: Target): string {
  return new URL(target.publicUrl).host;
}

export interface ProbeSpec {
  method?: 'GET' | 'POST' | 'OPTIONS';
  /**
   * Base URL from {@link backendBase}/{@link nginxBase}; `undefined` → no command
   * (the interpreter reports the config).
   */
  base: string | undefined;
  path: string;
  /** Extra headers after `Host` (e.g. `Origin`); `Content-Type` comes first for POSTs. */
  headers?: readonly string[];
  data?: string;
}

/** The curl argv for one probe, or no command when the target's address is not usable. */
export function curlCommands(target: Target, spec: ProbeSpec): CheckCommand[] {
  if (!spec.base) return [];
  // --noproxy: a proxy in the bot user's environment must not swallow loopback probes.
  const argv = ['curl', '-sS', '-i', '--noproxy', '*', '--max-time', '5'];
  if (spec.method && spec.method !== 'GET') argv.push('-X', spec.method);
  argv.push(`${spec.base}${spec.path}`);
  if (spec.data !== undefined) argv.push('-H', 'Content-Type: application/json');
  argv.push('-H', `Host: ${hostHeader(target)}`);
  for (const h of spec.headers ?? []) argv.push('-H', h);
  if (spec.data !== undefined) argv.push('-d', spec.data);
  return [{ argv, timeoutMs: PROBE_TIMEOUT_MS }];
}

/** `Origin:` header the browser sends from the public URL. */
export function originHeader(target: Target): string {
  return `Origin: ${publicOrigin(target)}`;
}

/** How a probe names the place it talked to, for summaries. */
export interface ProbeWhere {
  /** e.g. `gunicorn 127.0.0.1:8000` or `nginx 127.0.0.1:80`. */
  label: string;
  url: string;
}

/**
 * Run the steps every probe shares: no command (bad config) → error; transport
 * problems; curl failures (refused, timeout, other); unreadable output. Only a
 * real HTTP answer reaches `classify`.
 */
export function interpretProbe(
  results: readonly ExecResult[],
  where: ProbeWhere,
  classify: (res: HttpResponse) => Result,
): Result {
  const r = results[0];
  if (!r) {
    return {
      status: 'error',
      summary: `目标地址配置无效 / the target's address for ${where.label} is not a plain host:port, probe not run`,
      evidence: '',
      facts: { url: where.url },
      signals: ['unexpected'],
    };
  }
  const problem = commandProblem(r, 'curl');
  if (problem) return problem;
  const outcome = readCurlResult(r);
  if (outcome.kind === 'curl-error') return curlFailureResult(outcome.failure, where);
  if (outcome.kind === 'unparseable') {
    return {
      status: 'error',
      summary: `无法解析 curl 输出 / could not read curl's answer from ${where.label}`,
      evidence: redact(excerpt(outcome.text, 8, 600)),
      facts: { url: where.url, exitCode: r.code },
      signals: ['unexpected'],
    };
  }
  const res = classify(outcome.response);
  return {
    ...res,
    evidence: redact(excerpt(res.evidence, 20, 2500)),
    facts: { url: where.url, httpStatus: outcome.response.status, ...res.facts },
  };
}

function curlFailureResult(f: CurlFailure, where: ProbeWhere): Result {
  const facts = { url: where.url, curlExit: f.curlCode };
  const evidence = redact(`curl: (${f.curlCode}) ${f.message}`);
  switch (f.kind) {
    case 'refused':
      return {
        status: 'fail',
        summary: `连接被拒绝 / nothing listens at ${where.label} (connection refused)`,
        evidence,
        facts,
        signals: ['refused'],
      };
    case 'timeout':
      return {
        status: 'fail',
        summary: `请求超时 / ${where.label} did not answer within 5 s`,
        evidence,
        facts,
        signals: ['timeout'],
      };
    case 'dns':
      return {
        status: 'fail',
        summary: `无法解析主机名 / could not resolve the host of ${where.url}`,
        evidence,
        facts,
        signals: ['unexpected'],
      };
    case 'empty-reply':
      return {
        status: 'fail',
        summary: `服务器未返回任何内容 / ${where.label} closed the connection without answering`,
        evidence,
        facts,
        signals: ['unexpected'],
      };
    case 'recv-error':
      return {
        status: 'fail',
        summary: `接收失败 / the connection to ${where.label} was reset while reading`,
        evidence,
        facts,
        signals: ['unexpected'],
      };
    default:
      return {
        status: 'error',
        summary: `curl 失败 / curl exited ${f.curlCode} talking to ${where.label}`,
        evidence,
        facts,
        signals: ['unexpected'],
      };
  }
}

/** Result for an HTTP answer none of the check's signals describes. */
export function unexpectedAnswer(
  res: HttpResponse,
  where: ProbeWhere,
  evidence: string,
  status: 'warn' | 'fail' = 'fail',
): Result {
  return {
    status,
    summary: `意外的响应 / unexpected answer from ${where.label}: ${res.status} ${res.reason}`.trim(),
    evidence,
    facts: {},
    signals: ['unexpected'],
  };
}

/** A header value as a fact: at most 300 characters, `null` when absent. */
export function factText(value: string | undefined): string | null {
  if (value === undefined) return null;
  return clip(value, 300);
}
