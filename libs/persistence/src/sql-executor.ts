import type { EntityManager } from 'typeorm';
import { rawQuery } from './raw-sql';

/**
 * Runs `?`-placeholder SQL inside a unit of work, on either database. Hot paths use it instead of the ORM.
 * Example: `const [row] = await sql.query<{ n: number }>('SELECT COUNT(*) AS "n" FROM "booking" WHERE "id" = ?', [id])`.
 */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs writes that return nothing, in order, in as few round trips as the database allows (on PostgreSQL one
   * statement of data-modifying CTEs). They share one snapshot there, so they must not depend on each other's rows.
   * Example: `await sql.writeAll([{ sql: 'INSERT INTO "a" ("id") VALUES (?)', params: [id] }, { sql: 'UPDATE "b" …', params }])`.
   */
  writeAll(statements: SqlStatement[]): Promise<void>;
  /** ' FOR UPDATE' on PostgreSQL, '' on SQLite (where the unit of work already holds the only write lock). */
  readonly forUpdate: string;
  /**
   * An ORM manager taking part in the same unit of work, for code that needs one (an outbox insert). On SQLite
   * it shares the single connection; use insert/update on it, never save() (which would open a nested transaction).
   */
  readonly manager: EntityManager;
}

export function executorFor(m: EntityManager): SqlExecutor {
  return {
    query: (sql, params = []) => rawQuery(m, sql, params),
    writeAll: async (statements) => {
      for (const { sql, params } of statements) await rawQuery(m, sql, params);
    },
    forUpdate: m.connection.options.type === 'postgres' ? ' FOR UPDATE' : '',
    manager: m,
  };
}

export function isSqlExecutor(x: unknown): x is SqlExecutor {
  return typeof (x as SqlExecutor)?.query === 'function' && typeof (x as SqlExecutor).forUpdate === 'string';
}
