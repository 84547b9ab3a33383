/**
 * One CSV row that was not imported. `line` is the 1-based physical line the row starts on (the header is
 * line 1); `column` is the header name of the offending field, or null when the row as a whole is at fault.
 */
export interface CsvRowError {
  line: number;
  column: string | null;
  reason: string;
}
