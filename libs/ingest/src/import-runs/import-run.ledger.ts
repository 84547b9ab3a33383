import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rawQuery, rowDate, TransactionRunner } from '@o2o/persistence';
import { uuidV7LowerBound } from '../shared/uuid-v7';
import { rowBoolean } from '../storage/bulk-sql';
import { ImportRunStatus } from './import-run.entity';

/** A run whose owner has not written a heartbeat for this long is taken to be dead (another host's crash). */
export const IMPORT_RUN_STALE_MS = 2 * 60_000;

export interface ImportRunRecord {
  id: string;
  tenantId: string;
  kind: string;
  fileKey: string;
  sinceEventId: string;
  learnerIndexDeferred: boolean;
  ownerHost: string;
  ownerPid: number;
  heartbeatAt: Date;
}

const COLUMNS = '"id", "tenantId", "kind", "fileKey", "sinceEventId", "learnerIndexDeferred", "ownerHost", "ownerPid", "heartbeatAt"';

/**
 * Durable bookkeeping of bulk imports (ingest_import_run): started before the first event is written, beating
 * while the import runs, closed when its deferred work is done. Whatever is still `running` after its owner is gone
 * is what ImportRunRecovery finishes.
 */
@Injectable()
export class ImportRunLedger {
  private readonly host = hostname().slice(0, 200);
  /** Runs of this process still open: a run with this host and pid but not in here is a previous incarnation's. */
  private readonly own = new Set<string>();

  constructor(private readonly tx: TransactionRunner) {}

  async start(tenantId: string, kind: string, fileKey: string, now: Date): Promise<ImportRunRecord> {
    const run: ImportRunRecord = {
      id: randomUUID(), tenantId, kind, fileKey: fileKey.slice(0, 200), sinceEventId: uuidV7LowerBound(now.getTime()),
      learnerIndexDeferred: false, ownerHost: this.host, ownerPid: process.pid, heartbeatAt: now,
    };
    await this.tx.writeSql(`INSERT INTO "ingest_import_run" (${COLUMNS}, "status", "startedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)`,
      [run.id, tenantId, kind, run.fileKey, run.sinceEventId, false, run.ownerHost, run.ownerPid, now, now]);
    this.own.add(run.id);
    return run;
  }

  /** Inside the transaction that drops the index, so the drop and its record commit together. */
  async markLearnerIndexDeferred(m: EntityManager, run: ImportRunRecord): Promise<void> {
    await rawQuery(m, 'UPDATE "ingest_import_run" SET "learnerIndexDeferred" = ? WHERE "id" = ?', [true, run.id]);
    run.learnerIndexDeferred = true;
  }

  async heartbeat(run: ImportRunRecord, now: Date): Promise<void> {
    await this.tx.writeSql('UPDATE "ingest_import_run" SET "heartbeatAt" = ? WHERE "id" = ? AND "status" = ?', [now, run.id, 'running']);
  }

  /** Closes a run (once: of two recoveries racing, the second changes nothing); in `m`'s transaction if given. */
  async close(run: ImportRunRecord, status: Exclude<ImportRunStatus, 'running'>, now: Date, m?: EntityManager): Promise<void> {
    this.own.delete(run.id);
    const sql = 'UPDATE "ingest_import_run" SET "status" = ?, "finishedAt" = ? WHERE "id" = ? AND "status" = ?';
    const params = [status, now, run.id, 'running'];
    if (m) await rawQuery(m, sql, params);
    else await this.tx.writeSql(sql, params);
  }

  /** The runs still open; read in `m`'s transaction if given. */
  async running(m?: EntityManager): Promise<ImportRunRecord[]> {
    const sql = `SELECT ${COLUMNS} FROM "ingest_import_run" WHERE "status" = ?`;
    const rows = m ? await rawQuery(m, sql, ['running']) : await this.tx.readSql<Record<string, unknown>>(sql, ['running']);
    return rows.map((r) => ({
      id: r.id as string, tenantId: r.tenantId as string, kind: r.kind as string, fileKey: r.fileKey as string,
      sinceEventId: r.sinceEventId as string, learnerIndexDeferred: rowBoolean(r.learnerIndexDeferred) === true,
      ownerHost: r.ownerHost as string, ownerPid: Number(r.ownerPid), heartbeatAt: rowDate(r.heartbeatAt),
    }));
  }

  /** Whether the process that owns a run is gone: same host and no such process, or no heartbeat for too long. */
  isAbandoned(run: ImportRunRecord, now: Date): boolean {
    if (this.own.has(run.id)) return false;
    // A container restarts with the same pid: a run of this host and pid that is not ours is a dead incarnation's.
    if (run.ownerHost === this.host && (run.ownerPid === process.pid || !processAlive(run.ownerPid))) return true;
    return now.getTime() - run.heartbeatAt.getTime() > IMPORT_RUN_STALE_MS;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
