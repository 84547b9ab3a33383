import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '@o2o/persistence';
import { LtiSessionService, NewLtiSession } from '../app/lti-session.service';
import { PooledSql } from '../app/pooled-sql.executor';
import type { LtiSession } from '../entities/lti-session.entity';
import type { DeferredStoreWrite } from '../ltijs/lti-request.scope';
import { TypeormLtijsStore } from '../ltijs/typeorm-ltijs.store';

const COLUMNS = '("id", "collection", "data", "createdAt", "expiresAt")';

export interface LaunchWritten {
  token: string;
  session: LtiSession;
  /** The rows of the `read` statement, when it ran in the same round trip as the write (PostgreSQL). */
  read?: Array<Record<string, unknown>>;
}

/**
 * Writes everything a launch stores, atomically: the nonce's single use (a plain insert: a replay fails the whole
 * write), ltijs' launch records and our session. On SQLite that is one transaction in the write queue; on
 * PostgreSQL one statement with writable CTEs, which is atomic by itself and costs one round trip instead of five,
 * and whose final SELECT can be the course page's own read (it sees the data as of before the launch's writes,
 * which the page does not read).
 */
@Injectable()
export class LaunchWriter {
  private readonly postgres: boolean;
  private readonly sql: PooledSql;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly store: TypeormLtijsStore,
    private readonly sessions: LtiSessionService,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
    this.sql = new PooledSql(dataSource);
  }

  async write(records: DeferredStoreWrite[], input: NewLtiSession, read?: { sql: string; params: unknown[] }): Promise<LaunchWritten> {
    if (!this.postgres) {
      return this.tx.run(async (m) => {
        await this.store.recordRepository.writeAll(records, m);
        return this.sessions.create(m, input);
      });
    }
    const prepared = this.sessions.prepare(input);
    const parts: string[] = [];
    const params: unknown[] = [];
    const values = (rows: DeferredStoreWrite[]) => {
      for (const r of rows) params.push(r.id, r.collection, r.data, r.createdAt, r.expiresAt);
      return rows.map(() => '(?, ?, ?, ?, ?)').join(', ');
    };
    const once = records.filter((r) => r.insertOnly);
    const upserts = records.filter((r) => !r.insertOnly);
    if (once.length) parts.push(`single_use AS (INSERT INTO "lti_store_record" ${COLUMNS} VALUES ${values(once)})`);
    if (upserts.length) {
      parts.push(`launch_records AS (INSERT INTO "lti_store_record" ${COLUMNS} VALUES ${values(upserts)} ON CONFLICT ("id") DO UPDATE ` +
        'SET "data" = excluded."data", "createdAt" = excluded."createdAt", "expiresAt" = excluded."expiresAt")');
    }
    parts.push(`course_page AS (${prepared.sql})`);
    params.push(...prepared.params);
    if (read) params.push(...read.params);
    const rows = await this.sql.query<Record<string, unknown>>(`WITH ${parts.join(', ')} ${read ? read.sql : 'SELECT 1 AS "ok"'}`, params);
    return { token: prepared.token, session: prepared.session, read: read ? rows : undefined };
  }
}
