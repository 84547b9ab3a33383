import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@o2o/persistence';
import { LtiSessionService, NewLtiSession } from '../app/lti-session.service';
import type { LtiSession } from '../entities/lti-session.entity';
import type { DeferredStoreWrite } from '../ltijs/lti-request.scope';

const COLUMNS = '("id", "collection", "data", "createdAt", "expiresAt")';

export interface LaunchWritten {
  token: string;
  session: LtiSession;
  /** The rows of the `read` statement, read in the same unit of work as the write. */
  read?: Array<Record<string, unknown>>;
}

/**
 * Writes everything a launch stores, atomically: the nonce's single use (a plain insert: a replay fails the whole
 * write), ltijs' launch records and our session. On SQLite that is one transaction in the write queue, straight on
 * the connection; on PostgreSQL one statement with writable CTEs, which is atomic by itself and costs one round trip
 * instead of five. Either way the course page's own read (`read`) comes back with it: on PostgreSQL as the
 * statement's final SELECT, which sees the data as of before the launch's writes (the page does not read them).
 */
@Injectable()
export class LaunchWriter {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly sessions: LtiSessionService,
  ) {}

  async write(records: DeferredStoreWrite[], input: NewLtiSession, read?: { sql: string; params: unknown[] }): Promise<LaunchWritten> {
    const prepared = this.sessions.prepare(input);
    const once = records.filter((r) => r.insertOnly);
    const upserts = records.filter((r) => !r.insertOnly);
    const { token, session } = prepared;
    if (this.tx.isSqlite) {
      // Straight on the connection (statement cache, no ORM query runner), in the single SQLite write queue.
      return this.tx.runSql(async (sql) => {
        for (const r of once) await sql.query(`INSERT INTO "lti_store_record" ${COLUMNS} VALUES ${ROW}`, rowParams(r));
        if (upserts.length) await sql.query(upsert(upserts.length), upserts.flatMap(rowParams));
        await sql.query(prepared.sql, prepared.params);
        return { token, session, read: read ? await sql.query<Record<string, unknown>>(read.sql, read.params) : undefined };
      });
    }
    const parts: string[] = [];
    const params: unknown[] = [];
    if (once.length) {
      parts.push(`single_use AS (INSERT INTO "lti_store_record" ${COLUMNS} VALUES ${once.map(() => ROW).join(', ')})`);
      params.push(...once.flatMap(rowParams));
    }
    if (upserts.length) {
      parts.push(`launch_records AS (${upsert(upserts.length)})`);
      params.push(...upserts.flatMap(rowParams));
    }
    parts.push(`course_page AS (${prepared.sql})`);
    params.push(...prepared.params);
    if (read) params.push(...read.params);
    const rows = await this.tx.readSql<Record<string, unknown>>(`WITH ${parts.join(', ')} ${read ? read.sql : 'SELECT 1 AS "ok"'}`, params);
    return { token, session, read: read ? rows : undefined };
  }
}

const ROW = '(?, ?, ?, ?, ?)';
const rowParams = (r: DeferredStoreWrite) => [r.id, r.collection, r.data, r.createdAt, r.expiresAt];
const upsert = (rows: number) => `INSERT INTO "lti_store_record" ${COLUMNS} VALUES ${Array.from({ length: rows }, () => ROW).join(', ')} ` +
  'ON CONFLICT ("id") DO UPDATE SET "data" = excluded."data", "createdAt" = excluded."createdAt", "expiresAt" = excluded."expiresAt"';
