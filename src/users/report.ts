import { redact } from '../redact.js';
import type { FileProblem } from './problem.js';
import type { Issue, Validation } from './validate.js';

/** At most this many issue lines in a text answer; the JSON has them all. */
export const MAX_LISTED = 200;

const MARK: Record<Issue['kind'], string> = { error: '✗', fixed: '✓', warning: '!' };

/** The first line of the answer: how many rows, how many need a hand, what was fixed. */
export function summaryLine(v: Validation): string {
  const errors = v.issues.filter((i) => i.kind === 'error').length;
  const warnings = v.issues.filter((i) => i.kind === 'warning').length;
  if (v.rows === 0 && errors > 0)
    return `无法检查 / could not check the rows: ${errors} problem(s) with the sheet itself`;
  const verdict = errors === 0 ? '可以导入 / ready to import' : '需要修改 / needs changes';
  return (
    `${verdict}: ${v.rows} 行 / rows checked — ${v.okRows} ok, ${v.errorRows} with errors (${errors} to fix by hand), ` +
    `${v.fixes} fixed automatically, ${warnings} warning(s)`
  );
}

/** One line per issue: row, column, what is wrong, how to fix it. */
export function issueLine(i: Issue): string {
  const where = i.row === 0 ? 'file' : `row ${i.row}${i.column ? `, ${i.column}` : ''}`;
  return `${MARK[i.kind]} ${where}: ${i.problem} → ${i.fix}`;
}

/** The whole answer as text (console, CLI; Slack wraps the same lines). Redacted like every output. */
export function formatValidation(
  v: Validation,
  options: { fileName: string; corrected?: string; maxListed?: number },
): string {
  const max = options.maxListed ?? MAX_LISTED;
  const order: Issue['kind'][] = ['error', 'fixed', 'warning'];
  const sorted = [...v.issues].sort((a, b) => a.row - b.row || order.indexOf(a.kind) - order.indexOf(b.kind));
  const lines = [`${options.fileName}: ${summaryLine(v)}`];
  lines.push(...sorted.slice(0, max).map(issueLine));
  if (sorted.length > max) lines.push(`… ${sorted.length - max} more (use --json for all of them)`);
  if (options.corrected)
    lines.push(
      `修正后的文件 / corrected file: ${options.corrected} ` +
        '(empty and example rows removed, spaces trimmed, full-width fixed; passwords unchanged' +
        `${v.errorRows > 0 ? '; rows marked ✗ still need a hand' : ''})`,
    );
  if (v.errorRows === 0 && v.rows > 0)
    lines.push('下一步 / Next: import it in the admin: 用户管理 → 用户 → 批量导入用户 (`users template` says where)');
  else if (v.rows > 0) lines.push('下一步 / Next: fix the rows marked ✗, then check the file again');
  return redact(lines.join('\n'));
}

export function formatProblem(fileName: string, p: FileProblem): string {
  return redact(`${fileName}: ${p.message}\n下一步 / Next: ${p.hint}`);
}
