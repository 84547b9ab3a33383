import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { CrlfNormalizer } from './crlf-normalizer.transform';
import { CsvHeaderError } from './csv-header.error';
import { CsvRecordView } from './csv-record-view';
import { CsvRowError } from './csv-row-error';

export type CsvRowMapping<Row> = { row: Row } | { errors: Array<{ column: string | null; reason: string }> };

/** A documented CSV layout: its columns and how one record becomes a row. */
export interface CsvSchema<Row> {
  required: readonly string[];
  optional: readonly string[];
  mapRow(record: CsvRecordView): CsvRowMapping<Row>;
}

export interface CsvReadOptions {
  /** Names the file in errors and batches (e.g. upload id or path). */
  fileKey: string;
  /** Rows + errors per yielded batch; one batch is one storage transaction. Default 1000. */
  batchSize?: number;
  /** Longest record accepted; beyond it (typically an unclosed quote) reading stops. Default 64 KiB. */
  maxRecordBytes?: number;
  /** Errors listed per file; more are counted, not listed, so a garbage file cannot exhaust memory. Default 10,000. */
  maxListedErrors?: number;
}

export interface CsvProgress {
  bytesRead: number;
  linesRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

export interface CsvBatch<Row> {
  fileKey: string;
  rows: Row[];
  errors: CsvRowError[];
  /** Cumulative counts at the end of this batch, for a progress bar and the final summary. */
  progress: CsvProgress;
}

const normalizeHeader = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

function newlinesIn(record: string[]): number {
  let count = 0;
  for (const field of record) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) count++;
  }
  return count;
}

/** Empty lines, whitespace-only lines and all-empty rows (",,,,", common at the end of spreadsheet exports). */
function isBlank(record: string[]): boolean {
  for (const field of record) if (field.trim() !== '') return false;
  return true;
}

/**
 * Streams a CSV file as batches: memory holds one batch, never the file. The header is checked first (a
 * mismatch throws CsvHeaderError before any row is yielded); each bad row becomes an error with its line,
 * column and reason while the rest of the file carries on. BOM, quoted fields, CRLF and blank lines are
 * handled by csv-parse; quote errors it cannot recover from are reported with the lines they swallowed.
 */
