import type { EntityManager } from 'typeorm';
import { rawQuery } from '@o2o/persistence';

/** Values per IN list on SQLite (its limit is 32,766 bind parameters per statement). */
const IN_CHUNK = 500;

export const isPostgres = (m: EntityManager): boolean => m.connection.options.type === 'postgres';
export const quote = (name: string): string => `"${name}"`;

/**
 * Runs a SELECT filtered by a list of values on either database. `sql` writes `{in}` right after the column:
 * `… WHERE "learnerId" {in}`. PostgreSQL gets one array parameter (`= ANY(?)`), so the statement text is the
 * same whatever the list's length; SQLite gets `IN (?, …)` in chunks.
 */
export async function selectIn<T = Record<string, unknown>>(
  m: EntityManager,
  sql: string,
  leadingParams: readonly unknown[],
  values: readonly unknown[],
  trailingParams: readonly unknown[] = [],
): Promise<T[]> {
  if (values.length === 0) return [];
  if (isPostgres(m)) return rawQuery<T>(m, sql.replace('{in}', '= ANY(?)'), [...leadingParams, values, ...trailingParams]);
  const out: T[] = [];
  for (let start = 0; start < values.length; start += IN_CHUNK) {
    const chunk = values.slice(start, start + IN_CHUNK);
    const rows = await rawQuery<T>(m, sql.replace('{in}', `IN (${chunk.map(() => '?').join(', ')})`), [...leadingParams, ...chunk, ...trailingParams]);
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
