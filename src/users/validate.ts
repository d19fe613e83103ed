import { COLUMNS, columnByHeader, type ColumnKey } from './fields.js';
import { cellText, isEmptyRow, type Sheet, type SheetRow } from './sheet.js';
import { checkValue, shown } from './cell-checks.js';
import type { Issue, IssueKind } from './issue.js';

export type { Issue, IssueKind } from './issue.js';

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

const EXAMPLE = COLUMNS.map((c) => c.example);

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
      problem:
        `第 ${header.row} 行不是模板的表头 / row ${header.row} is not the template's header ` +
        `(${COLUMNS.map((c) => c.header).join(', ')})`,
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
          "模板的示例行还在 / the template's example row (zhangsan) is still here: " +
          'importing it would create a user with a published password',
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
        `type the ${col.key === 'password' ? 'password' : 'value'} itself (Paste Special → Values); ` +
          "the corrected file shows the formula as text, starting with '",
      );
      return `'=${cell.formula.replace(/^=/, '')}`;
    }
    return checkValue(col, cellText(row, index), add);
  });
  return { issues, values };
}
