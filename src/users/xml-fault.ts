import { refuse } from './problem.js';
import { MAX_XML_DEPTH, type XmlFault } from './xml-scan.js';

/** What to do with a workbook whose XML cannot be read: Excel or WPS writes it again correctly. */
export const SAVE_AGAIN =
  'open it in Excel or WPS and save it again as "Excel 工作簿 (*.xlsx)" ' +
  '(or fill in the template from `users template`), then send the new file';

/**
 * The refusal for a part of the .xlsx whose XML is broken: what is wrong, in
 * which part, and what to do. `detail` replaces the generic description when
 * the reader knows more (the row that is never closed); `where` says where (" in row 7").
 */
export function malformed(part: string, fault: XmlFault | { detail: string }, where = '') {
  return refuse(
    'corrupt',
    `这个 .xlsx 的 XML 结构有误，无法读取 / the .xlsx cannot be read, its XML is malformed: ` +
      `${describe(fault)}${where} (${part}) — nothing was checked`,
    SAVE_AGAIN,
  );
}

function describe(f: XmlFault | { detail: string }): string {
  if ('detail' in f) return f.detail;
  switch (f.kind) {
    case 'unclosed':
      return `<${f.open}> is never closed (the file is cut off, or was not written by Excel)`;
    case 'mismatch':
      return f.open ? `</${f.closing}> closes <${f.open}>` : `</${f.closing}> closes nothing`;
    case 'too-deep':
      return `elements are nested more than ${MAX_XML_DEPTH} deep`;
    case 'broken-tag':
      return f.open ? `a tag inside <${f.open}> is cut off or broken` : 'a tag is cut off or broken';
    case 'dtd':
      return 'it declares a DTD (XML entity tricks are not read)';
  }
}
