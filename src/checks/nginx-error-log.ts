import type { Observation } from './check.js';
import { defineCheck } from './check.js';
import { clip, commandProblem, excerpt } from './output.js';
import { redact } from '../redact.js';

type Result = Omit<Observation, 'check'>;

/** What the nginx error log says about the backend, newest lines last. */
const PATTERNS: readonly { signal: string; re: RegExp; zh: string; en: string }[] = [
  {
    signal: 'upstream-refused',
    re: /connect\(\) (?:to \S+ )?failed \((?:111|2): [^)]*\) while connecting to upstream/,
    zh: '后端拒绝连接',
    en: 'nginx could not connect to the backend (connection refused)',
  },
  { signal: 'upstream-timeout', re: /upstream timed out/, zh: '后端响应超时', en: 'the backend timed out' },
  { signal: 'no-live-upstreams', re: /no live upstreams/, zh: '没有可用的后端', en: 'no live upstreams' },
  {
    signal: 'permission-denied',
    re: /\(13: Permission denied\)/,
    zh: '权限被拒绝',
    en: 'permission denied (file mode or SELinux)',
  },
];
const TIMESTAMP = /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d)/;
/** Lines longer than this are cut before matching: nginx lines are short, hostile ones are not. */
const MAX_LINE = 4096;

/** `tail -n 200` of each nginx error log: refused/timed-out upstreams and permission errors. */
export const nginxErrorLog = defineCheck({
  id: 'nginx-error-log',
  title: 'nginx 错误日志',
  titleEn: 'nginx error log',
  commands: (target) =>
    target.paths.nginxErrorLogs.map((log) => ({ argv: ['tail', '-n', '200', log], timeoutMs: 8000 })),
  interpret(results, target): Result {
    const logs = target.paths.nginxErrorLogs;
    if (results.length === 0)
      return { status: 'error', summary: '未运行 / no log was read', evidence: '', facts: {}, signals: [] };
    const counts = new Map<string, number>();
    const hits: string[] = [];
    const read: string[] = [];
    const missing: string[] = [];
    const unreadable: string[] = [];
    let lastSeen: string | null = null;
    for (let k = 0; k < results.length; k++) {
      const r = results[k]!;
      const log = logs[k] ?? `log ${k + 1}`;
      const problem = commandProblem(r, 'tail');
      if (problem) {
        if (problem.signals.includes('command-timeout')) unreadable.push(log);
        else return problem;
        continue;
      }
      if (r.code !== 0) {
        if (/No such file or directory/i.test(r.stderr)) missing.push(log);
        else unreadable.push(log);
        continue;
      }
      read.push(log);
      for (const raw of r.stdout.split('\n')) {
        const line = raw.replace(/\r$/, '').slice(0, MAX_LINE);
        for (const p of PATTERNS) {
          if (!p.re.test(line)) continue;
          counts.set(p.signal, (counts.get(p.signal) ?? 0) + 1);
          hits.push(line);
          const ts = TIMESTAMP.exec(line)?.[1];
          if (ts && (lastSeen === null || ts > lastSeen)) lastSeen = ts;
        }
      }
    }
    const facts = {
      logsRead: read,
      logsMissing: missing,
      logsUnreadable: unreadable,
      lastSeen,
      ...Object.fromEntries(PATTERNS.map((p) => [`${p.signal}Count`, counts.get(p.signal) ?? 0])),
    };
    if (read.length === 0) {
      const why = unreadable.length
        ? `cannot read ${unreadable.join(', ')}`
        : `no error log exists (${missing.join(', ')})`;
      return {
        status: 'error',
        summary: `无法读取 nginx 错误日志 / ${why}`,
        evidence: '',
        facts,
        signals: ['log-unreadable'],
      };
    }
    const found = PATTERNS.filter((p) => counts.has(p.signal));
    const signals = found.map((p) => p.signal);
    if (unreadable.length) signals.push('log-unreadable');
    if (found.length === 0) {
      return {
        status: unreadable.length ? 'warn' : 'ok',
        summary:
          `nginx 错误日志中没有后端错误 / no upstream or permission errors in ${read.join(', ')}` +
          (unreadable.length ? ` (cannot read ${unreadable.join(', ')})` : ''),
        evidence: '',
        facts,
        signals: unreadable.length ? signals : ['clean'],
      };
    }
    // Old lines may come from an outage already over: these are warnings with the time last seen.
    return {
      status: 'warn',
      summary:
        `${found.map((p) => p.zh).join('、')} / ` +
        found.map((p) => `${p.en} ×${counts.get(p.signal)}`).join('; ') +
        (lastSeen ? `, last at ${lastSeen}` : ''),
      evidence: redact(
        excerpt(
          hits
            .slice(-6)
            .map((l) => clip(l, 400))
            .join('\n'),
          6,
          2400,
        ),
      ),
      facts,
      signals,
    };
  },
  signals: {
    'upstream-refused': 'connect() failed (111: Connection refused) while connecting to upstream',
    'upstream-timeout': 'upstream timed out',
    'no-live-upstreams': 'no live upstreams',
    'permission-denied': '(13: Permission denied)',
    'log-unreadable': 'a log could not be read (or none exists)',
    clean: 'none of the above in the logs read',
  },
});
