import { escapeXml } from './xml.js';
import { writeZip } from './zip-write.js';

/** A drop-down list on a column (Excel data validation of type "list"). */
export interface ListValidation {
  /** 0-based column. */
  column: number;
  values: readonly string[];
  /** 1-based rows, inclusive. */
  firstRow: number;
  lastRow: number;
  title: string;
  error: string;
}

export interface SheetSpec {
  name: string;
  /** Every cell is written as a text cell (never a formula, never a number). */
  rows: ReadonlyArray<ReadonlyArray<string>>;
  widths?: readonly number[];
  /** Row 1 is a header: bold, frozen; columns where this is true get the "required" colour. */
  header?: { required: readonly boolean[] };
  /** Cells are formatted as text (`@`), so typed-in phone numbers stay digits. */
  textFormat?: boolean;
  /** Wrap long text (explanations). */
  wrap?: boolean;
  lists?: readonly ListValidation[];
}

/** Style ids in styles.xml below. */
const STYLE = { text: 1, headerRequired: 2, headerOptional: 3, wrap: 4 } as const;

/**
 * Write a workbook of text cells as a real .xlsx (Office Open XML): the
 * parts Excel, WPS and LibreOffice need, and no more. Cells are inline
 * strings, so a value such as `=1+1` is text, not a formula.
 */
export function writeWorkbook(sheets: readonly SheetSpec[]): Buffer {
  const files: Array<{ name: string; data: string }> = [
    { name: '[Content_Types].xml', data: contentTypes(sheets.length) },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: workbook(sheets) },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRels(sheets.length) },
    { name: 'xl/styles.xml', data: STYLES },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: worksheet(s) })),
  ];
  return writeZip(files);
}

/** `0` → `A`, `26` → `AA`. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_SPREADSHEETML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

function worksheet(s: SheetSpec): string {
  const width = Math.max(1, ...s.rows.map((r) => r.length), s.widths?.length ?? 0);
  const parts: string[] = [XML_HEAD, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  parts.push(`<dimension ref="A1:${columnLetter(width - 1)}${Math.max(1, s.rows.length)}"/>`);
  parts.push(
    s.header
      ? '<sheetViews><sheetView workbookViewId="0">' +
          '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
  );
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  const bodyStyle = s.wrap ? STYLE.wrap : s.textFormat ? STYLE.text : 0;
  if (s.widths?.length) {
    parts.push(
      '<cols>',
      ...s.widths.map(
        (w, i) =>
          `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"` +
          `${bodyStyle ? ` style="${bodyStyle}"` : ''}/>`,
      ),
      '</cols>',
    );
  }
  parts.push('<sheetData>');
  s.rows.forEach((row, r) => {
    const cells = row.map((v, c) => {
      const style =
        r === 0 && s.header ? (s.header.required[c] ? STYLE.headerRequired : STYLE.headerOptional) : bodyStyle;
      const ref = `${columnLetter(c)}${r + 1}`;
      if (v === '') return style ? `<c r="${ref}" s="${style}"/>` : '';
      return (
        `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr">` +
        `<is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`
      );
    });
    parts.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  parts.push('</sheetData>');
  if (s.lists?.length) {
    parts.push(`<dataValidations count="${s.lists.length}">`);
    for (const l of s.lists) {
      const col = columnLetter(l.column);
      const list = `"${l.values.join(',')}"`;
      parts.push(
        '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"' +
          ` errorTitle="${escapeXml(l.title)}" error="${escapeXml(l.error)}"` +
          ` promptTitle="${escapeXml(l.title)}" prompt="${escapeXml(l.values.join(' / '))}"` +
          ` sqref="${col}${l.firstRow}:${col}${l.lastRow}"><formula1>${escapeXml(list)}</formula1></dataValidation>`,
      );
    }
    parts.push('</dataValidations>');
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return parts.join('');
}

function workbook(sheets: readonly SheetSpec[]): string {
  const list = sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name.slice(0, 31))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  return (
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${list}</sheets></workbook>`
  );
}

function workbookRels(n: number): string {
  const rels = Array.from(
    { length: n },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}</Relationships>`;
}

function contentTypes(n: number): string {
  const sheets = Array.from(
    { length: n },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_SPREADSHEETML}.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT_SPREADSHEETML}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT_SPREADSHEETML}.styles+xml"/>${sheets}</Types>`
  );
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const STYLE_FONTS =
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>';
const STYLE_FILLS =
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFCE4D6"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>' +
  '</fills>';
const STYLE_CELL_XFS =
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">' +
  '<alignment vertical="top" wrapText="1"/></xf></cellXfs>';

/** 0 default, 1 text, 2 required header (bold, orange), 3 optional header (bold, blue), 4 wrapped text. */
const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">
${STYLE_FONTS}
${STYLE_FILLS}
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
${STYLE_CELL_XFS}
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;
