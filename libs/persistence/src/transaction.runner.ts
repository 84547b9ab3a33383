import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { PgClient, PgDirectExecutor } from './pg-direct.executor';
import { SqlExecutor } from './sql-executor';
import { BetterSqliteDatabase, SqliteDirectExecutor } from './sqlite-direct.executor';

/**
 * Runs units of work atomically on both databases.
 *
 * TypeORM 1.x on better-sqlite3 shares one connection between concurrent `transaction()` calls, so on SQLite
 * every write transaction goes through one in-process queue. PostgreSQL gets real concurrent transactions with
 * row locks (see `lockForUpdate`) and a retry on serialization failures and deadlocks.
 */
@Injectable()
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private direct: SqliteDirectExecutor | null = null;
  readonly isSqlite: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.isSqlite = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.withRetry(() => this.dataSource.transaction(work));
    const result = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * A unit of work in plain SQL, for hot paths. On SQLite it talks to the connection directly (inside the same
   * write queue as `run`); on PostgreSQL it is an ordinary transaction whose statements go straight to the pooled
   * connection as prepared statements (retried like `run`). Example:
   * `await tx.runSql((sql) => sql.query('UPDATE "offline_session" SET "revision" = "revision" + 1 WHERE "id" = ?', [id]))`.
   */
  runSql<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.withRetry(() => this.runPgSql(work));
    const result = this.queue.then(async () => {
      const direct = this.sqliteDirect();
      direct.querySync('BEGIN IMMEDIATE');
      try {
        const value = await work(direct);
        direct.querySync('COMMIT');
        return value;
      } catch (err) {
        direct.querySync('ROLLBACK');
        throw err;
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * One read outside any unit of work, straight to the driver (pooled connection and named prepared statement on
   * PostgreSQL, cached statement on SQLite): for hot lookups. On SQLite it bypasses the write queue, so writes go
   * through `writeSql` or `runSql`; on PostgreSQL one statement with writable CTEs may come here for its rows (it is
   * atomic by itself). Example:
   * `const rows = await tx.readSql('SELECT 1 AS "found" FROM "learner" WHERE "id" = ?', [id])`.
   */
  async readSql<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.isSqlite) return this.sqliteDirect().querySync<T>(sql, params);
    return this.pgDirect().query<T>(sql, params);
  }

  /**
   * Like `readSql`, with each row as an array of its column values in SELECT order: for reads of hundreds of rows
   * on hot paths (suggestion candidates), where the driver's one object per row is the larger part of the cost.
   * Example: `const rows = await tx.readSqlRows('SELECT "id", "topic" FROM "offline_session" WHERE "tenantId" = ?', [t])`.
   */
  async readSqlRows(sql: string, params: unknown[] = []): Promise<unknown[][]> {
    if (this.isSqlite) return this.sqliteDirect().rowsSync(sql, params);
    return this.pgDirect().rows(sql, params);
  }

  /**
   * One write statement on its own (atomic as any statement), answering how many rows it changed: autocommit on a
   * pooled PostgreSQL connection as a named prepared statement; on SQLite inside the write queue, so it never lands
   * in another unit of work's open transaction on the shared connection. Example (compare-and-set):
   * `const changed = await tx.writeSql('UPDATE "x" SET "v" = ? WHERE "id" = ? AND "v" = ?', [next, id, seen])`.
   */
  async writeSql(sql: string, params: unknown[] = []): Promise<number> {
    if (this.isSqlite) return this.runSql(async () => this.sqliteDirect().runSync(sql, params));
    return (await this.pgDirect().execute(sql, params)).rowCount ?? 0;
  }

  /** Takes a row lock on PostgreSQL; on SQLite the write queue already serialises the unit of work. */
  lockForUpdate<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): SelectQueryBuilder<E> {
    return this.isSqlite ? qb : qb.setLock('pessimistic_write');
  }

  /** Statements on the PostgreSQL pool itself: each call takes a pooled connection for one statement. */
  private pgDirect(): PgDirectExecutor {
    return new PgDirectExecutor((this.dataSource.driver as unknown as { master: PgClient }).master, this.dataSource.manager);
  }

  private sqliteDirect(): SqliteDirectExecutor {
    return (this.direct ??= new SqliteDirectExecutor(
      (this.dataSource.driver as unknown as { databaseConnection: BetterSqliteDatabase }).databaseConnection,
      this.dataSource.manager,
    ));
  }

  private async runPgSql<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PgClient;
      // The runner's own BEGIN/COMMIT keep its transaction bookkeeping right for ORM calls made through `manager`.
      await runner.startTransaction();
      try {
        const value = await work(new PgDirectExecutor(client, runner.manager));
        await runner.commitTransaction();
        return value;
      } catch (err) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  /** Runs a whole transaction again on serialization failures and deadlocks (PostgreSQL). */
  private async withRetry<T>(transaction: () => Promise<T>, attempt = 1): Promise<T> {
    try {
      return await transaction();
    } catch (err) {
      const code = (err as { code?: string; driverError?: { code?: string } }).driverError?.code ??
        (err as { code?: string }).code;
      if ((code === '40001' || code === '40P01') && attempt < 5) {
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
        return this.withRetry(transaction, attempt + 1);
      }
      throw err;
    }
  }
}
