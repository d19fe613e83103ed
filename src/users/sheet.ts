/** One cell as read: its text, and the formula when the cell holds one (never evaluated). */
export interface SheetCell {
  value: string;
  formula?: string;
}

/** A row with content, numbered as the spreadsheet shows it (1 = the first row). */
export interface SheetRow {
  row: number;
  /** By 0-based column; holes are empty cells. */
  cells: Array<SheetCell | undefined>;
}

/** The first sheet of an .xlsx, or a .csv, as rows of text. */
export interface Sheet {
  format: 'xlsx' | 'csv';
  /** csv: the detected encoding (utf-8, utf-8 with BOM, gbk, utf-16). */
  encoding?: string;
  rows: SheetRow[];
}

export function cellText(row: SheetRow, column: number): string {
  return row.cells[column]?.value ?? '';
}

export function isEmptyRow(row: SheetRow): boolean {
  return row.cells.every((c) => c === undefined || (c.value.trim() === '' && !c.formula));
}
