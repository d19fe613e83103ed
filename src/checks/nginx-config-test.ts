import type { Observation } from './check.js';
import { defineCheck } from './check.js';
import { commandProblem, excerpt } from './output.js';

type Result = Omit<Observation, 'check'>;

/**
 * `[emerg]`, `[alert]` or `[crit]` from `nginx -t`, with or without the
 * timestamp prefix: `2026/11/22 21:19:09 [emerg] 147#147: … in /etc/nginx/conf.d/oms.conf:12`
 * or `nginx: [emerg] …`.
 */
const FATAL = /^(?:\S+ \S+ |nginx: )?\[(emerg|alert|crit)\] (?:\d+#\d+: )?(.*)$/;
const LOCATION = / in (\/[^\s:]+):(\d+)\s*$/;

/** `nginx -t` (as root through `sudo -n`): does the whole configuration load? */
export const nginxConfigTest = defineCheck({
  id: 'nginx-config-test',
  title: 'nginx 配置检查（nginx -t）',
  titleEn: 'nginx configuration test (nginx -t)',
  commands: () => [{ argv: ['/usr/sbin/nginx', '-t'], sudo: true, timeoutMs: 8000 }],
  interpret(results): Result {
    const r = results[0];
    if (!r) return { status: 'error', summary: '未运行 / nginx -t was not run', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(r, 'nginx');
    if (problem) return problem;
    // nginx -t writes to stderr. Lines are matched one by one, each cut short, so huge output stays cheap.
    const text = `${r.stderr}\n${r.stdout}`;
    let fatal: RegExpExecArray | null = null;
    for (const line of text.split('\n')) {
      fatal = FATAL.exec(line.slice(0, 4096));
      if (fatal) break;
    }
    if (fatal) {
      const level = fatal[1]!;
      let message = fatal[2]!.replace(/\r$/, '').trim();
      const at = LOCATION.exec(message);
      const file = at?.[1] ?? null;
      const line = at ? Number(at[2]) : null;
      if (at) message = message.slice(0, at.index);
      message = message.slice(0, 300);
      const facts = { message, file, line, level };
      const evidence = excerpt(fatal[0], 2, 500);
      const where = file ? ` (${file}:${line})` : '';
      if (/host not found in upstream/i.test(message)) {
        const name = /"([^"]*)"/.exec(message)?.[1] ?? '';
        return {
          status: 'fail',
          summary: `找不到 upstream 主机 / nginx -t failed: host not found in upstream "${name}"${where}`,
          evidence,
          facts,
          signals: ['upstream-host-not-found'],
        };
      }
      return {
        status: 'fail',
        summary: `nginx 配置有误 / nginx -t failed: ${message}${where}`,
        evidence,
        facts,
        signals: ['failed'],
      };
    }
    if (r.code === 0 && /test is successful/.test(text)) {
      const warnings = (text.match(/\[warn\]/g) ?? []).length;
      return {
        status: 'ok',
        summary:
          'nginx 配置正确 / nginx -t: configuration test is successful' +
          (warnings ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : ''),
        evidence: excerpt(text.trim(), 6, 800),
        facts: { warnings },
        signals: ['ok'],
      };
    }
    if (r.code !== 0 && /test failed/.test(text)) {
      return {
        status: 'fail',
        summary: `nginx 配置有误 / nginx -t failed`,
        evidence: excerpt(text.trim(), 8, 800),
        facts: { message: null, file: null, line: null },
        signals: ['failed'],
      };
    }
    return {
      status: 'error',
      summary: `无法理解 nginx -t 的输出 / could not read the output of nginx -t (exit ${r.code})`,
      evidence: excerpt(text.trim(), 8, 800),
      facts: { exitCode: r.code },
      signals: [],
    };
  },
  signals: {
    ok: 'nginx -t: the configuration test is successful',
    failed: 'nginx -t failed (facts message, file, line from the [emerg] line)',
    'upstream-host-not-found': 'nginx -t: host not found in upstream (no upstream block of that name)',
  },
});
