import { decodeCsv, parseCsv } from './csv-read.js';
import { LIMITS } from './fields.js';
import { refuse, type Read } from './problem.js';
import type { Sheet } from './sheet.js';
import { readXlsx } from './xlsx-read.js';

const SAVE_AS = 'open it in Excel or WPS and save it as "Excel 工作簿 (*.xlsx)" or "CSV UTF-8", then send that';

/** Magic numbers of files people send by mistake. */
const KNOWN: ReadonlyArray<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
  [[0x4d, 0x5a], 'a Windows program'],
];

/**
 * Read a user sheet from bytes, whatever it claims to be: the content
 * decides (an .xlsx is a zip; a legacy .xls or a password-protected .xlsx
 * is an OLE file; anything else must be CSV text). Too large, empty and
 * non-spreadsheet files are refused with what to do instead.
 */
export function readUserSheet(buf: Buffer, fileName: string): Read<Sheet> {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (buf.length > LIMITS.maxFileBytes)
    return refuse(
      'too-large',
      `文件太大 / the file is too large: ${mb(buf.length)}, at most ${mb(LIMITS.maxFileBytes)} — nothing was read`,
      `split it into files of at most ${LIMITS.maxRows.toLocaleString('en-US')} rows, ` +
        'or remove pictures and other sheets, and send them one by one',
    );
  if (buf.length === 0)
    return refuse(
      'empty',
      '文件是空的 / the file is empty',
      'fill in the template from `users template` and send it again',
    );
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const starts = (sig: number[]) => sig.every((b, i) => buf[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return readXlsx(buf);
  if (starts([0xd0, 0xcf, 0x11, 0xe0]))
    return refuse(
      'legacy-or-encrypted',
      '这是旧版 .xls 或有密码保护的工作簿 / this is an old .xls or a password-protected workbook, which is not read',
      `remove any password, then ${SAVE_AS}`,
    );
  for (const [sig, what] of KNOWN)
    if (starts(sig))
      return refuse('not-a-spreadsheet', `这不是表格文件 / "${fileName}" is ${what}, not a spreadsheet`, SAVE_AS);
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') {
    return refuse(
      'not-a-spreadsheet',
      `"${fileName}" 不是真正的 Excel 文件 / is named .${ext} but is not an Excel workbook (a text or other file renamed?)`,
      SAVE_AS,
    );
  }
  if (ext !== '' && ext !== 'csv' && ext !== 'txt' && ext !== 'tsv')
    return refuse('unsupported', `不支持 .${ext} / .${ext} files are not read`, `send an .xlsx or .csv: ${SAVE_AS}`);
  const text = decodeCsv(buf);
  if (!text.ok) return text;
  return parseCsv(text.value.text, text.value.encoding);
}
