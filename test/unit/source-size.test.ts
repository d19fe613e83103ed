/**
 * Size limits of src/ (docs/architecture.md, "Size"): no file over 300 lines,
 * no line over 120 characters. Files that still exceed them are listed below;
 * the lists only shrink.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles } from '../helpers/import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAX_LINES = 300;
const MAX_WIDTH = 120;

/**
 * Files over 300 lines that are being split by the changes that own them.
 * Shrinking only: never add a file; delete its entry once it is within the limit
 * (the test says so).
 */
const LONG_FILES_SHRINKING_ONLY: readonly string[] = ['src/users/validate.ts'];

/**
 * Files with lines over 120 characters, owned by changes that will split them.
 * Shrinking only: never add a file; delete its entry once its lines fit (the test says so).
 */
const WIDE_FILES_SHRINKING_ONLY: readonly string[] = [
  'src/slack/users.ts',
  'src/users/command.ts',
  'src/users/parse-args.ts',
  'src/users/read-sheet.ts',
  'src/users/report.ts',
  'src/users/template.ts',
  'src/users/validate.ts',
  'src/users/worksheet-read.ts',
  'src/users/xlsx-write.ts',
];

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
    const longListed = LONG_FILES_SHRINKING_ONLY.includes(file);
    if (m.lines > MAX_LINES && !longListed)
      over.push(`${file}: ${m.lines} lines (limit ${MAX_LINES}): split it by concept`);
    if (m.lines <= MAX_LINES && longListed) {
      over.push(`${file}: ${m.lines} lines now: delete it from LONG_FILES_SHRINKING_ONLY`);
    }
    const wideListed = WIDE_FILES_SHRINKING_ONLY.includes(file);
    if (m.wide.length > 0 && !wideListed) {
      const where = m.wide.map((w) => `${file}:${w.line} (${w.width})`).join(', ');
      over.push(`lines over ${MAX_WIDTH} characters (split strings with +, or use the message catalogue): ${where}`);
    }
    if (m.wide.length === 0 && wideListed) {
      over.push(`${file}: no line over ${MAX_WIDTH} now: delete it from WIDE_FILES_SHRINKING_ONLY`);
    }
  }
  const listed = [...LONG_FILES_SHRINKING_ONLY, ...WIDE_FILES_SHRINKING_ONLY];
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

  test('the check reports a new long file, a wide line, and entries no longer needed', () => {
    const long = Array.from({ length: 301 }, () => 'x').join('\n');
    const problems = sizeProblems([
      { file: 'src/new/big.ts', text: long },
      { file: 'src/new/wide.ts', text: `ok\n${'y'.repeat(130)}\n` },
      { file: 'src/users/validate.ts', text: 'short\n' },
      { file: 'src/users/template.ts', text: 'short\n' },
    ]);
    expect(problems.over).toEqual([
      'src/new/big.ts: 301 lines (limit 300): split it by concept',
      'lines over 120 characters (split strings with +, or use the message catalogue): src/new/wide.ts:2 (130)',
      'src/users/validate.ts: 1 lines now: delete it from LONG_FILES_SHRINKING_ONLY',
      'src/users/validate.ts: no line over 120 now: delete it from WIDE_FILES_SHRINKING_ONLY',
      'src/users/template.ts: no line over 120 now: delete it from WIDE_FILES_SHRINKING_ONLY',
    ]);
    expect(problems.stale).toContain('src/users/command.ts no longer exists: delete its entry');
  });
});
