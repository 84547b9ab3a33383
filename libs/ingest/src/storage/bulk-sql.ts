import type { EntityManager } from 'typeorm';
import { rawQuery } from '@o2o/persistence';

/** PostgreSQL allows 65,535 bind parameters and SQLite 32,766 per statement; stay well under both. */
const MAX_PARAMS = 30_000;
/** A few fixed chunk sizes keep the prepared-statement cache of better-sqlite3 warm across batches. */
const MAX_ROWS = 500;

export const isPostgres = (m: EntityManager): boolean => m.connection.options.type === 'postgres';
export const quote = (name: string): string => `"${name}"`;

/**
 * Multi-row INSERT on either database, in chunks: one statement per few hundred rows instead of one per row is
 * what makes a million-row import affordable. `tail` is appended verbatim (ON CONFLICT …, RETURNING …); rows
 * returned by every chunk are concatenated. Values go through rawQuery (Dates and booleans per driver).
 * Example: `await insertRows(m, 'learner', ['id', 'tenantId'], [[id, tenantId]], 'ON CONFLICT DO NOTHING')`.
 */
export async function insertRows<T = Record<string, unknown>>(
  m: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  tail = '',
): Promise<T[]> {
  const perChunk = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const out: T[] = [];
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    for (const row of chunk) for (const value of row) params.push(value);
    const sql = head + new Array(chunk.length).fill(tuple).join(', ') + (tail ? ` ${tail}` : '');
    const returned = await rawQuery<T>(m, sql, params);
    if (Array.isArray(returned)) out.push(...returned);
  }
  return out;
}

/** Runs `SELECT … WHERE <column> IN (…)` in chunks; `sql` contains `{in}` where the placeholder list goes. */
export async function selectIn<T = Record<string, unknown>>(
  m: EntityManager,
  sql: string,
  leadingParams: readonly unknown[],
  values: readonly unknown[],
): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < values.length; start += MAX_ROWS) {
    const chunk = values.slice(start, start + MAX_ROWS);
    const rows = await rawQuery<T>(m, sql.replace('{in}', chunk.map(() => '?').join(', ')), [...leadingParams, ...chunk]);
    out.push(...rows);
  }
  return out;
}

/** better-sqlite3 hands booleans back as 0/1; PostgreSQL as booleans. */
export function rowBoolean(value: unknown): boolean | null {
  return value === null || value === undefined ? null : value === true || value === 1 || value === '1' || value === 't';
}

/** PostgreSQL returns double precision as numbers but bigint/numeric as text; SQLite returns numbers. */
export function rowNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
