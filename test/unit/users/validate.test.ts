import { readUserSheet } from '../../../src/users/read-sheet.js';
import { formatValidation } from '../../../src/users/report.js';
import type { Sheet } from '../../../src/users/sheet.js';
import { validateUsers, type Validation } from '../../../src/users/validate.js';
import { csvOf, HEADER, PASSWORDS, VALID_ROWS, xlsxOf, xlsxWithSheetXml } from './files.js';

function check(rows: string[][], format: 'xlsx' | 'csv' = 'xlsx'): { v: Validation; text: string } {
  const sheet = readUserSheet(format === 'xlsx' ? xlsxOf(rows) : csvOf(rows), `users.${format}`);
  if (!sheet.ok) throw new Error(sheet.problem.message);
  const v = validateUsers(sheet.value);
  return { v, text: formatValidation(v, { fileName: `users.${format}` }) };
}

const row = (over: Partial<Record<number, string>>) => VALID_ROWS[0]!.map((v, i) => over[i] ?? v);
const issuesAt = (v: Validation, r: number) => v.issues.filter((i) => i.row === r);

function expectNoPasswords(text: string): void {
  for (const p of PASSWORDS) expect(text).not.toContain(p);
}

describe('validateUsers', () => {
  it.each(['xlsx', 'csv'] as const)('a valid %s sheet: every row ok, no issues, ready to import', (format) => {
    const { v, text } = check([HEADER, ...VALID_ROWS], format);
    expect(v).toMatchObject({ rows: 3, okRows: 3, errorRows: 0, fixes: 0, issues: [] });
    expect(text).toContain('可以导入 / ready to import');
    expect(text).toContain('批量导入用户');
    expectNoPasswords(text);
  });

  it('finds columns by header text, in any order', () => {
    const order = [3, 0, 2, 1, 6, 5, 4];
    const { v } = check([order.map((i) => HEADER[i]!), ...VALID_ROWS.map((r) => order.map((i) => r[i]!))]);
    expect(v.issues).toEqual([]);
    expect(v.corrected![1]).toEqual(VALID_ROWS[0]);
  });

  it.each([
    ['missing user name', row({ 0: '' }), '用户名', 'error', /用户名 is required/],
    ['missing name', row({ 2: '' }), '姓名', 'error', /姓名 is required/],
    ['missing role', row({ 3: '' }), '角色', 'error', /角色 is required/],
    ['password too short', row({ 1: 'Kx9!qq' }), '密码', 'error', /password too short \(6 chars\)/],
    [
      'role not in the list',
      row({ 3: '经理' }),
      '角色',
      'error',
      /"经理".*not one of 使用方 \/ 管理方 \/ 项目经理 \/ 员工/,
    ],
    ['bad e-mail', row({ 4: 'lisi@example' }), '邮箱', 'error', /not an e-mail address/],
    ['bad mobile', row({ 5: '12345678901' }), '手机号', 'error', /not an 11-digit mainland mobile/],
    ['mobile too short', row({ 5: '1390013900' }), '手机号', 'error', /not an 11-digit mainland mobile/],
    ['spaces inside the user name', row({ 0: 'li si' }), '用户名', 'error', /characters other than letters/],
    ['formula injection in 部门', row({ 6: '=HYPERLINK("http://x","y")' }), '部门', 'error', /formula injection/],
    ['formula injection in 姓名', row({ 2: '@SUM(1)' }), '姓名', 'error', /starts with @/],
    ['formula injection in the user name', row({ 0: '+lisi' }), '用户名', 'error', /formula injection/],
    [
      'full-width user name that is not only ASCII',
      row({ 0: 'ｌｉ　ｓｉ' }),
      '用户名',
      'error',
      /full-width characters or spaces/,
    ],
  ])('%s is an error in its row and column', (_what, bad, column, kind, problem) => {
    const { v, text } = check([HEADER, bad]);
    const found = issuesAt(v, 2).find((i) => i.column === column && i.kind === kind);
    expect(found?.problem).toMatch(problem);
    expect(found?.fix).toBeTruthy();
    expect(v.errorRows).toBe(1);
    expect(text).toMatch(new RegExp(`✗ row 2, ${column}: `));
    expectNoPasswords(text);
  });

  it('mechanical fixes: trimmed spaces, full-width user names, e-mails and digits, phone separators, +86, placeholders', () => {
    const { v, text } = check([
      HEADER,
      row({ 0: ' lisi　', 2: ' 李四 ', 4: 'ｌｉｓｉ＠example.com', 5: '+86 139-0013-9000', 6: '-' }),
      row({ 0: 'ｚｈａｏ６', 5: '１３９００１３９００１' }),
    ]);
    expect(v.issues.every((i) => i.kind === 'fixed')).toBe(true);
    expect(v.errorRows).toBe(0);
    expect(v.corrected![1]).toEqual(['lisi', 'Secr3t-pass', '李四', '员工', 'lisi@example.com', '13900139000', '']);
    expect(v.corrected![2]![0]).toBe('zhao6');
    expect(v.corrected![2]![5]).toBe('13900139001');
    expect(v.fixes).toBe(v.issues.length);
    expect(text).toContain('✓ row 2, 用户名: 前后有空格');
  });

  it('duplicate user names: the later row is an error that names the first; case-only differences are a warning', () => {
    const { v } = check([
      HEADER,
      VALID_ROWS[0]!,
      VALID_ROWS[1]!,
      row({ 1: 'Other-pass-9' }),
      row({ 0: 'LiSi', 1: 'Other-pass-8' }),
    ]);
    expect(issuesAt(v, 4)).toEqual([
      expect.objectContaining({ column: '用户名', kind: 'error', problem: expect.stringContaining('also in row 2') }),
    ]);
    expect(issuesAt(v, 5)).toEqual([
      expect.objectContaining({ kind: 'warning', problem: expect.stringContaining('upper/lower case') }),
    ]);
  });

  it('a full-width user name that folds into an existing one is a duplicate', () => {
    const { v } = check([HEADER, VALID_ROWS[0]!, row({ 0: 'ｌｉｓｉ', 1: 'Other-pass-9' })]);
    expect(issuesAt(v, 3).map((i) => i.kind)).toEqual(['fixed', 'error']);
  });

  it('empty rows in the middle are reported and removed; trailing ones are ignored', () => {
    const { v } = check([
      HEADER,
      VALID_ROWS[0]!,
      ['', '', '', '', '', '', ''],
      [' ', '', '', '', '', '', ''],
      VALID_ROWS[1]!,
      [],
      [],
    ]);
    expect(v.issues.map((i) => [i.row, i.kind, i.problem])).toEqual([
      [3, 'fixed', '空行 / empty row'],
      [4, 'fixed', '空行 / empty row'],
    ]);
    expect(v.corrected).toHaveLength(3);
  });

  it('the template example row is removed (it would create a user with a published password)', () => {
    const { v, text } = check([
      HEADER,
      ['zhangsan', 'Oms@2025init', '张三', '员工', 'zhangsan@example.com', '13800138000', '运维部'],
      VALID_ROWS[0]!,
    ]);
    expect(v.rows).toBe(1);
    expect(v.issues[0]!.problem).toContain('example row');
    expect(v.corrected).toEqual([HEADER, VALID_ROWS[0]]);
    expectNoPasswords(text);
  });

  it('passwords are never changed, even with spaces or a formula-like first character; they are only warned about', () => {
    const { v, text } = check([HEADER, row({ 1: ' @Secr3t-pass ' })]);
    expect(v.corrected![1]![1]).toBe(' @Secr3t-pass ');
    expect(v.issues.map((i) => i.kind)).toEqual(['warning', 'warning']);
    expect(text).not.toContain('Secr3t');
  });

  it('a missing required column is one file-level error; unknown columns are warnings', () => {
    const { v, text } = check([
      ['用户名', '姓名', '角色', '备注'],
      ['lisi', '李四', '员工', 'x'],
    ]);
    expect(v.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 1,
          column: '密码',
          kind: 'error',
          problem: expect.stringContaining('required column 密码 is missing'),
        }),
        expect.objectContaining({ row: 1, column: '备注', kind: 'warning' }),
      ]),
    );
    expect(v.okRows).toBe(0);
    expect(text).toContain('需要修改');
  });

  it('a sheet without the template header is refused with the expected columns', () => {
    const { v } = check([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(v.issues[0]!.problem).toContain('用户名, 密码, 姓名, 角色');
    expect(v.rows).toBe(0);
  });

  it('an empty sheet', () => {
    const v = validateUsers({ format: 'csv', rows: [] } satisfies Sheet);
    expect(v.issues[0]!.problem).toContain('empty');
  });

  it('formulas are flagged, never evaluated; a password formula is not echoed; the corrected file has the formula as text', () => {
    const xml = `<row r="1">${HEADER.map((h, i) => `<c r="${'ABCDEFG'[i]}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>
      <row r="2"><c r="A2" t="inlineStr"><is><t>lisi</t></is></c><c r="B2" t="str"><f>CONCAT("Secr3t","-pass")</f><v>Secr3t-pass</v></c><c r="C2" t="inlineStr"><is><t>李四</t></is></c><c r="D2" t="inlineStr"><is><t>员工</t></is></c><c r="G2"><f>1+1</f><v>2</v></c></row>`;
    const sheet = readUserSheet(xlsxWithSheetXml(xml), 'f.xlsx');
    if (!sheet.ok) throw new Error(sheet.problem.message);
    const v = validateUsers(sheet.value);
    const text = formatValidation(v, { fileName: 'f.xlsx' });
    expect(issuesAt(v, 2).map((i) => [i.column, i.kind])).toEqual([
      ['密码', 'error'],
      ['部门', 'error'],
    ]);
    expect(text).toContain('"=1+1"');
    expect(text).not.toContain('Secr3t');
    expect(v.corrected![1]![6]).toBe("'=1+1");
  });

  it('lists at most 200 issues in text, and says how many more', () => {
    const rows = [HEADER, ...Array.from({ length: 300 }, (_, i) => [`u${i}`, 'short', '张三', '员工', '', '', ''])];
    const { text } = check(rows);
    expect(text).toContain('… 100 more');
    expect(text).not.toContain('short,');
  });
});
