import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rawQuery, TransactionRunner } from '@o2o/persistence';

export const LEARNER_INDEX = 'IDX_learning_event_tenantId_learnerId_occurredAt';
/** Exactly the migration's index (1733300000400-ingest-schema), so a restored database equals a migrated one. */
const CREATE_LEARNER_INDEX = `CREATE INDEX IF NOT EXISTS "${LEARNER_INDEX}" ON "learning_event" ("tenantId", "learnerId", "occurredAt")`;
/**
 * Keeping the index costs a bulk import about 15–25 µs per row on SQLite (its keys are random: a file interleaves
 * its learners, so every commit rewrites most of the index's pages); building it afresh costs about 3 µs per row of
 * the whole table. Dropping it pays once the import is about a fifth of the table, its own rows included: decided at every
 * transaction with what was imported so far (a ski-rental rule, never worse than twice the better choice).
 */
const TABLE_ROWS_PER_IMPORTED_ROW = 5;
/** What a run is assumed to write next before it has shown more: one parse chunk, so a small file never drops it. */
const LOOKAHEAD_ROWS = 500;

/**
 * SQLite only: the per-learner index of learning_event is dropped while a large import runs and built again by
 * one sort at its end (ImportRunFinalizer). Queries stay correct without it (they scan); the drop commits with the
 * run's record, so a crash leaves a run that ImportRunRecovery finishes by building the index again.
 */
@Injectable()
export class LearnerIndexDeferral {
  constructor(private readonly tx: TransactionRunner) {}

  get supported(): boolean {
    return this.tx.isSqlite;
  }

  /**
   * Whether to drop the index before the run's next transaction, `importedRows` having been written already: a
   * run keeps it until what it has written shows the import is big against the table (an empty table: at once).
   */
  async worthDeferring(m: EntityManager, importedRows: number): Promise<boolean> {
    if (!this.supported) return false;
    const [{ n }] = await rawQuery<{ n: number | null }>(m, 'SELECT MAX(rowid) AS "n" FROM "learning_event"');
    return (importedRows + LOOKAHEAD_ROWS) * TABLE_ROWS_PER_IMPORTED_ROW >= Number(n ?? 0);
  }

  async exists(m?: EntityManager): Promise<boolean> {
    const sql = `SELECT 1 AS "x" FROM "sqlite_master" WHERE "type" = 'index' AND "name" = ?`;
    const rows = m ? await rawQuery(m, sql, [LEARNER_INDEX]) : await this.tx.readSql(sql, [LEARNER_INDEX]);
    return rows.length > 0;
  }

  /** In the caller's transaction (DDL is transactional on SQLite). */
  async drop(m: EntityManager): Promise<void> {
    await rawQuery(m, `DROP INDEX IF EXISTS "${LEARNER_INDEX}"`);
  }

  /** Builds the index if it is missing: one sort of the table, in `m`'s transaction (or its own), holding the write queue. */
  async restore(m?: EntityManager): Promise<boolean> {
    if (!this.supported || (await this.exists(m))) return false;
    if (m) await rawQuery(m, CREATE_LEARNER_INDEX);
    else await this.tx.run((t) => rawQuery(t, CREATE_LEARNER_INDEX));
    return true;
  }
}
