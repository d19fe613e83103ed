import { LIMITS } from './fields.js';
import { refuse, type Read } from './problem.js';
import type { Sheet, SheetCell, SheetRow } from './sheet.js';
import { attributes, decodeXml, hasDoctype } from './xml.js';
import { ZipReader } from './zip-read.js';

const NOT_A_WORKBOOK = 'save it from Excel or WPS as "Excel 工作簿 (*.xlsx)" (or CSV UTF-8) and send that';

/**
 * Read the first worksheet of an .xlsx into rows of text. The zip is checked
 * (entry count, sizes) before anything is inflated; formulas are read as
 * text and never evaluated; more than {@link LIMITS.maxRows} rows is refused.
 */
export function readXlsx(buf: Buffer): Read<Sheet> {
  const zip = ZipReader.open(buf);
  if (!zip.ok) return zip;
  const z = zip.value;
  const workbookPath = mainPart(z);
  if (!workbookPath) {
    const kind = z.has('word/document.xml')
      ? 'a Word document (.docx)'
      : z.has('ppt/presentation.xml')
        ? 'a PowerPoint file'
        : 'a zip archive';
    return refuse('not-a-spreadsheet', `这不是 Excel 工作簿 / this is ${kind}, not an Excel workbook`, NOT_A_WORKBOOK);
  }
  const workbook = text(z, workbookPath);
  if (!workbook.ok) return workbook;
  const rels = relationships(z, workbookPath);
  if (!rels.ok) return rels;
  const firstSheet = /<(?:\w+:)?sheet\b([^>]*)\/?>/.exec(workbook.value);
  const sheetId = firstSheet ? attributes(firstSheet[1]!).get('id') : undefined;
  const sheetPath = (sheetId && rels.value.byId.get(sheetId)) ?? 'xl/worksheets/sheet1.xml';
  if (!z.has(sheetPath))
    return refuse('corrupt', '这个工作簿没有工作表 / the workbook has no worksheet', NOT_A_WORKBOOK);
  let shared: string[] = [];
  const sharedPath = rels.value.sharedStrings ?? (z.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined);
  if (sharedPath && z.has(sharedPath)) {
    const s = text(z, sharedPath);
    if (!s.ok) return s;
    shared = sharedStrings(s.value);
  }
  const sheet = text(z, sheetPath);
  if (!sheet.ok) return sheet;
  return parseWorksheet(sheet.value, shared);
}

function text(z: ZipReader, path: string): Read<string> {
  const data = z.read(path);
  if (!data.ok) return data;
  const xml = data.value.toString('utf8');
  if (hasDoctype(xml))
    return refuse('corrupt', `拒绝 / refused: ${path} declares a DTD (XML entity tricks are not read)`, NOT_A_WORKBOOK);
  return { ok: true, value: xml };
}

/** The workbook part named by the package relationships (usually xl/workbook.xml). */
function mainPart(z: ZipReader): string | undefined {
  if (z.has('_rels/.rels')) {
    const rels = z.read('_rels/.rels');
    if (rels.ok) {
      for (const m of rels.value.toString('utf8').matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
        const a = attributes(m[1]!);
        const target = a.get('Target')?.replace(/^\/+/, '');
        if (a.get('Type')?.endsWith('/officeDocument') && target && z.has(target) && /workbook|xl\//i.test(target))
          return target;
      }
    }
  }
  return z.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
}

function relationships(z: ZipReader, part: string): Read<{ byId: Map<string, string>; sharedStrings?: string }> {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const relsPath = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const byId = new Map<string, string>();
  if (!z.has(relsPath)) return { ok: true, value: { byId } };
  const xml = text(z, relsPath);
  if (!xml.ok) return xml;
  let sharedStrings: string | undefined;
  for (const m of xml.value.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]!);
    const target = a.get('Target');
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : normalise(dir + target);
    byId.set(a.get('Id') ?? '', path);
    if (a.get('Type')?.endsWith('/sharedStrings')) sharedStrings = path;
  }
  return { ok: true, value: { byId, ...(sharedStrings ? { sharedStrings } : {}) } };
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Text of `<si>`/`<is>` items: the `<t>` runs, without phonetic guides (`<rPh>`). */
function runsText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml;
  let s = '';
  for (const m of body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) s += m[1] ?? '';
  return decodeXml(s);
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g))
    out.push(runsText(m[1] ?? ''));
  return out;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const FORMULA = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;

/** Rows with content, stopping (refused) past the row limit. Exported for tests. */
export function parseWorksheet(xml: string, shared: readonly string[]): Read<Sheet> {
  const rows: SheetRow[] = [];
  let lastRow = 0;
  for (const m of xml.matchAll(ROW)) {
    const rowNo = Number(attributes(m[1]!).get('r')) || lastRow + 1;
    lastRow = rowNo;
    if (!m[2]) continue;
    const cells: Array<SheetCell | undefined> = [];
    let lastCol = -1;
    for (const c of m[2].matchAll(CELL)) {
      const a = attributes(c[1]!);
      const ref = a.get('r');
      const col = ref ? columnIndex(ref) : lastCol + 1;
      lastCol = col;
      if (col < 0 || col >= LIMITS.maxColumns) continue;
      const cell = readCell(a.get('t'), c[2] ?? '', shared);
      if (cell) cells[col] = cell;
    }
    if (cells.length === 0) continue;
    rows.push({ row: rowNo, cells });
    // The header plus maxRows data rows; one more means too many.
    if (rows.length > LIMITS.maxRows + 1) {
      const total = (xml.match(/<(?:\w+:)?row\b/g) ?? []).length;
      return tooManyRows(total);
    }
  }
  return { ok: true, value: { format: 'xlsx', rows } };
}

export function tooManyRows(total: number) {
  return refuse(
    'too-many-rows',
    `行数太多 / too many rows: about ${total.toLocaleString('en-US')}; at most ${LIMITS.maxRows.toLocaleString('en-US')} users per file — nothing was checked`,
    `split it into files of at most ${LIMITS.maxRows.toLocaleString('en-US')} rows (each with the header row) and check and import them one by one`,
  );
}

function readCell(type: string | undefined, inner: string, shared: readonly string[]): SheetCell | undefined {
  const f = FORMULA.exec(inner);
  const formula = f ? decodeXml(f[2] ?? '').trim() || '(shared formula)' : undefined;
  const v = VALUE.exec(inner)?.[1];
  let value: string;
  switch (type) {
    case 's':
      value = shared[Number(v)] ?? '';
      break;
    case 'inlineStr':
      value = runsText(inner);
      break;
    case 'b':
      value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      break;
    case 'str':
    case 'e':
    case 'd':
      value = decodeXml(v ?? '');
      break;
    default:
      value = number(decodeXml(v ?? ''));
  }
  if (value === '' && !formula) return undefined;
  if (value.length > LIMITS.maxCellChars) value = value.slice(0, LIMITS.maxCellChars);
  return formula ? { value, formula } : { value };
}

/** Numbers as a person typed them: 13800138000, not 1.3800138E+10. */
function number(v: string): string {
  if (/^-?\d+(\.\d+)?E[+-]?\d+$/i.test(v)) {
    const n = Number(v);
    if (Number.isSafeInteger(n)) return String(n);
  }
  return v;
}

/** `C7` → 2. */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    n = n * 26 + (ch - 64);
  }
  return i === 0 ? -1 : n - 1;
}
