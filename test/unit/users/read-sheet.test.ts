import { deflateRawSync } from 'node:zlib';
import { LIMITS } from '../../../src/users/fields.js';
import { readUserSheet } from '../../../src/users/read-sheet.js';
import { buildTemplate } from '../../../src/users/template.js';
import { validateUsers } from '../../../src/users/validate.js';
import { ZipReader } from '../../../src/users/zip-read.js';
import { writeZip } from '../../../src/users/zip-write.js';
import { csvOf, fixture, HEADER, manyRows, VALID_ROWS, xlsxOf, xlsxWithSheetXml } from './files.js';

function refused(buf: Buffer, name: string) {
  const r = readUserSheet(buf, name);
  if (r.ok) throw new Error('expected a refusal');
  return r.problem;
}

function rowsOf(buf: Buffer, name: string): string[][] {
  const r = readUserSheet(buf, name);
  if (!r.ok) throw new Error(r.problem.message);
  return r.value.rows.map((row) => Array.from({ length: 7 }, (_, i) => row.cells[i]?.value ?? ''));
}

describe('reading .xlsx', () => {
  it('reads back the template: header and example row from the first sheet only', () => {
    expect(rowsOf(buildTemplate('http://172.29.91.61'), '用户导入模板.xlsx')).toEqual([
      HEADER,
      ['zhangsan', 'Oms@2025init', '张三', '员工', 'zhangsan@example.com', '13800138000', '运维部'],
    ]);
  });

  it('the template has the 角色 drop-down, a frozen header and the 填写说明 sheet with where to import', () => {
    const zip = ZipReader.open(buildTemplate('http://oms.example:8080/'));
    if (!zip.ok) throw new Error('not a zip');
    const sheet = zip.value.read('xl/worksheets/sheet1.xml');
    const help = zip.value.read('xl/worksheets/sheet2.xml');
    const book = zip.value.read('xl/workbook.xml');
    if (!sheet.ok || !help.ok || !book.ok) throw new Error('missing part');
    expect(sheet.value.toString()).toContain('<dataValidation type="list"');
    expect(sheet.value.toString()).toContain('<formula1>&quot;使用方,管理方,项目经理,员工&quot;</formula1>');
    expect(sheet.value.toString()).toContain('sqref="D2:D10001"');
    expect(sheet.value.toString()).toContain('state="frozen"');
    expect(book.value.toString()).toContain('name="填写说明"');
    expect(help.value.toString()).toContain('http://oms.example:8080/admin/ → 用户管理 → 用户 → 批量导入用户');
    for (const h of HEADER) expect(help.value.toString()).toContain(h);
  });

  it('reads a workbook written by openpyxl (shared strings, a number cell, formulas)', () => {
    expect(rowsOf(fixture('openpyxl-valid.xlsx'), 'v.xlsx')).toEqual([
      HEADER,
      VALID_ROWS[0],
      VALID_ROWS[1]!.map((v) => v),
    ]);
    const v = validateUsers(
      (readUserSheet(fixture('openpyxl-errors.xlsx'), 'e.xlsx') as { ok: true; value: never }).value,
    );
    expect(v.rows).toBe(5);
    expect(v.issues.filter((i) => i.kind === 'error').map((i) => `${i.row}:${i.column}`)).toEqual([
      '3:密码',
      '3:角色',
      '3:邮箱',
      '3:手机号',
      '3:部门',
      '6:用户名',
      '7:邮箱',
      '7:部门',
    ]);
  });

  it('keeps phone numbers stored as numbers in scientific notation as digits, and rich text runs without phonetic guides', () => {
    const xml = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="F1"><v>1.3900139E+10</v></c></row>`;
    const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>li</t></r><r><t xml:space="preserve">si</t></r><rPh sb="0" eb="1"><t>ﾘ</t></rPh></si></sst>`;
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`;
    const buf = xlsxWithSheetXml(xml, [{ name: 'xl/sharedStrings.xml', data: shared }]);
    // Replace the rels part: write a new zip with the sharedStrings relationship.
    const zip = ZipReader.open(buf);
    if (!zip.ok) throw new Error('zip');
    const parts = zip.value.names().map((name) => ({
      name,
      data: name === 'xl/_rels/workbook.xml.rels' ? rels : (zip.value.read(name) as { ok: true; value: Buffer }).value,
    }));
    expect(rowsOf(writeZip(parts), 'x.xlsx')[0]!.filter(Boolean)).toEqual(['lisi', '13900139000']);
  });
});

describe('reading .csv', () => {
  it.each([
    ['GBK (CSV 逗号分隔 on Chinese Windows)', 'gbk.csv', 'gbk'],
    ['UTF-8 with BOM (CSV UTF-8)', 'utf8-bom.csv', 'utf-8 (BOM)'],
  ])('%s', (_what, file, encoding) => {
    const r = readUserSheet(fixture(file), file);
    expect(r.ok && r.value.encoding).toBe(encoding);
    expect(rowsOf(fixture(file), file)).toEqual([HEADER, VALID_ROWS[0], VALID_ROWS[1]]);
  });

  it('UTF-8 without BOM, quoted fields with commas, quotes and line breaks', () => {
    const rows = [HEADER, ['lisi', 'Pa"ss,word\n1', '李四', '员工', '', '', '运维部, 一组']];
    expect(rowsOf(csvOf(rows), 'u.csv')).toEqual(rows);
  });

  it('UTF-16 tab-separated ("Unicode 文本")', () => {
    const text = [HEADER, VALID_ROWS[0]!].map((r) => r.join('\t')).join('\r\n');
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(rowsOf(buf, 'u.txt')).toEqual([HEADER, VALID_ROWS[0]]);
  });
});

describe('hostile files are refused with a clear message, before parsing', () => {
  it('too large', () => {
    const p = refused(Buffer.alloc(LIMITS.maxFileBytes + 1, 0x41), 'big.csv');
    expect(p.code).toBe('too-large');
    expect(p.message).toContain('at most 5.0 MB');
  });

  it('empty', () => {
    expect(refused(Buffer.alloc(0), 'e.xlsx').code).toBe('empty');
  });

  it('a text file renamed .xlsx', () => {
    const p = refused(csvOf([HEADER, VALID_ROWS[0]!]), 'users.xlsx');
    expect(p.code).toBe('not-a-spreadsheet');
    expect(p.message).toContain('is named .xlsx but is not an Excel workbook');
    expect(p.hint).toContain('Excel 工作簿 (*.xlsx)');
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n…'), 'users.xlsx', 'is a PDF'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'users.csv', 'PNG image'],
    ['binary bytes as .csv', Buffer.from([0x41, 0x00, 0x42, 0x01, 0x02]), 'users.csv', 'not a spreadsheet'],
    [
      'a legacy .xls / encrypted workbook',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'users.xlsx',
      'old .xls',
    ],
    ['a .docx', writeZip([{ name: 'word/document.xml', data: '<w:document/>' }]), 'users.xlsx', 'Word document'],
    ['a broken zip', Buffer.from('PK\u0003\u0004 garbage'), 'users.xlsx', 'damaged'],
  ])('%s', (_what, buf, name, message) => {
    expect(refused(buf, name).message).toContain(message);
  });

  it('zip bomb: an entry that inflates past the size its directory declares stops at that size', () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const honest = xlsxWithSheetXml('', [{ name: 'xl/worksheets/sheet1.xml', data: zeros }]);
    // Shrink every declared size of the 20 MB entry to 1 KB: the lie is found while inflating.
    const lying = Buffer.from(honest);
    for (let i = 0; i + 4 <= lying.length; i++)
      if (lying.readUInt32LE(i) === zeros.length) lying.writeUInt32LE(1024, i);
    const p = refused(lying, 'bomb.xlsx');
    expect(p.code).toBe('zip-bomb');
    expect(p.message).toContain('zip bomb');
  });

  it('zip bomb: declared sizes past the total cap are refused before anything is inflated', () => {
    const packed = deflateRawSync(Buffer.alloc(1));
    const parts = Array.from({ length: 3 }, (_, i) => ({ name: `xl/media/big${i}.bin`, data: Buffer.alloc(0) }));
    const buf = Buffer.from(writeZip([...parts, { name: 'xl/workbook.xml', data: '<workbook/>' }]));
    // Claim 30 MB for each empty entry (central directory, offset 24).
    for (let i = 0; i + 46 <= buf.length; i++)
      if (buf.readUInt32LE(i) === 0x02014b50 && buf.toString('utf8', i + 46, i + 46 + 9) === 'xl/media/')
        buf.writeUInt32LE(30 * 1024 * 1024, i + 24);
    expect(packed.length).toBeGreaterThan(0);
    const p = refused(buf, 'bomb.xlsx');
    expect(p.code).toBe('zip-bomb');
    expect(p.message).toContain('more than 64 MB');
  });

  it('zip bomb: too many entries', () => {
    const parts = Array.from({ length: LIMITS.maxZipEntries + 1 }, (_, i) => ({ name: `x/${i}`, data: '' }));
    expect(refused(writeZip(parts), 'many.xlsx').message).toContain(`${LIMITS.maxZipEntries + 1} files`);
  });

  it('a worksheet with a DTD (entity expansion) is refused', () => {
    const buf = xlsxWithSheetXml('');
    const zip = ZipReader.open(buf);
    if (!zip.ok) throw new Error('zip');
    const parts = zip.value.names().map((name) => ({
      name,
      data:
        name === 'xl/worksheets/sheet1.xml'
          ? '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>'
          : (zip.value.read(name) as { ok: true; value: Buffer }).value,
    }));
    expect(refused(writeZip(parts), 'dtd.xlsx').message).toContain('DTD');
  });

  it.each(['xlsx', 'csv'] as const)('100,000 rows (%s): refused with the row limit, nothing checked', (format) => {
    // Short rows, so the file stays under the size limit and the row limit is what stops it.
    const rows = [HEADER, ...Array.from({ length: 100_000 }, (_, i) => [`u${i}`, 'Passw0rd', '名', '员工'])];
    const buf = format === 'xlsx' ? xlsxOf(rows) : csvOf(rows);
    expect(buf.length).toBeLessThan(LIMITS.maxFileBytes);
    const p = refused(buf, `big.${format}`);
    expect(p.code).toBe('too-many-rows');
    expect(p.message).toContain('about 100,001');
    expect(p.hint).toContain('at most 10,000 rows');
  });

  it('10,000 rows are read and checked', () => {
    const r = readUserSheet(xlsxOf(manyRows(LIMITS.maxRows)), 'ok.xlsx');
    expect(r.ok && validateUsers(r.value).okRows).toBe(LIMITS.maxRows);
  });
});