export async function* readCsvBatches<Row>(
  input: Readable,
  schema: CsvSchema<Row>,
  options: CsvReadOptions,
): AsyncGenerator<CsvBatch<Row>> {
  const { fileKey } = options;
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  const maxRecordBytes = options.maxRecordBytes ?? 64 * 1024;
  const maxListedErrors = options.maxListedErrors ?? 10_000;
  const normalizer = new CrlfNormalizer();
  const progress: CsvProgress = { bytesRead: 0, linesRead: 0, rowsAccepted: 0, rowsRejected: 0 };
  let header: string[] | undefined;
  let listedErrors = 0;
  let unlistedErrors = 0;
  let stopped = false;
  let unclosedQuoteAtLine: number | undefined;
  const otherParseErrors: CsvRowError[] = [];

  const parser = parse({
    bom: true,
    // Stray quotes inside a field are kept as text instead of flipping csv-parse into "quoted" mode, where its
    // skip-and-continue recovery would swallow the rest of the file; a field made odd by one still fails the
    // column's own validation, with line and column.
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: maxRecordBytes,
    // No `info`/`on_record`: csv-parse copies its whole state object per record for those, which cost ~40 % of
    // parsing time. Lines are counted here instead (input is LF-only after CrlfNormalizer; blank lines arrive
    // as empty records and are skipped below).
  });
  // With relax_quotes, csv-parse's own errors are an unclosed quote at the end of the input or an overlong
  // record; both are placed after the records already parsed, so they are resolved once those are consumed.
  parser.on('skip', (err: CsvError & { lines?: number }) => {
    if (stopped) return; // chunks already in flight and the final flush repeat the same runaway record
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      stopped = true;
      // Stop feeding csv-parse but let it hand over the records it already parsed: end its input gracefully.
      input.unpipe(normalizer);
      input.destroy();
      normalizer.end();
    } else if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      unclosedQuoteAtLine = err.lines;
    } else {
      otherParseErrors.push({ line: err.lines ?? 0, column: null, reason: `malformed CSV: ${err.message}` });
    }
  });
  // Wired by hand rather than with stream.pipeline so a stop can end the parser's input without destroying
  // the records it already holds; any stage's error still ends the iteration below with that error.
  input.on('error', (err) => parser.destroy(err));
  normalizer.on('error', (err) => parser.destroy(err));
  const records = input.pipe(normalizer).pipe(parser);

  let batch: Pick<CsvBatch<Row>, 'rows' | 'errors'> = { rows: [], errors: [] };
  let yielded = false;
  const addError = (error: CsvRowError, newRow = true) => {
    if (newRow) progress.rowsRejected++;
    if (listedErrors < maxListedErrors) {
      batch.errors.push(error);
      listedErrors++;
    } else unlistedErrors++;
  };
  const snapshot = (): CsvBatch<Row> => {
    progress.bytesRead = normalizer.bytesRead;
    return { fileKey, ...batch, progress: { ...progress } };
  };

  let nextLine = 1; // physical line the next record starts on
  try {
    let view: CsvRecordView | undefined;
    for await (const record of records as AsyncIterable<string[]>) {
      const line = nextLine;
      const spanned = newlinesIn(record);
      nextLine += 1 + spanned;
      progress.linesRead = nextLine - 1;
      if (isBlank(record)) continue;
      if (otherParseErrors.length) otherParseErrors.splice(0).forEach((e) => addError(e));
      if (!header) {
        header = checkHeader(record, schema, fileKey);
        view = new CsvRecordView(new Map(header.map((name, i) => [name, i])));
        continue;
      }
      // A row over several lines is legal (quoted newlines) but, when it fails, usually an unbalanced quote.
      const hint = spanned > 0 ? ` (this row spans lines ${line}–${line + spanned}; check for an unbalanced quote)` : '';
      if (record.length !== header.length) {
        addError({ line, column: null, reason: `has ${record.length} fields but the header has ${header.length}${hint}` });
      } else {
        const mapped = schema.mapRow(view!.reset(record));
        if ('row' in mapped) {
          batch.rows.push(mapped.row);
          progress.rowsAccepted++;
        } else {
          // One rejected row, however many of its fields are wrong; each field is still listed.
          mapped.errors.forEach((e, i) => addError({ line, column: e.column, reason: e.reason + hint }, i === 0));
        }
      }
      if (batch.rows.length + batch.errors.length >= batchSize) {
        yield snapshot();
        yielded = true;
        batch = { rows: [], errors: [] };
      }
    }
  } finally {
    // Also runs when the consumer abandons the file mid-way: release the file handle and the parser.
    if (!input.destroyed) input.destroy();
    if (!parser.destroyed) parser.destroy();
  }
  otherParseErrors.splice(0).forEach((e) => addError(e));
  if (stopped) {
    addError({
      line: nextLine,
      column: null,
      reason: `a record longer than ${maxRecordBytes} bytes starts here (usually an unclosed quote); reading stopped, nothing after line ${nextLine - 1} was imported`,
    });
  } else if (unclosedQuoteAtLine !== undefined) {
    addError({
      line: nextLine,
      column: null,
      reason: `a quoted field opened here is never closed; lines ${nextLine}–${Math.max(nextLine, unclosedQuoteAtLine)} were not imported`,
    });
  }
  if (!header) throw new CsvHeaderError(fileKey, { empty: true }, expectedHeader(schema));
  if (unlistedErrors > 0) {
    batch.errors.push({ line: 0, column: null, reason: `${unlistedErrors} more rejected row(s) not listed (limit ${maxListedErrors})` });
  }
  if (!yielded || batch.rows.length > 0 || batch.errors.length > 0) yield snapshot();
}

function checkHeader(record: string[], schema: CsvSchema<unknown>, fileKey: string): string[] {
  const names = record.map(normalizeHeader);
  const known = new Set([...schema.required, ...schema.optional]);
  const missing = schema.required.filter((name) => !names.includes(name));
  const unknown = record.filter((_, i) => !known.has(names[i]));
  const duplicate = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
  if (missing.length || unknown.length || duplicate.length) {
    throw new CsvHeaderError(fileKey, { missing, unknown, duplicate }, expectedHeader(schema));
  }
  return names;
}

function expectedHeader(schema: CsvSchema<unknown>): string {
  return [...schema.required, ...schema.optional.map((c) => `[${c}]`)].join(', ');
}
