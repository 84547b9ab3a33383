import { CsvBatch, CsvProgress } from '../csv/csv-batch.reader';
import { NormalizedCourseOutcome } from '../csv/course-outcome';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { eventKey, InsertedEvents } from '../storage/learning-event.session';
import { CsvImportKind, CsvImportSummary } from './csv-import.summary';

export type CsvRow = NormalizedLearningEvent | NormalizedCourseOutcome;

export interface CsvImportOptions {
  /** The platform the file's learner ids belong to (the LMS base URL = its LTI issuer). */
  issuer: string;
  /** Names the file in the summary and in errors. */
  fileKey: string;
  naiveTimesAreUtc?: boolean;
  /** Rows per transaction. Default 50,000 on SQLite, 2,000 on PostgreSQL (CsvImportService). */
  batchSize?: number;
  /** Row errors listed in the summary (all are counted). Default 100. */
  maxListedErrors?: number;
  /** After each committed transaction, with the parser's cumulative progress. */
  onProgress?(progress: CsvProgress, summary: CsvImportSummary): void;
}

/** The running summary of one file's import: rows seen, imported, duplicates, rejected, first errors. */
export class CsvImportRun {
  readonly maxListed: number;
  private readonly started = Date.now();
  private readonly summary: CsvImportSummary;
  private progress: CsvProgress = { bytesRead: 0, linesRead: 0, rowsAccepted: 0, rowsRejected: 0 };

  constructor(
    readonly kind: CsvImportKind,
    private readonly options: CsvImportOptions,
  ) {
    this.maxListed = options.maxListedErrors ?? 100;
    this.summary = {
      file: options.fileKey, kind, rows: 0, imported: 0, duplicates: 0, rejected: 0, errors: [], learnersCreated: 0, batches: 0, seconds: 0,
    };
  }

  /** A parsed chunk: its errors and the parser's progress. */
  accept(chunk: CsvBatch<CsvRow>): void {
    for (const error of chunk.errors) if (this.summary.errors.length < this.maxListed) this.summary.errors.push(error);
    this.progress = chunk.progress;
    this.summary.rows = chunk.progress.rowsAccepted + chunk.progress.rowsRejected;
    this.summary.rejected = chunk.progress.rowsRejected;
  }

  /** Which of a chunk's rows were new; an outcome row counts as new when its result event is. */
  count(rows: CsvRow[], inserted: InsertedEvents): void {
    if (this.kind === 'events') {
      this.summary.imported += inserted.size;
      this.summary.duplicates += rows.length - inserted.size;
      return;
    }
    for (const row of rows as NormalizedCourseOutcome[]) {
      if (inserted.has(eventKey({ source: 'csv', sourceId: `${row.sourceId}:result` }))) this.summary.imported++;
      else this.summary.duplicates++;
    }
  }

  committed(learnersCreated: number): void {
    this.summary.batches++;
    this.summary.learnersCreated += learnersCreated;
    this.options.onProgress?.(this.progress, this.summary);
  }

  finish(): CsvImportSummary {
    this.summary.seconds = Math.round((Date.now() - this.started) / 10) / 100;
    return this.summary;
  }
}
