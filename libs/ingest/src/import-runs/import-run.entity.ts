import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ImportRunStatus = 'running' | 'done' | 'recovered';

/**
 * One bulk import (a CSV file), kept so that work deferred to its end is never lost. A bulk import writes events
 * only; learner aggregates (and, on SQLite, the per-learner event index) are brought up to date when it ends. If
 * the process dies first, the run stays `running` and ImportRunRecovery finishes that work for it: every learner
 * with an event whose id (time-ordered) is at or after `sinceEventId` is rebuilt from the stored events.
 */
@Entity('ingest_import_run')
@Index(['status'])
export class ImportRun {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 16 }) kind: string;
  @Column('varchar', { length: 200 }) fileKey: string;
  @Column('varchar', { length: 16 }) status: ImportRunStatus;
  /** Lower bound of the ids of events this run may have written (uuid v7 of its start, random part zero). */
  @Column('varchar', { length: 36 }) sinceEventId: string;
  /** True once this run dropped the learner index of learning_event (SQLite) for the import's duration. */
  @Column('boolean') learnerIndexDeferred: boolean;
  /** Who runs it: a run whose process is gone (same host) or whose heartbeat stopped is recovered. */
  @Column('varchar', { length: 200 }) ownerHost: string;
  @Column('integer') ownerPid: number;
  @Column() startedAt: Date;
  @Column() heartbeatAt: Date;
  @Column({ type: Date, nullable: true }) finishedAt: Date | null;
}
