import type { Target } from '../config/target.js';
import { publicOrigin } from '../config/target.js';
import { redact } from '../redact.js';
import type { CheckStatus, Observation } from './check.js';
import { defineCheck } from './check.js';
import { parseEnvFile } from './env-file.js';
import { commandProblem } from './output.js';
import { worseStatus } from './status-rank.js';

type Result = Omit<Observation, 'check'>;

const KEY = 'VITE_API_BASE_URL';
/** Absolute URLs in the built bundle (the argv element; no shell sees it). */
export const DIST_URL_PATTERN = 'https?://[^"\' `]+';

function files(target: Target) {
  const f = target.paths.frontend;
  return { production: `${f}/.env.production`, local: `${f}/.env.local`, assets: `${f}/dist/assets` };
}

/** What the API base must be: `<publicUrl>/api`, or the relative `/api`. */
function expectedBases(target: Target): string[] {
  const base = target.publicUrl.replace(/\/+$/, '');
  return [`${base}/api`, `${publicOrigin(target)}/api`, '/api'];
}

function normalise(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** The origin of an absolute URL, or `undefined`. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The front end's API base URL: in `.env.production` (which Vite prefers over
 * `.env.local`) and in the built bundle under `dist/assets`.
 */
export const frontendEnv = defineCheck({
  id: 'frontend-env',
  title: '前端 API 地址（VITE_API_BASE_URL）',
  titleEn: 'Front end API base URL (VITE_API_BASE_URL)',
  commands(target) {
    const f = files(target);
    return [
      { argv: ['cat', f.production], timeoutMs: 8000 },
      { argv: ['cat', f.local], timeoutMs: 8000 },
      { argv: ['grep', '-rhoE', DIST_URL_PATTERN, f.assets], timeoutMs: 8000 },
    ];
  },
  interpret(results, target): Result {
    const f = files(target);
    const [prod, local, dist] = results;
    if (!prod || !local || !dist)
      return {
        status: 'error',
        summary: '未运行 / the front end files were not read',
        evidence: '',
        facts: {},
        signals: [],
      };
    for (const [r, program] of [
      [prod, 'cat'],
      [local, 'cat'],
      [dist, 'grep'],
    ] as const) {
      const problem = commandProblem(r, program);
      if (problem) return problem;
    }
    const signals: string[] = [];
    const notes: string[] = [];
    const evidence: string[] = [];
    let status: CheckStatus = 'ok';
    const add = (signal: string, s: CheckStatus, note: string) => {
      signals.push(signal);
      notes.push(note);
      status = worseStatus(status, s);
    };
    const expected = expectedBases(target);
    const wantedAbs = expected[0]!;

    // 1. The env files, in Vite's order of precedence.
    let configured: { value: string; file: string; line: number } | undefined;
    const present: string[] = [];
    for (const [r, file] of [
      [prod, f.production],
      [local, f.local],
    ] as const) {
      if (r.code !== 0) {
        if (!/No such file or directory/i.test(r.stderr)) evidence.push(`${file}: ${r.stderr.trim().slice(0, 200)}`);
        continue;
      }
      present.push(file);
      const e = parseEnvFile(r.stdout).entries.get(KEY);
      if (e && !configured) configured = { value: e.value, file, line: e.line };
    }
    if (present.length === 0)
      add('files-missing', 'warn', `前端 .env 文件不存在 / neither ${f.production} nor ${f.local} exists`);
    else if (!configured || configured.value.trim() === '')
      add('api-url-missing', 'warn', `未设置 ${KEY} / ${KEY} is not set in ${present.join(', ')}`);
    else {
      evidence.push(`${configured.file}:${configured.line}: ${KEY}=${configured.value.slice(0, 300)}`);
      if (expected.includes(normalise(configured.value))) signals.push('api-url-ok');
      else
        add(
          'api-url-mismatch',
          'fail',
          `前端 API 地址错误 / ${KEY} is ${configured.value.slice(0, 200)}, expected ${wantedAbs} or /api`,
        );
    }

    // 2. The built bundle: absolute URLs that point at an /api on another origin.
    let distApiUrls: string[] = [];
    if (dist.code === 0 || dist.code === 1) {
      const seen = new Set<string>();
      for (const raw of dist.stdout.split('\n').slice(0, 20000)) {
        const url = raw.trim();
        if (url.length > 500 || !/^https?:\/\/[^/]+\/api(?:[/?#]|$)/i.test(url)) continue;
        seen.add(url);
      }
      distApiUrls = [...seen].slice(0, 20);
      const wrong = distApiUrls.filter((u) => originOf(u) !== publicOrigin(target));
      if (wrong.length) {
        add(
          'dist-api-url-mismatch',
          'fail',
          `前端构建产物调用了其他 API 地址，需要重新构建 / the built bundle calls ${wrong[0]} (rebuild needed)`,
        );
        evidence.push(`${f.assets}: ${wrong.slice(0, 3).join(' ')}`);
      }
    } else if (/No such file or directory/i.test(dist.stderr)) {
      add('dist-missing', 'fail', `前端未构建 / ${f.assets} does not exist (front end not built or not deployed)`);
      evidence.push(dist.stderr.trim().slice(0, 200));
    } else {
      evidence.push(`grep ${f.assets}: ${dist.stderr.trim().slice(0, 200)}`);
    }

    const facts = {
      apiBaseUrl: configured ? redact(configured.value.slice(0, 300)) : null,
      apiBaseUrlFile: configured?.file ?? null,
      distApiUrls: distApiUrls.map(redact),
    };
    const summary =
      notes.length > 0
        ? notes.join('; ')
        : `前端 API 地址正确 / ${KEY} is ${configured?.value ?? wantedAbs}` +
          (distApiUrls.length ? ' and the bundle agrees' : '');
    return { status, summary: redact(summary), evidence: redact(evidence.join('\n')), facts, signals };
  },
  signals: {
    'api-url-ok': `${KEY} is <publicUrl>/api or /api`,
    'api-url-mismatch': `${KEY} is neither <publicUrl>/api nor /api (.env.production wins over .env.local)`,
    'api-url-missing': `${KEY} is not set in the env files`,
    'files-missing': 'neither .env.production nor .env.local exists',
    'dist-api-url-mismatch': 'the built bundle calls another API host: rebuild needed',
    'dist-missing': 'dist/assets does not exist',
  },
});
