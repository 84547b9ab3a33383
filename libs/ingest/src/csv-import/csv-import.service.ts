import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock, DomainEventBus, TenantService } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import { CsvBatch } from '../csv/csv-batch.reader';
import { NormalizedCourseOutcome } from '../csv/course-outcome';
import { courseOutcomeToEvents } from '../csv/course-outcome.converter';
import { parseCsvInWorker } from '../csv/csv-parse.thread';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { isPostgres } from '../storage/bulk-sql';
import { LearnerIdCache } from '../storage/learner-id.cache';
import { LearningEventStore } from '../storage/learning-event.store';
import { CsvImportOptions, CsvImportRun, CsvRow } from './csv-import.run';
import { ImportAggregateFold } from '../import-runs/import-aggregate.fold';
import { ImportRunFinalizer } from '../import-runs/import-run.finalizer';
import { ImportRunLedger, ImportRunRecord } from '../import-runs/import-run.ledger';
import { ImportRunRecovery } from '../import-runs/import-run.recovery';
import { LearnerIndexDeferral } from '../import-runs/learner-index.deferral';
import { CsvImportKind, CsvImportSummary } from './csv-import.summary';
import { SqliteImportPragmas, withSqliteImportPragmas } from './sqlite-import.pragmas';

export type { CsvImportOptions } from './csv-import.run';

/**
 * Rows parsed (and written) at a time: small enough that a chunk's objects die young, so memory stays flat. 250
 * rather than 500: fewer of a chunk's rows survive into the old generation while it is written (1M rows on SQLite,
 * five alternating pairs: 53-61k rows/s against 48-55k; 125 is no better).
 */
const CHUNK_ROWS = 250;
/** PostgreSQL transactions in flight during an import (each on its own pooled connection). */
const PIPELINE_DEPTH = 2;
/** Rows per SQLite transaction unless the caller says otherwise (see the README's measurements). */
export const DEFAULT_SQLITE_BATCH_ROWS = 50_000;
/**
 * Rows per PostgreSQL transaction unless the caller says otherwise (two are in flight). Small, because every row
 * of a transaction in flight stays alive until its commit: at 5,000 they outlived the young generation and the
 * collector spent a third of the import's time on them (1 M rows: 24-25k rows/s and 47 s CPU; 2,000: 28-29k, 40 s).
 */
export const DEFAULT_POSTGRES_BATCH_ROWS = 2_000;
const SQLITE_IMPORT_PRAGMAS: SqliteImportPragmas = { cacheKib: 12 * 1024, walAutocheckpointPages: 32_768, sorterThreads: 2 };
/** How often a running import tells other processes it is alive (see ImportRunLedger.isAbandoned). */
const HEARTBEAT_MS = 30_000;

/**
 * Streams a CSV history file into the database in transactional batches; malformed rows are reported and
 * skipped; re-importing a file inserts nothing twice. Memory stays flat: the parser reads with back-pressure and
 * hands over small chunks. Events are written without touching the learners' aggregates: the import's run
 * (ImportRunLedger) rebuilds those once, from the stored events, when the file is done — or recovery does, if the
 * process dies first. Aggregates of the file's learners therefore catch up when the import ends.
 * - SQLite (one in-process writer): a transaction takes `batchSize` rows (default 50,000), written chunk by chunk
 *   as they are parsed, and updates each touched learner's aggregate once at its end; fewer, larger commits are
 *   what the single writer needs (every commit rewrites the random-keyed learner index pages it touched). The
 *   import raises the connection's page cache and checkpoint interval while it runs (sqlite-import.pragmas.ts).
 * - PostgreSQL: one transaction per `batchSize` rows (default 2,000), two in flight while the next rows are
 *   parsed, each retried as a whole by TransactionRunner on a deadlock or serialization failure.
 */
