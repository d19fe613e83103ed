import { NEXT_LABEL } from '../messages/message.js';
import type { CheckStatus } from '../checks/check.js';
import type { Report, Verdict } from '../engine/report.js';
import { BECAUSE, chainDepths, FOLLOW_UP_HEADING, followUpReason, orderedFindings } from './chain-order.js';
import type { Severity } from '../playbooks/playbook.js';
import { redact } from '../redact.js';
import { PLAIN, type Style } from './style.js';

const STATUS_MARK: Record<CheckStatus, string> = { ok: '✔', warn: '!', fail: '✘', error: '?', skipped: '-' };
const SEVERITY_LABEL: Record<Severity, string> = {
  critical: '严重 CRITICAL',
  error: '错误 ERROR',
  warning: '注意 WARNING',
  info: '提示 INFO',
};

function colorStatus(s: Style, status: CheckStatus, text: string): string {
  if (status === 'ok') return s.green(text);
  if (status === 'fail') return s.red(text);
  if (status === 'warn' || status === 'error') return s.yellow(text);
  return s.dim(text);
}

function colorVerdict(s: Style, v: Verdict, text: string): string {
  if (v === 'ok') return s.green(s.bold(text));
  if (v === 'warning' || v === 'inconclusive') return s.yellow(s.bold(text));
  return s.red(s.bold(text));
}

function indent(text: string, by = '    '): string {
  return text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');
}

/** A report for the terminal: verdict and root cause first, then each check, then the fix. */
export function renderText(report: Report, style: Style = PLAIN, options: { verbose?: boolean } = {}): string {
  const s = style;
  const lines: string[] = [];
  const what = report.playbook ? `${report.playbook.title} / ${report.playbook.titleEn}` : 'checks';
  lines.push(s.bold(`${what} @ ${report.target.name} (${report.target.transport})`));
  lines.push(colorVerdict(s, report.verdict, `结论 / Verdict: ${report.headline}`));
  if (report.error) {
    lines.push('', s.red(report.error.message), `${NEXT_LABEL}: ${report.error.hint}`);
  }
  if (report.findings.length > 0) {
    lines.push('', s.bold('发现 / Findings (最可能的根因在前 / most likely root cause first):'));
    const depth = chainDepths(report.findings);
    let n = 0;
    orderedFindings(report).forEach((f) => {
      const label =
        f.severity === 'critical' || f.severity === 'error'
          ? s.red(SEVERITY_LABEL[f.severity])
          : f.severity === 'warning'
            ? s.yellow(SEVERITY_LABEL[f.severity])
            : s.cyan(SEVERITY_LABEL[f.severity]);
      const d = depth.get(f.id) ?? 0;
      if (d > 0) {
        // Listed under the cause that explains it (src/engine/chains.ts).
        lines.push(`${'   '.repeat(d)}${BECAUSE} [${label}] ${f.title}`);
        if (options.verbose && f.evidence) lines.push(s.dim(indent(f.evidence, '    '.repeat(d + 1))));
        return;
      }
      n++;
      lines.push(`${n}. [${label}] ${s.bold(f.title)}`);
      if (f.evidence && (options.verbose || n === 1)) lines.push(s.dim(indent(f.evidence)));
      if (options.verbose || n === 1) lines.push(indent(f.fix.trim()));
      if (f.action)
        lines.push(indent(`可执行修复 / Offered action: ${f.action.id} → ${f.action.command.join(' && ')}`));
    });
  }
  if (report.followUp?.length) {
    lines.push('', s.bold(FOLLOW_UP_HEADING));
    for (const f of report.followUp) lines.push(`+ ${f.check.padEnd(18)} ${followUpReason(f)}`);
  }
  lines.push('', s.bold('检查 / Checks:'));
  for (const o of report.observations) {
    const mark = colorStatus(s, o.status, `${STATUS_MARK[o.status]} ${o.status.padEnd(5)}`);
    lines.push(`${mark} ${o.check.padEnd(18)} ${o.summary} ${s.dim(`(${o.durationMs} ms)`)}`);
    if (options.verbose && o.evidence) lines.push(s.dim(indent(o.evidence)));
  }
  const ms = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  lines.push(
    '',
    s.dim(`${report.observations.length} checks in ${ms} ms · details: add --verbose · machine-readable: --json`),
  );
  // Redacted again here: the console is an output path of its own.
  return redact(lines.join('\n'));
}

/** The JSON report (`--json`): the Report object itself, redacted, pretty-printed. */
export function renderJson(value: unknown): string {
  return redact(JSON.stringify(value, null, 2));
}
