import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Clock, DomainEventBus } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import { isPostgres } from '../storage/bulk-sql';
import { CsvBatch, CsvProgress } from '../csv/csv-batch.reader';
import { NormalizedCourseOutcome } from '../csv/course-outcome';
import { courseOutcomeToEvents } from '../csv/course-outcome.converter';
import { parseEventsCsv } from '../csv/events-csv.parser';
import { parseOutcomesCsv } from '../csv/outcomes-csv.parser';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { LearnerIdCache } from '../storage/learner-id.cache';
import { eventKey, LearningEventStore } from '../storage/learning-event.store';
import { CsvImportKind, CsvImportSummary } from './csv-import.summary';

export interface CsvImportOptions {
  /** The platform the file's learner ids belong to (the LMS base URL = its LTI issuer). */
  issuer: string;
  /** Names the file in the summary and in errors. */
  fileKey: string;
  naiveTimesAreUtc?: boolean;
  /** Rows per transaction. Default 2000. */
  batchSize?: number;
  /** Row errors listed in the summary (all are counted). Default 100. */
  maxListedErrors?: number;
  onProgress?(progress: CsvProgress, summary: CsvImportSummary): void;
}

type Row = NormalizedLearningEvent | NormalizedCourseOutcome;

/**
 * Streams a CSV history file into the database: the parser reads with back-pressure and hands over one batch at
 * a time, each batch is one transaction (pseudonymise, insert, aggregate), malformed rows are reported and
 * skipped. While one batch is being written the next is parsed (PostgreSQL writes in its own process), but
 * never more than one batch waits, so memory stays flat. Re-importing a file inserts nothing twice.
 */
@Injectable()
export class CsvImportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly bus: DomainEventBus,
    private readonly store: LearningEventStore,
  ) {}

  async import(tenantId: string, kind: CsvImportKind, input: Readable, options: CsvImportOptions): Promise<CsvImportSummary> {
    const started = Date.now();
    const maxListed = options.maxListedErrors ?? 100;
    const summary: CsvImportSummary = {
      file: options.fileKey, kind, rows: 0, imported: 0, duplicates: 0, rejected: 0, errors: [], learnersCreated: 0, batches: 0, seconds: 0,
    };
    const parseOptions = {
      issuer: options.issuer, fileKey: options.fileKey, batchSize: options.batchSize ?? 2000,
      naiveTimesAreUtc: options.naiveTimesAreUtc, maxListedErrors: Math.max(maxListed, 1),
    };
    const batches: AsyncGenerator<CsvBatch<Row>> = kind === 'events' ? parseEventsCsv(input, parseOptions) : parseOutcomesCsv(input, parseOptions);
    const cache = new LearnerIdCache();
    let writing: Promise<void> | undefined;
    let failure: { error: unknown } | undefined;
    for await (const batch of batches) {
      if (writing) await writing;
      if (failure) throw failure.error;
      for (const error of batch.errors) if (summary.errors.length < maxListed) summary.errors.push(error);
      summary.rows = batch.progress.rowsAccepted + batch.progress.rowsRejected;
      summary.rejected = batch.progress.rowsRejected;
      const progress = batch.progress;
      // Caught at once: a rejection left pending while the next batch parses would be reported as unhandled.
      writing = this.writeBatch(tenantId, kind, batch.rows, cache, summary)
        .then(() => options.onProgress?.(progress, summary), (error) => { failure = { error }; });
    }
    if (writing) await writing;
    if (failure) throw failure.error;
    summary.seconds = Math.round((Date.now() - started) / 10) / 100;
    return summary;
  }

  private async writeBatch(tenantId: string, kind: CsvImportKind, rows: Row[], cache: LearnerIdCache, summary: CsvImportSummary): Promise<void> {
    summary.batches++;
    if (rows.length === 0) return;
    const now = this.clock.now();
    const events = kind === 'events'
      ? (rows as NormalizedLearningEvent[])
      : (rows as NormalizedCourseOutcome[]).flatMap((o) => courseOutcomeToEvents(o, now));
    const result = await this.tx.run(async (m) => {
      // A bulk load need not wait for each batch's WAL flush: a crash can lose only the last batches, which are
      // committed-or-not atomically and re-imported as new by running the file again (nothing is doubled).
      if (isPostgres(m)) await m.query('SET LOCAL synchronous_commit TO OFF');
      return this.store.store(m, tenantId, events, now, cache);
    });
    cache.addAll(result.learnerIds);
    summary.learnersCreated += result.learnersCreated;
    if (kind === 'events') {
      summary.imported += result.inserted.size;
      summary.duplicates += rows.length - result.inserted.size;
    } else {
      // An outcome row counts as imported when its result event is new (the rating event follows it).
      for (const row of rows as NormalizedCourseOutcome[]) {
        if (result.inserted.has(eventKey({ source: 'csv', sourceId: `${row.sourceId}:result` }))) summary.imported++;
        else summary.duplicates++;
      }
    }
    if (result.domainEvent) await this.bus.publish([result.domainEvent]);
  }
}
