import { targetPaths } from '../config/target.js';
import { defineCheck } from './check.js';
import { classifyLog, judgeLog, LOG_SIGNALS, looksBinary, SYSTEMD_ONLY_SIGNALS } from './gunicorn-log.js';
import { commandProblem, excerpt } from './output.js';

const GUNICORN_SIGNALS = Object.fromEntries(
  Object.entries(LOG_SIGNALS).filter(([s]) => !(SYSTEMD_ONLY_SIGNALS as readonly string[]).includes(s)),
);

/** The tail of gunicorn's own error log (`paths.errorLog`, default `<logDir>/backend-error.log`). */
export const backendErrorLog = defineCheck({
  id: 'backend-error-log',
  title: '后端错误日志',
  titleEn: 'Backend error log',
  signals: {
    ...GUNICORN_SIGNALS,
    'log-missing': 'the error log file does not exist (gunicorn never started, or logs elsewhere)',
    'log-unreadable': 'the bot user may not read the error log (Permission denied)',
  },
  commands: (target) => [{ argv: ['tail', '-n', '200', targetPaths(target).errorLog], timeoutMs: 8000 }],
  interpret: ([res], target) => {
    if (!res)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(res, 'tail');
    if (problem) return problem;
    const file = targetPaths(target).errorLog;
    if (res.code !== 0) {
      // tail's own complaints are on stderr; a log line saying "Permission denied" is on stdout.
      if (/No such file or directory/i.test(res.stderr)) {
        return {
          status: 'warn',
          summary: `错误日志不存在（gunicorn 可能从未启动） / ${file} does not exist (gunicorn never started or logs elsewhere)`,
          evidence: excerpt(res.stderr, 3),
          facts: { file },
          signals: ['log-missing'],
        };
      }
      if (/Permission denied/i.test(res.stderr)) {
        return {
          status: 'error',
          summary: `无权限读取错误日志 / no permission to read ${file}`,
          evidence: excerpt(res.stderr, 3),
          facts: { file },
          signals: ['log-unreadable'],
        };
      }
      return {
        status: 'error',
        summary: `tail 失败 (exit ${res.code}) / tail failed (exit ${res.code})`,
        evidence: excerpt(`${res.stderr}\n${res.stdout}`.trim()),
        facts: { file, exitCode: res.code },
        signals: [],
      };
    }
    if (looksBinary(res.stdout)) {
      return {
        status: 'error',
        summary: `错误日志不是文本 / ${file} is not readable text`,
        evidence: excerpt(res.stdout, 4, 300),
        facts: { file },
        signals: [],
      };
    }
    const c = classifyLog(res.stdout, SYSTEMD_ONLY_SIGNALS);
    const judged = judgeLog(c, 'error log', res.stdout);
    if (c.lineCount === 0) {
      return { ...judged, summary: `错误日志为空 / ${file} is empty`, facts: { ...judged.facts, file } };
    }
    // The version gunicorn announced at its last start (`Starting gunicorn 23.0.0`), for `compare`.
    const version = [...res.stdout.matchAll(/\bStarting gunicorn (\d+(?:\.\d+){0,3})\b/g)].pop()?.[1];
    return { ...judged, facts: { ...judged.facts, file, ...(version ? { gunicornVersion: version } : {}) } };
  },
});
