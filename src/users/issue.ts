/** The issues a check of a user sheet reports: their kinds and what each says. */

/**
 * `error`: must be fixed by hand; `fixed`: a mechanical fix, already made in
 * the corrected file; `warning`: worth a look, left as it is.
 */
export type IssueKind = 'error' | 'fixed' | 'warning';

export interface Issue {
  /** Spreadsheet row number (1 = first row); 0 for the file as a whole. */
  row: number;
  /** The column's header, or '' for the whole row. */
  column: string;
  kind: IssueKind;
  /** What is wrong. Never contains a password. */
  problem: string;
  /** How to fix it. */
  fix: string;
}
