import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandRunner } from '../../src/cli/runner.js';
import { parseConfig } from '../../src/config/config.js';
import { readUserSheet } from '../../src/users/read-sheet.js';
import { csvOf, HEADER, PASSWORDS, VALID_ROWS, xlsxOf } from '../unit/users/files.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

const config = parseConfig(
  'targets:\n  prod:\n    host: local\n    publicUrl: http://oms.example:8080\ndefaultTarget: prod\n',
  'users-test.yml',
);

function runner() {
  const lines: string[] = [];
  const r = new CommandRunner({
    config,
    playbooks: [],
    checks: [],
    findCheck: () => undefined,
    transportFor: () => {
      throw new Error('no transport in users tests');
    },
    out: (t) => lines.push(t),
  });
  return { r, text: () => lines.join('\n') };
}

const sandbox = () => mkdtempSync(join(tmpdir(), 'oms-users-'));

function expectNoPasswords(text: string): void {
  for (const p of PASSWORDS) expect(text).not.toContain(p);
}

describe('users template', () => {
  it('writes a real .xlsx, says where to import it and that nginx must proxy /admin; never overwrites', async () => {
    const dir = sandbox();
    const out = join(dir, 'tpl.xlsx');
    const { r, text } = runner();
    expect(await r.runWords(['users', 'template', '-o', out])).toBe(0);
    expect(text()).toContain('http://oms.example:8080/admin/ → 用户管理 → 用户 → 批量导入用户');
    expect(text()).toMatch(/\/admin must be proxied by nginx.*playbook `admin`/);
    const sheet = readUserSheet(readFileSync(out), 'tpl.xlsx');
    expect(sheet.ok && sheet.value.rows[0]!.cells.map((c) => c?.value)).toEqual(HEADER);
    expectNoPasswords(text());
    const again = runner();
    expect(await again.r.runWords(['users', 'template', '-o', out])).toBe(2);
    expect(again.text()).toContain('already exists (it is never overwritten)');
  });
});

describe('users validate', () => {
  it('a valid file: exit 0, no corrected file', async () => {
    const dir = sandbox();
    writeFileSync(join(dir, 'ok.xlsx'), xlsxOf([HEADER, ...VALID_ROWS]));
    const { r, text } = runner();
    expect(await r.runWords(['users', 'validate', join(dir, 'ok.xlsx')])).toBe(0);
    expect(text()).toContain('可以导入 / ready to import: 3 行 / rows checked — 3 ok');
    expect(existsSync(join(dir, 'ok.corrected.xlsx'))).toBe(false);
  });

  it('errors and fixes: exit 1, rows listed, corrected file written next to it with the fixes, no password in the answer', async () => {
    const dir = sandbox();
    const file = join(dir, '新员工.csv');
    writeFileSync(
      file,
      csvOf(
        [
          HEADER,
          [' lisi ', 'short1', '李四', '员工', '', '139 0013 9000', ''],
          ['', '', '', '', '', '', ''],
          ['wangfang', 'Another-pass1', '王芳', '老板', '', '', '=cmd|calc'],
        ],
        true,
      ),
    );
    const { r, text } = runner();
    expect(await r.runWords(['users', 'validate', file])).toBe(1);
    const t = text();
    expect(t).toContain('✗ row 2, 密码: 密码太短 / password too short (6 chars)');
    expect(t).toContain('✗ row 4, 角色');
    expect(t).toContain('✗ row 4, 部门');
    expect(t).toContain('✓ row 3: 空行');
    expectNoPasswords(t);
    const corrected = readUserSheet(readFileSync(join(dir, '新员工.corrected.xlsx')), 'c.xlsx');
    if (!corrected.ok) throw new Error('unreadable corrected file');
    expect(corrected.value.rows.map((row) => Array.from(row.cells, (c) => c?.value ?? ''))).toEqual([
      HEADER,
      ['lisi', 'short1', '李四', '员工', '', '13900139000'],
      ['wangfang', 'Another-pass1', '王芳', '老板', '', '', "'=cmd|calc"],
    ]);
  });

  it('--json has every issue and no password', async () => {
    const dir = sandbox();
    writeFileSync(join(dir, 'a.xlsx'), xlsxOf([HEADER, ['lisi', 'Kx9!qq', '李四', '员工', '', '', '']]));
    const { r, text } = runner();
    expect(await r.runWords(['users', 'validate', join(dir, 'a.xlsx'), '--json'])).toBe(1);
    const json = JSON.parse(text());
    expect(json.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: '密码',
        kind: 'error',
        problem: '密码太短 / password too short (6 chars)',
      }),
    ]);
    expectNoPasswords(text());
  });

  it.each([
    ['a missing file', (dir: string) => join(dir, 'nope.xlsx'), '找不到文件 / file not found'],
    ['a directory named .xlsx', (dir: string) => dir + '/d.xlsx', 'not a regular file'],
    [
      'a text file renamed .xlsx',
      (dir: string) => {
        writeFileSync(join(dir, 'r.xlsx'), 'just text');
        return join(dir, 'r.xlsx');
      },
      'is not an Excel workbook',
    ],
    [
      'a file over 5 MB',
      (dir: string) => {
        writeFileSync(join(dir, 'big.csv'), Buffer.alloc(6 * 1024 * 1024, 0x41));
        return join(dir, 'big.csv');
      },
      'too large: 6.0 MB',
    ],
  ])('%s: exit 2 with what to do next', async (_what, make, message) => {
    const dir = sandbox();
    if (_what.startsWith('a directory')) (await import('node:fs')).mkdirSync(join(dir, 'd.xlsx'));
    const { r, text } = runner();
    expect(await r.runWords(['users', 'validate', make(dir)])).toBe(2);
    expect(text()).toContain(message);
    expect(text()).toContain('下一步 / Next:');
  });

  it('the real command line (tsx src/main.ts): exit codes and the corrected file', async () => {
    const dir = sandbox();
    writeFileSync(join(dir, 'in.xlsx'), xlsxOf([HEADER, ['ｌｉｓｉ', 'Secr3t-pass', '李四', '员工', '', '', '']]));
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        TSX,
        [join(ROOT, 'src', 'main.ts'), 'users', 'validate', 'in.xlsx', '-o', 'out.xlsx'],
        { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeout: 60_000 },
        (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('changed to half-width "lisi"');
    expect(run.stdout).toContain(join(dir, 'out.xlsx'));
    expectNoPasswords(run.stdout + run.stderr);
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(true);
  });
});
