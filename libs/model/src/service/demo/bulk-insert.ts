import type { EntityManager } from 'typeorm';
import { rawQuery } from '@o2o/persistence';

/** Rows per statement: stays below SQLite's and PostgreSQL's bound-parameter limits for tables of ~25 columns. */
const ROWS_PER_STATEMENT = 400;

/** Multi-row INSERTs for history imports, where one statement per row would dominate the run time. */
export async function bulkInsert(m: EntityManager, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    await rawQuery(m, head + chunk.map(() => tuple).join(', '), chunk.flat());
  }
}
