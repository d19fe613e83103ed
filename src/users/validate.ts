import { COLUMNS, columnByHeader, MIN_PASSWORD_LENGTH, ROLES, type Column, type ColumnKey } from './fields.js';
import { cellText, isEmptyRow, type Sheet, type SheetRow } from './sheet.js';

/**
 * `error`: must be fixed by hand; `fixed`: a mechanical fix, already made in
 * the corrected file; `warning`: worth a look, left as it is.
 */
export type IssueKind = 'error' | 'fixed' | 'warning';

export interface Issue {
  /** Spreadsheet row number (1 = first row); 0 for the file as a whole. */
  row: number;
  /** The column's header, or '' for the whole row. */
  column: string;
  kind: IssueKind;
  /** What is wrong. Never contains a password. */
  problem: string;
  /** How to fix it. */
  fix: string;
}

export interface Validation {
  /** Data rows checked (empty rows not counted). */
  rows: number;
  /** Rows without an `error` (after the mechanical fixes). */
  okRows: number;
  errorRows: number;
  issues: Issue[];
  /** The template's columns, then the data rows with the mechanical fixes (empty and example rows left out). */
  corrected?: string[][];
  /** Mechanical fixes made in `corrected`. */
  fixes: number;
}

const EMAIL = /^[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/;
const MOBILE = /^1[3-9]\d{9}$/;
/** Django's UnicodeUsernameValidator: letters, digits and @ . + - _ (Chinese characters are letters). */
const USERNAME = /^[\p{L}\p{N}\p{M}_.@+-]+$/u;
/** Characters that make a spreadsheet (or a CSV opened in Excel) run a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const EXAMPLE = COLUMNS.map((c) => c.example);

/** Full-width ASCII (ａ１＠．) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function shown(v: string): string {
  const s = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return `"${s.replace(/[\r\n\t]/g, ' ')}"`;
}

/**
 * Check every row of a filled user sheet. Pure: no I/O, no evaluation of
 * anything in the file. The first row with content is the header; columns
 * are found by their header text, so their order does not matter.
 */
export function validateUsers(sheet: Sheet): Validation {
  const issues: Issue[] = [];
  const headerIndex = sheet.rows.findIndex((r) => !isEmptyRow(r));
  if (headerIndex < 0) {
    issues.push({
      row: 0,
      column: '',
      kind: 'error',
      problem: '表格是空的 / the sheet is empty',
      fix: 'fill in the template from `users template`: one user per row below the header',
    });
    return { rows: 0, okRows: 0, errorRows: 0, issues, fixes: 0 };
  }
  const header = sheet.rows[headerIndex]!;
  const where = new Map<ColumnKey, number>();
  header.cells.forEach((c, i) => {
    const col = c ? columnByHeader(c.value) : undefined;
    if (col && !where.has(col.key)) where.set(col.key, i);
    else if (c && c.value.trim() !== '')
      issues.push({
        row: header.row,
        column: c.value.trim().slice(0, 40),
        kind: 'warning',
        problem: col
          ? `列 "${col.header}" 出现了两次 / column appears twice`
          : `不是模板中的列 / not a column of the template`,
        fix: "left out of the corrected file; the importer reads only the template's seven columns",
      });
  });
  if (where.size === 0) {
    issues.length = 0;
    issues.push({
      row: header.row,
      column: '',
      kind: 'error',
      problem: `第 ${header.row} 行不是模板的表头 / row ${header.row} is not the template's header (${COLUMNS.map((c) => c.header).join(', ')})`,
      fix: 'start from the template (`users template`) and keep its first row as it is',
    });
    return { rows: 0, okRows: 0, errorRows: 0, issues, fixes: 0 };
  }
  for (const c of COLUMNS) {
    if (c.required && !where.has(c.key))
      issues.push({
        row: header.row,
        column: c.header,
        kind: 'error',
        problem: `缺少必填列 / the required column ${c.header} is missing`,
        fix: `add a column headed exactly "${c.header}" (see the template)`,
      });
  }

  const corrected: string[][] = [COLUMNS.map((c) => c.header)];
  const firstRowOf = new Map<string, number>();
  const firstRowOfLower = new Map<string, number>();
  let rows = 0;
  let errorRows = 0;
  const data = sheet.rows.slice(headerIndex + 1);
  let lastWithContent = data.length - 1;
  while (lastWithContent >= 0 && isEmptyRow(data[lastWithContent]!)) lastWithContent--;
  let previousRow = header.row;
  data.forEach((row, i) => {
    // Rows missing between two read rows are empty rows in the sheet.
    const gapBefore = row.row - previousRow - 1;
    previousRow = row.row;
    if (i > lastWithContent) return;
    if (gapBefore > 0) {
      issues.push({
        row: row.row - gapBefore,
        column: '',
        kind: 'fixed',
        problem:
          gapBefore === 1
            ? '空行 / empty row'
            : `${gapBefore} 个空行 / ${gapBefore} empty rows (to row ${row.row - 1})`,
        fix: 'removed in the corrected file',
      });
    }
    if (isEmptyRow(row)) {
      issues.push({
        row: row.row,
        column: '',
        kind: 'fixed',
        problem: '空行 / empty row',
        fix: 'removed in the corrected file',
      });
      return;
    }
    rows++;
    const result = checkRow(row, where);
    const values = result.values;
    if (COLUMNS.every((c, k) => values[k] === EXAMPLE[k])) {
      result.issues.length = 0;
      result.issues.push({
        row: row.row,
        column: '',
        kind: 'fixed',
        problem:
          "模板的示例行还在 / the template's example row (zhangsan) is still here: importing it would create a user with a published password",
        fix: 'removed in the corrected file; delete it from your sheet too',
      });
      issues.push(...result.issues);
      rows--;
      return;
    }
    const username = values[0]!;
    if (username !== '' && !result.issues.some((x) => x.kind === 'error' && x.column === COLUMNS[0]!.header)) {
      const first = firstRowOf.get(username);
      const firstLower = firstRowOfLower.get(username.toLowerCase());
      if (first !== undefined)
        result.issues.push({
          row: row.row,
          column: COLUMNS[0]!.header,
          kind: 'error',
          problem: `用户名重复 / user name ${shown(username)} is also in row ${first}`,
          fix: 'give each person a different user name, or delete the repeated row',
        });
      else if (firstLower !== undefined)
        result.issues.push({
          row: row.row,
          column: COLUMNS[0]!.header,
          kind: 'warning',
          problem: `用户名只有大小写不同 / user name ${shown(username)} differs from row ${firstLower} only in upper/lower case`,
          fix: 'check these are two different people; people mix them up at login',
        });
      if (first === undefined) firstRowOf.set(username, row.row);
      if (firstLower === undefined) firstRowOfLower.set(username.toLowerCase(), row.row);
    }
    issues.push(...result.issues);
    if (result.issues.some((x) => x.kind === 'error')) errorRows++;
    corrected.push(values);
  });
  const fileErrors = issues.some((x) => x.row === header.row && x.kind === 'error');
  return {
    rows,
    okRows: fileErrors ? 0 : rows - errorRows,
    errorRows: fileErrors ? rows : errorRows,
    issues,
    corrected,
    fixes: issues.filter((i) => i.kind === 'fixed').length,
  };
}

/** One data row: its issues, and its values in the template's column order with the mechanical fixes made. */
function checkRow(row: SheetRow, where: ReadonlyMap<ColumnKey, number>): { issues: Issue[]; values: string[] } {
  const issues: Issue[] = [];
  const values = COLUMNS.map((col) => {
    const index = where.get(col.key);
    if (index === undefined) return '';
    const cell = row.cells[index];
    const add = (kind: IssueKind, problem: string, fix: string) =>
      issues.push({ row: row.row, column: col.header, kind, problem, fix });
    if (cell?.formula) {
      const formula = col.key === 'password' ? '' : ` ${shown(`=${cell.formula.replace(/^=/, '')}`)}`;
      add(
        'error',
        `单元格是公式 / the cell is a formula${formula}; it was not evaluated`,
        `type the ${col.key === 'password' ? 'password' : 'value'} itself (Paste Special → Values); the corrected file shows the formula as text, starting with '`,
      );
      return `'=${cell.formula.replace(/^=/, '')}`;
    }
    return checkValue(col, cellText(row, index), add);
  });
  return { issues, values };
}

type Add = (kind: IssueKind, problem: string, fix: string) => void;

function checkValue(col: Column, raw: string, add: Add): string {
  if (col.key === 'password') return checkPassword(raw, add);
  let v = raw.trim();
  if (v !== raw && v !== '') add('fixed', '前后有空格 / leading or trailing spaces', 'trimmed in the corrected file');
  if (v === '-' || v === '—' || v === '/') {
    if (!col.required) {
      add('fixed', `占位符 ${shown(v)} / a placeholder instead of an empty cell`, 'left empty in the corrected file');
      return '';
    }
    v = '';
  }
  if (v === '') {
    if (col.required) add('error', `必填项为空 / ${col.header} is required`, `fill in ${col.header}: ${col.explain}`);
    return '';
  }
  switch (col.key) {
    case 'username':
      return checkUsername(v, add);
    case 'role':
      if (!(ROLES as readonly string[]).includes(v)) {
        add(
          'error',
          `角色 ${shown(v)} 不在列表中 / is not one of ${ROLES.join(' / ')}`,
          'pick one from the drop-down in the template',
        );
        return neutralise(v);
      }
      return v;
    case 'email':
      return checkFolded(
        v,
        EMAIL,
        add,
        '邮箱格式不对 / not an e-mail address',
        'write it as name@example.com, or leave it empty',
      );
    case 'mobile':
      return checkMobile(v, add);
    default:
      return checkInjection(v, add);
  }
}

function checkPassword(raw: string, add: Add): string {
  if (raw.trim() === '') {
    add(
      'error',
      '必填项为空 / 密码 is required',
      `fill in an initial password of at least ${MIN_PASSWORD_LENGTH} characters`,
    );
    return '';
  }
  const n = [...raw].length;
  if (n < MIN_PASSWORD_LENGTH)
    add('error', `密码太短 / password too short (${n} chars)`, `use at least ${MIN_PASSWORD_LENGTH} characters`);
  if (raw !== raw.trim())
    add(
      'warning',
      '密码前后有空格 / the password starts or ends with a space',
      'people rarely type that at login: check it (passwords are never changed in the corrected file)',
    );
  if (FORMULA_START.test(raw.trim()))
    add(
      'warning',
      '密码以 = + - @ 开头 / the password starts with = + - or @',
      'fine in an .xlsx, but Excel would run it as a formula if the sheet is ever saved as CSV: prefer another first character',
    );
  // Passwords are never changed: a changed password is one nobody knows.
  return raw;
}

function checkUsername(v: string, add: Add): string {
  let name = v;
  if (FULL_WIDTH.test(name)) {
    const half = toHalfWidth(name);
    if (USERNAME.test(half)) {
      add(
        'fixed',
        '用户名含全角字符 / the user name has full-width characters',
        `changed to half-width ${shown(half)} in the corrected file`,
      );
      name = half;
    } else {
      add(
        'error',
        '用户名含全角字符或空格 / the user name has full-width characters or spaces',
        'use half-width letters and digits (switch the input method to 半角) without spaces',
      );
      return neutralise(name);
    }
  }
  if (FORMULA_START.test(name)) {
    add(
      'error',
      `用户名以 ${name[0]} 开头 / the user name starts with ${name[0]} (formula injection: Excel would run it)`,
      "start it with a letter or digit; the corrected file prefixes it with '",
    );
    return `'${name}`;
  }
  if (!USERNAME.test(name))
    add(
      'error',
      `用户名含不允许的字符 / user name ${shown(name)} has characters other than letters, digits and @ . + - _`,
      'remove spaces and punctuation',
    );
  else if ([...name].length > 150)
    add('error', '用户名太长 / the user name is longer than 150 characters', 'shorten it');
  return name;
}

function checkMobile(v: string, add: Add): string {
  const digits = toHalfWidth(v)
    .replace(/[\s()（）-]/g, '')
    .replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  if (MOBILE.test(digits)) {
    if (digits !== v)
      add(
        'fixed',
        `手机号格式 ${shown(v)} / separators, +86 or full-width digits`,
        `written as ${digits} in the corrected file`,
      );
    return digits;
  }
  add(
    'error',
    `手机号 ${shown(v)} 不是 11 位大陆手机号 / not an 11-digit mainland mobile number (1[3-9] and 9 digits)`,
    'write it as 13800138000 without +86 or spaces, or leave it empty',
  );
  return neutralise(v);
}

function checkFolded(v: string, pattern: RegExp, add: Add, problem: string, fix: string): string {
  const half = toHalfWidth(v);
  if (pattern.test(half)) {
    if (half !== v)
      add('fixed', '含全角字符 / full-width characters', `changed to half-width ${shown(half)} in the corrected file`);
    return half;
  }
  add('error', `${problem}: ${shown(v)}`, fix);
  return neutralise(v);
}

function checkInjection(v: string, add: Add): string {
  if (!FORMULA_START.test(v)) return v;
  add(
    'error',
    `以 ${v[0]} 开头 / starts with ${v[0]} (formula injection: Excel would run it as a formula)`,
    "remove the leading character; the corrected file prefixes it with ' so it stays text",
  );
  return `'${v}`;
}

/** A value already reported as an error: in the corrected file it must at least not be a formula. */
function neutralise(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}
