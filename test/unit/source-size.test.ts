/**
 * Size limits of src/ (docs/architecture.md, "Size"): no file over 300 lines,
 * no line over 120 characters. Files that still exceed them are listed below
 * with their size today as a ceiling; the lists only shrink.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles } from '../helpers/import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAX_LINES = 300;
const MAX_WIDTH = 120;

/**
 * Files over 300 lines, each with its length as a ceiling (it may not grow).
 * Shrinking only: never add a file; delete its entry once it is split.
 */
const LONG_FILES_SHRINKING_ONLY: Readonly<Record<string, number>> = {
  'src/approvals/service.ts': 531,
  'src/cli/runner.ts': 429,
  'src/render/blocks.ts': 315,
  'src/slack/app.ts': 313,
  'src/slack/approvals.ts': 406,
  'src/slack/users.ts': 332,
  'src/users/validate.ts': 381,
};

/**
 * Files with lines over 120 characters, each with their number as a ceiling.
 * Shrinking only: never add a file; delete its entry once its lines are split.
 */
const WIDE_FILES_SHRINKING_ONLY: Readonly<Record<string, number>> = {
  'src/approvals/execute.ts': 1,
  'src/approvals/policy.ts': 1,
  'src/approvals/service.ts': 4,
  'src/approvals/text.ts': 1,
  'src/cli/console.ts': 1,
  'src/cli/runner.ts': 11,
  'src/command/parse.ts': 2,
  'src/config/config.ts': 2,
  'src/intent/context.ts': 1,
  'src/intent/extract.ts': 2,
  'src/intent/message.ts': 1,
  'src/intent/normalize.ts': 1,
  'src/main.ts': 4,
  'src/playbooks/loader.ts': 1,
  'src/redact.ts': 4,
  'src/render/blocks.ts': 5,
  'src/slack/actions.ts': 2,
  'src/slack/app.ts': 2,
  'src/slack/approval-card.ts': 12,
  'src/slack/approvals.ts': 3,
  'src/slack/command.ts': 4,
  'src/slack/deps.ts': 1,
  'src/slack/env.ts': 2,
  'src/slack/errors.ts': 3,
  'src/slack/help.ts': 5,
  'src/slack/logger.ts': 1,
  'src/slack/report-buttons.ts': 1,
  'src/slack/share.ts': 4,
  'src/slack/start.ts': 3,
  'src/slack/users.ts': 4,
  'src/users/command.ts': 1,
  'src/users/parse-args.ts': 1,
  'src/users/read-sheet.ts': 1,
  'src/users/report.ts': 2,
  'src/users/template.ts': 5,
  'src/users/validate.ts': 4,
  'src/users/xlsx-read.ts': 2,
  'src/users/xlsx-write.ts': 12,
};

/** Lines of a source text (a final newline does not start another line); width in characters, not bytes. */
function measure(text: string): { lines: number; wide: { line: number; width: number }[] } {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const wide = lines.map((l, i) => ({ line: i + 1, width: [...l].length })).filter((l) => l.width > MAX_WIDTH);
  return { lines: lines.length, wide };
}

/** What breaks the limits beyond the allowlists, and allowlist entries no longer needed. */
function sizeProblems(files: readonly { file: string; text: string }[]): { over: string[]; stale: string[] } {
  const over: string[] = [];
  const seen = new Set<string>();
  for (const { file, text } of files) {
    seen.add(file);
    const m = measure(text);
    const lineCeiling = LONG_FILES_SHRINKING_ONLY[file];
    if (m.lines > (lineCeiling ?? MAX_LINES)) {
      over.push(
        lineCeiling === undefined
          ? `${file}: ${m.lines} lines (limit ${MAX_LINES}): split it by concept`
          : `${file}: ${m.lines} lines, more than its listed ${lineCeiling}: it may only shrink`,
      );
    } else if (lineCeiling !== undefined && m.lines <= MAX_LINES) {
      over.push(`${file}: ${m.lines} lines now: delete it from LONG_FILES_SHRINKING_ONLY`);
    }
    const wideCeiling = WIDE_FILES_SHRINKING_ONLY[file];
    if (m.wide.length > (wideCeiling ?? 0)) {
      const where = m.wide.map((w) => `${file}:${w.line} (${w.width})`).join(', ');
      over.push(`lines over ${MAX_WIDTH} characters (split strings with +, or use the message catalogue): ${where}`);
    } else if (wideCeiling !== undefined && m.wide.length === 0) {
      over.push(`${file}: no line over ${MAX_WIDTH} now: delete it from WIDE_FILES_SHRINKING_ONLY`);
    }
  }
  const listed = [...Object.keys(LONG_FILES_SHRINKING_ONLY), ...Object.keys(WIDE_FILES_SHRINKING_ONLY)];
  const stale = [...new Set(listed.filter((f) => !seen.has(f)))].map((f) => `${f} no longer exists: delete its entry`);
  return { over, stale };
}

describe('source size', () => {
  const files = sourceFiles(ROOT).map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));

  test('every file in src/ is within 300 lines and 120 characters a line, or listed with a ceiling', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(sizeProblems(files)).toEqual({ over: [], stale: [] });
  });

  test('the measure: lines without the final newline, width in characters (a CJK character is one)', () => {
    expect(measure('a\nb\n')).toEqual({ lines: 2, wide: [] });
    expect(measure(`${'x'.repeat(121)}\n${'后'.repeat(120)}\n`)).toEqual({ lines: 2, wide: [{ line: 1, width: 121 }] });
  });

  test('the check reports a new long file, a wide line, a listed file that grew, and entries no longer needed', () => {
    const long = Array.from({ length: 301 }, () => 'x').join('\n');
    const problems = sizeProblems([
      { file: 'src/new/big.ts', text: long },
      { file: 'src/new/wide.ts', text: `ok\n${'y'.repeat(130)}\n` },
      { file: 'src/approvals/service.ts', text: Array.from({ length: 600 }, () => 'x').join('\n') },
      { file: 'src/slack/deps.ts', text: 'short\n' },
    ]);
    expect(problems.over).toEqual([
      'src/new/big.ts: 301 lines (limit 300): split it by concept',
      'lines over 120 characters (split strings with +, or use the message catalogue): src/new/wide.ts:2 (130)',
      'src/approvals/service.ts: 600 lines, more than its listed 531: it may only shrink',
      'src/approvals/service.ts: no line over 120 now: delete it from WIDE_FILES_SHRINKING_ONLY',
      'src/slack/deps.ts: no line over 120 now: delete it from WIDE_FILES_SHRINKING_ONLY',
    ]);
    expect(problems.stale).toContain('src/cli/runner.ts no longer exists: delete its entry');
  });
});
