import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLUMNS } from '../../../src/users/fields.js';
import { writeWorkbook } from '../../../src/users/xlsx-write.js';
import { writeZip } from '../../../src/users/zip-write.js';

/** Builders for the user-sheet tests: real .xlsx and .csv bytes. */
export const HEADER = COLUMNS.map((c) => c.header);
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/users');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** Passwords used in the tests: none of them may ever appear in an answer. */
export const PASSWORDS = [
  'Secr3t-pass',
  'Another-pass1',
  'short1',
  'Yet-another1',
  'Pw-formula-x',
  'Kx9!qq',
  'Oms@2025init',
];

export const VALID_ROWS = [
  ['lisi', 'Secr3t-pass', '李四', '员工', 'lisi@example.com', '13900139000', '运维部'],
  ['wangfang', 'Another-pass1', '王芳', '项目经理', '', '', '实施部'],
  ['zhao.liu', 'Yet-another1', '赵六', '管理方', 'zl@corp.example.cn', '15912345678', ''],
];

export function xlsxOf(rows: string[][]): Buffer {
  return writeWorkbook([{ name: '用户', rows }]);
}

export function csvOf(rows: string[][], bom = false): Buffer {
  const text = rows
    .map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))
    .join('\r\n');
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** A workbook whose sheet XML is given as is (formulas, odd cell types). */
export function xlsxWithSheetXml(
  sheetData: string,
  extra: Array<{ name: string; data: string | Buffer }> = [],
): Buffer {
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><sheets><sheet name="用户" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
    },
    ...extra,
  ]);
}

/** `n` data rows, all valid and distinct. */
export function manyRows(n: number): string[][] {
  const rows = [HEADER];
  for (let i = 0; i < n; i++)
    rows.push([
      `user${i}`,
      `Passw0rd-${i}`,
      `用户${i}`,
      '员工',
      `u${i}@example.com`,
      `139${String(i).padStart(8, '0')}`,
      '运维部',
    ]);
  return rows;
}

/**
 * Issue 17, failure 1: a 2.5 KB .xlsx whose 10,000 `<row>` tags are never
 * closed (the old regex scan re-read the rest of the sheet for each of them).
 */
export function unclosedRowsXlsx(): Buffer {
  return xlsxWithSheetXml('<row><c t="inlineStr"><is><t>u</t></is></c>'.repeat(10_000));
}

/** Issue 17, failure 1: a ~23 KB .xlsx with rows nested 2,800 deep, none of their cells closed. */
export function nestedRowsXlsx(): Buffer {
  let xml = '';
  for (let i = 1; i <= 2800; i++) xml += `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>${i}</t></is>`;
  return xlsxWithSheetXml(xml + '</row>'.repeat(2800));
}
