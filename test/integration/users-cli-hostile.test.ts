import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nestedRowsXlsx, unclosedRowsXlsx } from '../unit/users/files.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** `oms-chatops users validate FILE` as a real process (tsx src/main.ts), in a fresh directory. */
function validate(name: string, data: Buffer, ...flags: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'oms-users-hostile-'));
  writeFileSync(join(dir, name), data);
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      TSX,
      [join(ROOT, 'src', 'main.ts'), 'users', 'validate', name, ...flags],
      { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('users validate on the hostile sheets of issue 17 (real process)', () => {
  it.each([
    ['2.5 KB, 10,000 unclosed rows', 'unclosed.xlsx', unclosedRowsXlsx],
    ['23 KB, rows nested 2,800 deep', 'nested.xlsx', nestedRowsXlsx],
  ])('%s: exit 2 with what is wrong and what to do', async (_what, name, make) => {
    const run = await validate(name, make());
    expect(run.stdout).toContain(`${name}: 这个 .xlsx 的 XML 结构有误，无法读取 / the .xlsx cannot be read`);
    expect(run.stdout).toContain('row 1 is never closed: another <row> starts inside it');
    expect(run.stdout).toContain('下一步 / Next: open it in Excel or WPS and save it again as "Excel 工作簿 (*.xlsx)"');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(2);
  });

  it('--json: the refusal as data, exit 2', async () => {
    const run = await validate('unclosed.xlsx', unclosedRowsXlsx(), '--json');
    expect(JSON.parse(run.stdout)).toEqual({
      file: 'unclosed.xlsx',
      refused: expect.objectContaining({ code: 'corrupt', message: expect.stringContaining('never closed') }),
    });
    expect(run.code).toBe(2);
  });
});