@Injectable()
export class CsvImportService {
  private readonly logger = new Logger('CsvImportService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly bus: DomainEventBus,
    private readonly store: LearningEventStore,
    private readonly ledger: ImportRunLedger,
    private readonly finalizer: ImportRunFinalizer,
    private readonly recovery: ImportRunRecovery,
    private readonly learnerIndex: LearnerIndexDeferral,
    private readonly tenants: TenantService,
  ) {}

  async import(tenantId: string, kind: CsvImportKind, input: Readable, options: CsvImportOptions): Promise<CsvImportSummary> {
    const run = new CsvImportRun(kind, options);
    const parseOptions = {
      issuer: options.issuer, fileKey: options.fileKey, batchSize: Math.min(CHUNK_ROWS, Math.max(1, options.batchSize ?? CHUNK_ROWS)),
      naiveTimesAreUtc: options.naiveTimesAreUtc, maxListedErrors: Math.max(run.maxListed, 1),
    };
    const chunks = parseCsvInWorker<CsvRow>(input, { kind, options: parseOptions });
    const committed = new LearnerIdCache();
    await this.recovery.recoverAbandoned();
    const fold = new ImportAggregateFold((await this.tenants.resolve(tenantId)).timeZone);
    const ledgerRun = await this.ledger.start(tenantId, kind, options.fileKey, this.clock.now());
    const heartbeat = setInterval(() => { this.ledger.heartbeat(ledgerRun, this.clock.now()).catch(() => undefined); }, HEARTBEAT_MS);
    heartbeat.unref();
    const importAndFinish = async (write: () => Promise<void>) => {
      // The heartbeat lasts until the run is closed: the merge and the index build at the end can take minutes on a
      // large table, and a run without a fresh heartbeat would be finished by another process meanwhile.
      try {
        try {
          await write();
        } catch (error) {
          // What was committed before the failure still gets its aggregates (and the index back); the failure wins.
          // The fold may hold a rolled-back transaction's events: the stored events decide instead (rebuild). If even
          // that fails, the run stays 'running' and recovery finishes it once this process is gone.
          await this.finalizer.finish(ledgerRun, 'done').catch((finishError) => this.logger.warn(
            `import run ${ledgerRun.id} left for recovery after a failed import: ${(finishError as Error).message}`));
          throw error;
        }
        await this.finalizer.finish(ledgerRun, 'done', fold);
      } finally {
        clearInterval(heartbeat);
      }
    };
    if (this.tx.isSqlite) {
      await withSqliteImportPragmas(this.dataSource, SQLITE_IMPORT_PRAGMAS, () => importAndFinish(
        () => this.importInTransactions(tenantId, run, chunks, committed, options.batchSize ?? DEFAULT_SQLITE_BATCH_ROWS, ledgerRun, fold)));
    } else {
      await importAndFinish(() => this.importPipelined(tenantId, run, chunks, committed, options.batchSize ?? DEFAULT_POSTGRES_BATCH_ROWS, fold));
    }
    return run.finish();
  }

  private async importInTransactions(tenantId: string, run: CsvImportRun, chunks: AsyncGenerator<CsvBatch<CsvRow>>, committed: LearnerIdCache,
    rowsPerTransaction: number, ledgerRun: ImportRunRecord, fold: ImportAggregateFold) {
    let done = false;
    let rowsWritten = 0;
    try {
      while (!done) {
        const now = this.clock.now();
        let chunksRead = 0;
        // No retries on SQLite (one writer, no deadlocks), so the transaction may consume the stream itself.
        const finished = await this.tx.run(async (m) => {
          await this.deferLearnerIndexIfWorthIt(m, ledgerRun, rowsWritten);
          // Facts go straight into the run's fold: nothing is retried on SQLite, and a failure discards the fold.
          const session = await this.store.begin(m, tenantId, now, committed, fold);
          for (let rows = 0; rows < rowsPerTransaction;) {
            const next = await chunks.next();
            if (next.done) {
              done = true;
              break;
            }
            chunksRead++;
            run.accept(next.value);
            rows += next.value.rows.length;
            rowsWritten += next.value.rows.length;
            run.count(next.value.rows, (await session.add(this.toEvents(run.kind, next.value.rows, now))).inserted);
          }
          return session.finish();
        });
        committed.addAll(finished.learnerIds);
        if (chunksRead > 0) run.committed(finished.learnersCreated);
        if (finished.domainEvent) await this.bus.publish([finished.domainEvent]);
      }
    } finally {
      // Closes the parser and the input when a transaction failed half-way through the file.
      if (!done) await chunks.return(undefined);
    }
  }

