import { defineCheck } from './check.js';
import { classifyLog, judgeLog, LOG_SIGNALS, looksBinary } from './gunicorn-log.js';
import { commandProblem, excerpt } from './output.js';

/** The backend unit's recent journal, classified by the shared gunicorn/systemd log classifier. */
export const backendJournal = defineCheck({
  id: 'backend-journal',
  title: '后端服务日志 (journal)',
  titleEn: 'Backend journal',
  signals: { ...LOG_SIGNALS },
  commands: (target) => [
    { argv: ['journalctl', '-u', `${target.service}.service`, '-n', '200', '--no-pager'], timeoutMs: 8000 },
  ],
  interpret: ([res]) => {
    if (!res)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(res, 'journalctl');
    if (problem) return problem;
    if (looksBinary(res.stdout)) {
      return {
        status: 'error',
        summary: '无法识别的 journalctl 输出 / journalctl output is not readable text',
        evidence: excerpt(res.stdout, 4, 300),
        facts: { exitCode: res.code },
        signals: [],
      };
    }
    // Access hints go to stderr on some versions and stdout on others: classify both.
    const c = classifyLog(`${res.stdout}\n${res.stderr}`);
    if (res.code !== 0 && c.signals.length === 0) {
      return {
        status: 'error',
        summary: `journalctl 失败 (exit ${res.code}) / journalctl failed (exit ${res.code})`,
        evidence: excerpt(`${res.stderr}\n${res.stdout}`.trim()),
        facts: { exitCode: res.code },
        signals: [],
      };
    }
    if (c.lineCount > 0 && c.logLikeLines === 0 && c.signals.length === 0) {
      return {
        status: 'error',
        summary: '无法识别的 journalctl 输出 / unrecognised journalctl output',
        evidence: excerpt(res.stdout, 6, 600),
        facts: { lines: c.lineCount },
        signals: [],
      };
    }
    return judgeLog(c, 'journal', res.stdout);
  },
});
