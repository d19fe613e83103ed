/**
 * Size limits of src/ (docs/architecture.md, "Size"): no file over 300 lines,
 * no line over 120 characters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles } from '../helpers/import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAX_LINES = 300;
const MAX_WIDTH = 120;

/** Lines of a source text (a final newline does not start another line); width in characters, not bytes. */
function measure(text: string): { lines: number; wide: { line: number; width: number }[] } {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const wide = lines.map((l, i) => ({ line: i + 1, width: [...l].length })).filter((l) => l.width > MAX_WIDTH);
  return { lines: lines.length, wide };
}

/** What breaks the limits: files over 300 lines and lines over 120 characters, each with what to do. */
function sizeProblems(files: readonly { file: string; text: string }[]): string[] {
  const over: string[] = [];
  for (const { file, text } of files) {
    const m = measure(text);
    if (m.lines > MAX_LINES) over.push(`${file}: ${m.lines} lines (limit ${MAX_LINES}): split it by concept`);
    if (m.wide.length > 0) {
      const where = m.wide.map((w) => `${file}:${w.line} (${w.width})`).join(', ');
      over.push(`lines over ${MAX_WIDTH} characters (split strings with +, or use the message catalogue): ${where}`);
    }
  }
  return over;
}

describe('source size', () => {
  const files = sourceFiles(ROOT).map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));

  test('every file in src/ is within 300 lines and 120 characters a line', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(sizeProblems(files)).toEqual([]);
  });

  test('the measure: lines without the final newline, width in characters (a CJK character is one)', () => {
    expect(measure('a\nb\n')).toEqual({ lines: 2, wide: [] });
    expect(measure(`${'x'.repeat(121)}\n${'后'.repeat(120)}\n`)).toEqual({ lines: 2, wide: [{ line: 1, width: 121 }] });
  });

  test('the check reports a long file and a wide line, and passes short ones', () => {
    const long = Array.from({ length: 301 }, () => 'x').join('\n');
    expect(
      sizeProblems([
        { file: 'src/new/big.ts', text: long },
        { file: 'src/new/wide.ts', text: `ok\n${'y'.repeat(130)}\n` },
        { file: 'src/new/fine.ts', text: 'short\n' },
      ]),
    ).toEqual([
      'src/new/big.ts: 301 lines (limit 300): split it by concept',
      'lines over 120 characters (split strings with +, or use the message catalogue): src/new/wide.ts:2 (130)',
    ]);
  });
});