  private async deferLearnerIndexIfWorthIt(m: EntityManager, ledgerRun: ImportRunRecord, rowsWritten: number): Promise<void> {
    if (ledgerRun.learnerIndexDeferred || !this.learnerIndex.supported) return;
    // Dropped by another run that is still importing: this run must not build it again before that one ends either.
    const missing = !(await this.learnerIndex.exists(m));
    if (!missing && !(await this.learnerIndex.worthDeferring(m, rowsWritten))) return;
    if (!missing) await this.learnerIndex.drop(m);
    await this.ledger.markLearnerIndexDeferred(m, ledgerRun);
  }

  private async importPipelined(tenantId: string, run: CsvImportRun, chunks: AsyncGenerator<CsvBatch<CsvRow>>, committed: LearnerIdCache,
    rowsPerTransaction: number, fold: ImportAggregateFold) {
    const writing = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    let pending: CsvRow[] = [];
    const flush = async () => {
      // At most PIPELINE_DEPTH transactions are being written while the next rows are parsed: the server works
      // on one core, this process on the other, and memory holds only those few batches.
      while (writing.size >= PIPELINE_DEPTH) await Promise.race(writing);
      if (failure) throw failure.error;
      const rows = pending;
      pending = [];
      // Caught at once: a rejection left pending while the next chunk parses would be reported as unhandled.
      const write: Promise<void> = this.writeChunk(tenantId, run, rows, committed, fold)
        .catch((error) => { failure ??= { error }; })
        .finally(() => writing.delete(write));
      writing.add(write);
    };
    try {
      for await (const chunk of chunks) {
        run.accept(chunk);
        for (const row of chunk.rows) pending.push(row);
        if (pending.length >= rowsPerTransaction) await flush();
      }
      if (pending.length) await flush();
    } finally {
      // Also when the input failed: the caller learns the outcome only after the transactions in flight ended.
      await Promise.all(writing);
    }
    if (failure) throw failure.error;
  }

  private async writeChunk(tenantId: string, run: CsvImportRun, rows: CsvRow[], committed: LearnerIdCache, fold: ImportAggregateFold): Promise<void> {
    if (rows.length === 0) return;
    const now = this.clock.now();
    const events = this.toEvents(run.kind, rows, now);
    const result = await this.tx.run(async (m) => {
      // A bulk load need not wait for each commit's WAL flush: a crash can lose only the last chunks, which are
      // committed-or-not atomically and imported by running the file again (nothing is doubled).
      if (isPostgres(m)) await m.query('SET LOCAL synchronous_commit TO OFF');
      // Facts come back and are folded after the commit: a retried attempt must not count twice.
      return this.store.store(m, tenantId, events, now, committed, 'return');
    });
    committed.addAll(result.learnerIds);
    fold.absorb(result.deferredFacts);
    run.count(rows, result.inserted);
    run.committed(result.learnersCreated);
    if (result.domainEvent) await this.bus.publish([result.domainEvent]);
  }

  private toEvents(kind: CsvImportKind, rows: CsvRow[], now: Date): NormalizedLearningEvent[] {
    return kind === 'events'
      ? (rows as NormalizedLearningEvent[])
      : (rows as NormalizedCourseOutcome[]).flatMap((o) => courseOutcomeToEvents(o, now));
  }
}
