import type { Target } from '../config/target.js';
import { publicHost, publicOrigin, targetPaths } from '../config/target.js';
import { redact } from '../redact.js';
import type { CheckStatus, Observation } from './check.js';
import { defineCheck } from './check.js';
import { parseBool, parseEnvFile, splitList, type EnvEntry } from './env-file.js';
import { describeOriginFault, hostFaults, originFaults } from './origin-format.js';
import { clip, commandProblem } from './output.js';
import { worseStatus } from './status-rank.js';

type Result = Omit<Observation, 'check'>;

/** The only keys whose lines may appear in evidence: none of them holds a secret. */
const HOSTS_KEYS = ['ALLOWED_HOSTS', 'DJANGO_ALLOWED_HOSTS'];
const ORIGINS_KEYS = ['CORS_ALLOWED_ORIGINS', 'CORS_ORIGIN_WHITELIST'];
const ALLOW_ALL_KEYS = ['CORS_ALLOW_ALL_ORIGINS', 'CORS_ORIGIN_ALLOW_ALL'];
const REGEX_KEYS = ['CORS_ALLOWED_ORIGIN_REGEXES', 'CORS_ORIGIN_REGEX_WHITELIST'];
const DEBUG_KEYS = ['DEBUG', 'DJANGO_DEBUG'];
const EVIDENCE_KEYS = [...DEBUG_KEYS, ...HOSTS_KEYS, ...ORIGINS_KEYS, ...ALLOW_ALL_KEYS, ...REGEX_KEYS];

/** Django's `validate_host`: `*`, `.example.com` (domain and subdomains), or an exact match. */
export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return patterns.some((raw) => {
    const p = raw.toLowerCase();
    if (p === '*') return true;
    if (p.startsWith('.')) return h.endsWith(p) || h === p.slice(1);
    return p === h;
  });
}

/** django-cors-headers compares the Origin header with each configured origin literally. */
function originAllowed(origin: string, origins: readonly string[], regexes: readonly string[]): boolean {
  if (origins.includes(origin)) return true;
  return regexes.some((src) => {
    if (src.length > 200) return false;
    try {
      return new RegExp(src).test(origin);
    } catch {
      return false;
    }
  });
}

function first(entries: ReadonlyMap<string, EnvEntry>, keys: readonly string[]): EnvEntry | undefined {
  for (const k of keys) {
    const e = entries.get(k);
    if (e) return e;
  }
  return undefined;
}

/** Reads the backend's `.env` for the settings that decide who may call it. Never reports secret values. */
export const backendEnv = defineCheck({
  id: 'backend-env',
  title: '后端 .env（ALLOWED_HOSTS / CORS / DEBUG）',
  titleEn: 'Backend .env: ALLOWED_HOSTS, CORS, DEBUG',
  commands: (target) => [{ argv: ['cat', targetPaths(target).backendEnv], timeoutMs: 8000 }],
  interpret(results, target): Result {
    const r = results[0];
    const file = targetPaths(target).backendEnv;
    if (!r) return { status: 'error', summary: `未运行 / ${file} was not read`, evidence: '', facts: {}, signals: [] };
    // The file holds secrets: never let its content reach an excerpt, even on a timeout.
    const problem = commandProblem({ ...r, stdout: '' }, 'cat');
    if (problem) return problem;
    const stderr = r.stderr.trim().slice(0, 300);
    if (r.code !== 0) {
      if (/No such file or directory/i.test(stderr)) {
        return {
          status: 'fail',
          summary: `后端 .env 不存在 / ${file} does not exist`,
          evidence: stderr,
          facts: { file },
          signals: ['file-missing'],
        };
      }
      return {
        status: 'error',
        summary: `无法读取后端 .env / cannot read ${file}${/Permission denied/i.test(stderr) ? ' (permission denied)' : ''}`,
        evidence: stderr,
        facts: { file },
        signals: ['unreadable'],
      };
    }
    const env = parseEnvFile(r.stdout);
    if (env.entries.size === 0 && env.skipped > 0) {
      return {
        status: 'error',
        summary: `后端 .env 无法解析 / ${file} has no KEY=VALUE lines (${env.skipped} other lines)`,
        evidence: '(content withheld: the file may hold secrets)',
        facts: { file },
        signals: ['unreadable'],
      };
    }
    return judge(env.entries, target, file);
  },
  signals: {
    'hosts-ok': 'ALLOWED_HOSTS contains the public host',
    'allowed-hosts-missing-host': 'ALLOWED_HOSTS lacks the public host (Django answers 400 Bad Request)',
    'allowed-hosts-unset': 'ALLOWED_HOSTS is not set or empty',
    'cors-missing-origin': 'CORS_ALLOWED_ORIGINS lacks the public origin',
    'allowed-hosts-format':
      'ALLOWED_HOSTS names the public host only as a URL or with a port or path (`http://…`, `…:80`): never matches',
    'cors-origin-format':
      'CORS_ALLOWED_ORIGINS names the public origin with a trailing slash, a path or the default port: ' +
      "never equals the browser's Origin",
    'cors-origin-no-scheme': 'CORS_ALLOWED_ORIGINS names the public host without http:// (corsheaders.E013)',
    'cors-origin-port-mismatch':
      'CORS_ALLOWED_ORIGINS names the public host with another port or scheme than publicUrl',
    'cors-origins-malformed':
      'other CORS_ALLOWED_ORIGINS entries have a path or no scheme (warn: corsheaders.E013/E014 stop manage.py check)',
    'cors-allow-all': 'CORS_ALLOW_ALL_ORIGINS is true (warn)',
    'debug-on': 'DEBUG is true (warn)',
    'file-missing': 'the .env file does not exist',
    unreadable: 'the .env file cannot be read or parsed',
  },
});

