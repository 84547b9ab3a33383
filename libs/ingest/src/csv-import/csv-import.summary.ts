import { CsvRowError } from '../csv/csv-row-error';

export type CsvImportKind = 'events' | 'outcomes';

/** What one file's import did; the CLI prints it as a table and the upload endpoint answers it. */
export interface CsvImportSummary {
  file: string;
  kind: CsvImportKind;
  /** Data rows read (accepted + rejected; blank lines not counted). */
  rows: number;
  /** Rows stored now. */
  imported: number;
  /** Valid rows already stored (re-import, repeated row). */
  duplicates: number;
  /** Malformed rows, not stored; the first ones are listed in `errors`. */
  rejected: number;
  errors: CsvRowError[];
  learnersCreated: number;
  batches: number;
  seconds: number;
}
