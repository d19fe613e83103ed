import { LIMITS } from './fields.js';
import { refuse, type Read } from './problem.js';
import type { Sheet, SheetCell, SheetRow } from './sheet.js';
import { tooManyRows } from './worksheet-read.js';

/**
 * The text of a .csv as Excel and WPS save it on Chinese Windows: UTF-8 with
 * a BOM ("CSV UTF-8"), UTF-8 without, GBK ("CSV (逗号分隔)"), or UTF-16
 * ("Unicode 文本", tab-separated). UTF-8 is tried strictly first, so GBK
 * bytes never pass as UTF-8 by accident.
 */
export function decodeCsv(buf: Buffer): Read<{ text: string; encoding: string }> {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return decoded(buf.subarray(3), 'utf-8', 'utf-8 (BOM)');
  if (buf[0] === 0xff && buf[1] === 0xfe) return decoded(buf.subarray(2), 'utf-16le', 'utf-16');
  if (buf[0] === 0xfe && buf[1] === 0xff) return decoded(buf.subarray(2), 'utf-16be', 'utf-16');
  if (buf.includes(0)) return notText();
  try {
    return { ok: true, value: { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' } };
  } catch {
    return decoded(buf, 'gbk', 'gbk');
  }
}

function decoded(buf: Buffer, label: string, encoding: string): Read<{ text: string; encoding: string }> {
  try {
    const text = new TextDecoder(label, { fatal: true }).decode(buf);
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return notText();
    return { ok: true, value: { text, encoding } };
  } catch {
    return notText();
  }
}

function notText() {
  return refuse(
    'not-a-spreadsheet',
    '这不是表格文件 / this is not a spreadsheet: neither an .xlsx nor readable CSV text (UTF-8 or GBK)',
    'fill in the template from `users template` in Excel or WPS, save it as .xlsx, and send that',
  );
}

/** Split CSV text into rows (RFC 4180 quoting; comma, or tab when the header has tabs and no commas). */
export function parseCsv(text: string, encoding: string): Read<Sheet> {
  const firstLine = text.slice(0, text.search(/\r|\n/) >>> 0);
  const sep =
    firstLine.includes('\t') && !firstLine.includes(',')
      ? '\t'
      : firstLine.includes(';') && !firstLine.includes(',')
        ? ';'
        : ',';
  const rows: SheetRow[] = [];
  let cells: Array<SheetCell | undefined> = [];
  let field = '';
  let quoted = false;
  let fieldWasQuoted = false;
  let record = 1;
  const endField = () => {
    if (cells.length < LIMITS.maxColumns && (field !== '' || fieldWasQuoted))
      cells[cells.length] = { value: field.length > LIMITS.maxCellChars ? field.slice(0, LIMITS.maxCellChars) : field };
    else if (cells.length < LIMITS.maxColumns) cells.length++;
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = (): boolean => {
    endField();
    if (cells.some((c) => c !== undefined)) rows.push({ row: record, cells });
    cells = [];
    record++;
    return rows.length > LIMITS.maxRows + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
      fieldWasQuoted = true;
    } else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (endRecord()) return tooManyRows(countLines(text));
    } else field += ch;
  }
  if (field !== '' || cells.length > 0) {
    if (endRecord()) return tooManyRows(countLines(text));
  }
  return { ok: true, value: { format: 'csv', encoding, rows } };
}

function countLines(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length + 1;
}