function judge(entries: ReadonlyMap<string, EnvEntry>, target: Target, file: string): Result {
  const host = publicHost(target);
  const origin = publicOrigin(target);
  const hostsEntry = first(entries, HOSTS_KEYS);
  const allowedHosts = hostsEntry ? splitList(hostsEntry.value) : [];
  const originsEntry = first(entries, ORIGINS_KEYS);
  const corsOrigins = originsEntry ? splitList(originsEntry.value) : [];
  const regexEntry = first(entries, REGEX_KEYS);
  const regexes = regexEntry ? splitList(regexEntry.value) : [];
  const allowAll = parseBool(first(entries, ALLOW_ALL_KEYS)?.value) === true;
  const debug = parseBool(first(entries, DEBUG_KEYS)?.value);

  const signals: string[] = [];
  const notes: string[] = [];
  let status: CheckStatus = 'ok';
  const add = (signal: string, s: CheckStatus, note: string) => {
    signals.push(signal);
    notes.push(note);
    status = worseStatus(status, s);
  };

  const badHost = hostFaults(allowedHosts, host).find((f) => f.public);
  if (allowedHosts.length === 0) add('allowed-hosts-unset', 'fail', `ALLOWED_HOSTS 未设置 / ALLOWED_HOSTS is not set`);
  else if (!hostAllowed(host, allowedHosts) && badHost)
    add(
      'allowed-hosts-format',
      'fail',
      `ALLOWED_HOSTS 中的地址格式错误 / ALLOWED_HOSTS has "${clip(badHost.entry, 80)}": ` +
        `host names only, no http:// or port (write ${host})`,
    );
  else if (!hostAllowed(host, allowedHosts))
    add('allowed-hosts-missing-host', 'fail', `ALLOWED_HOSTS 缺少公网地址 / ALLOWED_HOSTS lacks ${host}`);
  else signals.push('hosts-ok');

  const faults = allowAll ? [] : originFaults(corsOrigins, target.publicUrl);
  const publicFault = faults.find((f) => f.public);
  let reported: unknown;
  if (allowAll) add('cors-allow-all', 'warn', `CORS 放行所有来源 / CORS_ALLOW_ALL_ORIGINS is on`);
  else if (!originAllowed(origin, corsOrigins, regexes) && publicFault) {
    const signal =
      publicFault.fault === 'no-scheme'
        ? 'cors-origin-no-scheme'
        : publicFault.fault === 'other-port'
          ? 'cors-origin-port-mismatch'
          : 'cors-origin-format';
    reported = publicFault;
    add(
      signal,
      'fail',
      `CORS 来源格式错误 / CORS_ALLOWED_ORIGINS has ${clip(describeOriginFault(publicFault), 120)}, ` +
        `the browser sends Origin: ${origin}`,
    );
  } else if (!originAllowed(origin, corsOrigins, regexes))
    add('cors-missing-origin', 'fail', `CORS 未放行前端地址 / CORS_ALLOWED_ORIGINS lacks ${origin}`);
  const otherFaults = faults.filter((f) => f !== reported && f.fault !== 'other-port');
  if (otherFaults.length > 0)
    add(
      'cors-origins-malformed',
      'warn',
      `其他 CORS 来源格式错误 / malformed CORS origins: ${clip(otherFaults.map(describeOriginFault).join(', '), 200)}`,
    );

  if (debug === true) add('debug-on', 'warn', `DEBUG 已开启 / DEBUG is on`);

  const evidence = redact(
    EVIDENCE_KEYS.map((k) => entries.get(k))
      .filter((e): e is EnvEntry => e !== undefined)
      .sort((a, b) => a.line - b.line)
      .map((e) => `${file}:${e.line}: ${e.key}=${oneLine(e.value)}`)
      .join('\n') || `${file}: no ALLOWED_HOSTS, CORS or DEBUG settings`,
  );
  const summary =
    notes.length > 0
      ? notes.join('; ')
      : `ALLOWED_HOSTS 与 CORS 配置正确 / ALLOWED_HOSTS has ${host} and CORS allows ${origin}`;
  return {
    status,
    summary,
    evidence,
    facts: {
      allowedHosts: allowedHosts.slice(0, 50).map((h) => clip(redact(h), 200)),
      corsOrigins: corsOrigins.slice(0, 50).map((o) => clip(redact(o), 200)),
      corsAllowAll: allowAll,
      debug,
    },
    signals,
  };
}

/** The first line of a value only: a quoted value spanning lines may swallow other (secret) assignments. */
function oneLine(v: string): string {
  const nl = v.search(/[\r\n]/);
  const s = nl === -1 ? v : `${v.slice(0, nl)} …`;
  return clip(s, 300);
}
