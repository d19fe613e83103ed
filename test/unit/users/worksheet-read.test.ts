import { readUserSheet } from '../../../src/users/read-sheet.js';
import { parseWorksheet, sharedStrings } from '../../../src/users/worksheet-read.js';
import { attributes } from '../../../src/users/xml.js';
import { nestedRowsXlsx, unclosedRowsXlsx, xlsxWithSheetXml } from './files.js';

function refused(buf: Buffer) {
  const r = readUserSheet(buf, 'hostile.xlsx');
  if (r.ok) throw new Error('expected a refusal');
  return r.problem;
}

const SAVE_AGAIN = 'save it again as "Excel 工作簿 (*.xlsx)"';

describe('hostile worksheets (issue 17, failure 1) are refused, saying what is wrong and what to do', () => {
  it('the 2.5 KB sheet of 10,000 unclosed <row> tags', () => {
    const buf = unclosedRowsXlsx();
    expect(buf.length).toBeLessThan(2600);
    const p = refused(buf);
    expect(p.code).toBe('corrupt');
    expect(p.message).toContain('XML 结构有误');
    expect(p.message).toContain('row 1 is never closed: another <row> starts inside it');
    expect(p.message).toContain('xl/worksheets/sheet1.xml');
    expect(p.hint).toContain(SAVE_AGAIN);
    expect(p.hint).toContain('users template');
  });

  it('the ~23 KB sheet of rows nested 2,800 deep', () => {
    const buf = nestedRowsXlsx();
    expect(buf.length).toBeGreaterThan(20_000);
    const p = refused(buf);
    expect(p.message).toContain(
      'row 1 is never closed: another <row> starts inside it (unclosed or nested <row> tags)',
    );
    expect(p.hint).toContain(SAVE_AGAIN);
  });

  it.each([
    [
      'a last row never closed',
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="7"><c r="A7"><v>1</v></c>',
      'row 7 (<row>) is never closed',
    ],
    [
      'a cell inside a cell',
      '<row r="3"><c r="A3"><c r="B3"><v>1</v></c></c></row>',
      'a cell starts inside another cell in row 3',
    ],
    ['a cell closed by </row>', '<row r="2"><c r="A2"><v>1</v></row>', '</row> closes <c> in row 2'],
    [
      'elements nested past the cap inside a cell',
      `<row r="4"><c r="A4" t="inlineStr"><is>${'<r>'.repeat(5000)}`,
      'nested more than 64 deep in row 4',
    ],
    ['a tag cut off', '<row r="5"><c r="A5" t="s', 'a tag inside <row> is cut off or broken in row 5'],
  ])('%s', (_what, sheetXml, message) => {
    const p = refused(xlsxWithSheetXml(sheetXml));
    expect(p.message).toContain(message);
    expect(p.hint).toContain(SAVE_AGAIN);
  });

  it('shared strings that never close are refused, naming the part', () => {
    const p = refused(
      xlsxWithSheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', [
        { name: 'xl/sharedStrings.xml', data: `<sst>${'<si><t>x</t>'.repeat(1000)}</sst>` },
      ]),
    );
    expect(p.message).toContain('xl/sharedStrings.xml');
    expect(p.message).toMatch(/in shared string 1\b/);
  });

  it('a workbook part whose tags are broken is refused, naming the part', () => {
    const buf = xlsxWithSheetXml('', [
      { name: 'xl/workbook.xml', data: `<workbook><sheets>${'<sheet '.repeat(5000)}` },
    ]);
    // A second xl/workbook.xml entry: the later one is what the reader sees.
    expect(refused(buf).message).toContain('(xl/workbook.xml)');
  });
});

describe('what the one-pass reader keeps from the regex reader', () => {
  it('cells by reference, types, formulas (first <f> only), rich text without phonetic guides', () => {
    const r = parseWorksheet(
      '<sheetData><row r="2"><c r="B2" t="inlineStr"><is><r><t>a&amp;b</t></r><rPh><t>x</t></rPh><r><t xml:space="preserve"> c</t></r></is></c>' +
        '<c t="b"><v>1</v></c><c r="E2"><f>SUM(A1)</f><v>3</v></c><c r="F2"><f t="shared" si="0"/><v>4</v></c>' +
        '<c r="G2" t="s"><v>1</v></c><c r="H2"><v>1.3900139E+10</v></c></row><row/><row><c r="ZZZZZZZZZZ9"><v>1</v></c></row></sheetData>',
      ['zero', 'one'],
    );
    expect(r).toEqual({
      ok: true,
      value: {
        format: 'xlsx',
        rows: [
          {
            row: 2,
            cells: [
              undefined,
              { value: 'a&b c' },
              { value: 'TRUE' },
              undefined,
              { value: '3', formula: 'SUM(A1)' },
              { value: '4', formula: '(shared formula)' },
              { value: 'one' },
              { value: '13900139000' },
            ],
          },
        ],
      },
    });
  });

  it('a cell of megabytes keeps its first 1,000 characters', () => {
    const r = parseWorksheet(`<row r="1"><c t="inlineStr"><is><t>${'x'.repeat(3_000_000)}</t></is></c></row>`, []);
    expect(r.ok && r.value.rows[0]!.cells[0]!.value.length).toBe(1000);
  });

  it('shared strings: runs joined, phonetic guides left out, empty items kept in place', () => {
    expect(
      sharedStrings('<sst><si><t>a</t></si><si/><si><r><t>b</t></r><rPh><t>x</t></rPh><r><t>c</t></r></si></sst>'),
    ).toEqual({
      ok: true,
      value: ['a', '', 'bc'],
    });
  });

  it('attributes: quoted values with entities, prefixed names, and junk stepped over', () => {
    const a = attributes(` r="A1" t='s' x:id="rId&amp;1" junk noeq 1bad="v" ${'n'.repeat(100_000)} s="2"`);
    expect(Object.fromEntries(a)).toEqual({ r: 'A1', t: 's', 'x:id': 'rId&1', id: 'rId&1', bad: 'v', s: '2' });
  });
});
