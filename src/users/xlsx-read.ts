import { refuse, type Read } from './problem.js';
import type { Sheet } from './sheet.js';
import { parseWorksheet, sharedStrings } from './worksheet-read.js';
import { attributes, hasDoctype } from './xml.js';
import { malformed } from './xml-fault.js';
import { isFault, XmlScanner } from './xml-scan.js';
import { ZipReader } from './zip-read.js';

const NOT_A_WORKBOOK = 'save it from Excel or WPS as "Excel 工作簿 (*.xlsx)" (or CSV UTF-8) and send that';

/**
 * Read the first worksheet of an .xlsx into rows of text. The zip is checked
 * (entry count, sizes) before anything is inflated; formulas are read as
 * text and never evaluated; more than LIMITS.maxRows rows is refused. Every
 * part is read in one pass (src/users/xml-scan.ts): time linear in its size.
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
  const sheets = startTags(workbook.value, 'sheet', workbookPath);
  if (!sheets.ok) return sheets;
  const sheetId = sheets.value[0]?.get('id');
  const sheetPath = (sheetId && rels.value.byId.get(sheetId)) ?? 'xl/worksheets/sheet1.xml';
  if (!z.has(sheetPath))
    return refuse('corrupt', '这个工作簿没有工作表 / the workbook has no worksheet', NOT_A_WORKBOOK);
  let shared: string[] = [];
  const sharedPath = rels.value.sharedStrings ?? (z.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined);
  if (sharedPath && z.has(sharedPath)) {
    const s = text(z, sharedPath);
    if (!s.ok) return s;
    const strings = sharedStrings(s.value, sharedPath);
    if (!strings.ok) return strings;
    shared = strings.value;
  }
  const sheet = text(z, sheetPath);
  if (!sheet.ok) return sheet;
  return parseWorksheet(sheet.value, shared, sheetPath);
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
    const tags = rels.ok ? startTags(rels.value.toString('utf8'), 'Relationship', '_rels/.rels') : undefined;
    if (tags?.ok) {
      for (const a of tags.value) {
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
  const tags = startTags(xml.value, 'Relationship', relsPath);
  if (!tags.ok) return tags;
  let sharedStrings: string | undefined;
  for (const a of tags.value) {
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

/** The attributes of every start tag named `name` (local name) in a part, in document order. */
function startTags(xml: string, name: string, part: string): Read<Array<Map<string, string>>> {
  const scan = new XmlScanner(xml);
  const out: Array<Map<string, string>> = [];
  for (let t = scan.next(); t !== undefined; t = scan.next()) {
    if (isFault(t)) return malformed(part, t);
    if (t.kind === 'start' && t.name === name) out.push(attributes(t.attrs));
  }
  return { ok: true, value: out };
}
