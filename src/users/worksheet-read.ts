import { LIMITS } from './fields.js';
import { refuse, type Read } from './problem.js';
import type { Sheet, SheetCell, SheetRow } from './sheet.js';
import { attributes, decodeXml } from './xml.js';
import { malformed } from './xml-fault.js';
import { isFault, XmlScanner, type XmlToken } from './xml-scan.js';

/** Excel's own limit on a formula's length; longer text is not a formula Excel wrote. */
const MAX_FORMULA_CHARS = 8192;
/** A `<v>` longer than this is not a value Excel wrote; the cell keeps LIMITS.maxCellChars of it anyway. */
const MAX_VALUE_CHARS = 64 * 1024;

/** Text collected up to a cap: a hostile cell of megabytes is never joined in full. */
class CappedText {
  private parts: string[] = [];
  private length = 0;
  constructor(private readonly cap: number) {}
  add(t: XmlToken & { kind: 'text' }): void {
    if (this.length >= this.cap) return;
    const s = t.cdata ? t.text : decodeXml(t.text);
    this.parts.push(s);
    this.length += s.length;
  }
  value(): string {
    const s = this.parts.join('');
    return s.length > this.cap ? s.slice(0, this.cap) : s;
  }
}

interface OpenCell {
  col: number;
  type: string | undefined;
  /** The first `<f>`: undefined until seen; its text after. */
  formula?: CappedText;
  value?: CappedText;
  /** Which of `<f>`, `<v>`, `<t>` the text now read belongs to. */
  into: CappedText | undefined;
  runs: CappedText;
  /** Inside a phonetic guide (`<rPh>`), whose text is not part of the value. */
  phonetic: number;
}

/**
 * Rows with content of a worksheet part, in one pass (linear in its size),
 * stopping (refused) past the row limit. Broken XML — a row never closed, a
 * row or cell inside another, nesting past the depth cap — is refused with
 * the row where it happened. Exported for tests.
 */
export function parseWorksheet(xml: string, shared: readonly string[], part = 'worksheet'): Read<Sheet> {
  const scan = new XmlScanner(xml);
  const rows: SheetRow[] = [];
  let lastRow = 0;
  let rowTags = 0;
  let row: { no: number; cells: Array<SheetCell | undefined>; lastCol: number } | undefined;
  let cell: OpenCell | undefined;
  for (let t = scan.next(); t !== undefined; t = scan.next()) {
    if (isFault(t)) {
      const rowLeftOpen = t.kind === 'unclosed' || (t.kind === 'mismatch' && t.open === 'row');
      if (rowLeftOpen && row) return malformed(part, { detail: `row ${row.no} (<row>) is never closed` });
      return malformed(part, t, row ? ` in row ${row.no}` : '');
    }
    if (t.kind === 'start') {
      if (t.name === 'row') {
        rowTags++;
        const no = Number(attributes(t.attrs).get('r')) || lastRow + 1;
        if (row)
          return malformed(part, {
            detail: `row ${row.no} is never closed: another <row> starts inside it (unclosed or nested <row> tags)`,
          });
        lastRow = no;
        if (!t.selfClosing) row = { no, cells: [], lastCol: -1 };
      } else if (t.name === 'c' && row) {
        if (cell) return malformed(part, { detail: `a cell starts inside another cell in row ${row.no}` });
        const a = attributes(t.attrs);
        const ref = a.get('r');
        const col = ref ? columnIndex(ref) : row.lastCol + 1;
        row.lastCol = col;
        if (!t.selfClosing)
          cell = { col, type: a.get('t'), into: undefined, runs: new CappedText(LIMITS.maxCellChars), phonetic: 0 };
      } else if (cell && !t.selfClosing) {
        if (t.name === 'rPh') cell.phonetic++;
        else if (t.name === 'f' && !cell.formula) cell.into = cell.formula = new CappedText(MAX_FORMULA_CHARS);
        else if (t.name === 'v' && !cell.value) cell.into = cell.value = new CappedText(MAX_VALUE_CHARS);
        else if (t.name === 't' && cell.phonetic === 0) cell.into = cell.runs;
      } else if (cell && t.name === 'f' && !cell.formula) cell.formula = new CappedText(0);
    } else if (t.kind === 'end') {
      if (t.name === 'row' && row) {
        if (row.cells.length > 0) rows.push({ row: row.no, cells: row.cells });
        row = undefined;
        // The header plus maxRows data rows; one more means too many.
        if (rows.length > LIMITS.maxRows + 1) return tooManyRows(rowTags + rowTagsAhead(scan));
      } else if (t.name === 'c' && cell && row) {
        const c = cell;
        cell = undefined;
        if (c.col < 0 || c.col >= LIMITS.maxColumns) continue;
        const read = readCell(c, shared);
        if (read) row.cells[c.col] = read;
      } else if (cell) {
        if (t.name === 'rPh') cell.phonetic--;
        cell.into = undefined;
      }
    } else if (cell?.into) cell.into.add(t);
  }
  return { ok: true, value: { format: 'xlsx', rows } };
}

/** The `<row>` start tags still ahead (the scan goes on, counting only, to a fault or the end). */
function rowTagsAhead(scan: XmlScanner): number {
  let n = 0;
  for (let t = scan.next(); t !== undefined && !isFault(t); t = scan.next())
    if (t.kind === 'start' && t.name === 'row') n++;
  return n;
}

/** Text of each `<si>` of the shared strings part: its `<t>` runs, without phonetic guides (`<rPh>`). */
export function sharedStrings(xml: string, part = 'sharedStrings'): Read<string[]> {
  const scan = new XmlScanner(xml);
  const out: string[] = [];
  let item: CappedText | undefined;
  let into: CappedText | undefined;
  let phonetic = 0;
  for (let t = scan.next(); t !== undefined; t = scan.next()) {
    if (isFault(t)) return malformed(part, t, item ? ` in shared string ${out.length + 1}` : '');
    if (t.kind === 'start') {
      if (t.name === 'si') {
        if (t.selfClosing) out.push('');
        else item = new CappedText(LIMITS.maxCellChars);
      } else if (item && !t.selfClosing) {
        if (t.name === 'rPh') phonetic++;
        else if (t.name === 't' && phonetic === 0) into = item;
      }
    } else if (t.kind === 'end') {
      if (t.name === 'si' && item) {
        out.push(item.value());
        item = undefined;
      } else if (t.name === 'rPh') phonetic--;
      into = undefined;
    } else into?.add(t);
  }
  return { ok: true, value: out };
}

export function tooManyRows(total: number) {
  return refuse(
    'too-many-rows',
    `行数太多 / too many rows: about ${total.toLocaleString('en-US')}; ` +
      `at most ${LIMITS.maxRows.toLocaleString('en-US')} users per file — nothing was checked`,
    `split it into files of at most ${LIMITS.maxRows.toLocaleString('en-US')} rows (each with the header row) ` +
      'and check and import them one by one',
  );
}

function readCell(c: OpenCell, shared: readonly string[]): SheetCell | undefined {
  const formula = c.formula ? c.formula.value().trim() || '(shared formula)' : undefined;
  const v = c.value?.value();
  let value: string;
  switch (c.type) {
    case 's':
      value = shared[Number(v)] ?? '';
      break;
    case 'inlineStr':
      value = c.runs.value();
      break;
    case 'b':
      value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      break;
    case 'str':
    case 'e':
    case 'd':
      value = v ?? '';
      break;
    default:
      value = number(v ?? '');
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
  for (; i < ref.length && i < 8; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    n = n * 26 + (ch - 64);
  }
  return i === 0 ? -1 : n - 1;
}
