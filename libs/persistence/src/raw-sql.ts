import type { EntityManager } from 'typeorm';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The text TypeORM itself writes for a datetime on SQLite (UTC), so raw and ORM rows compare correctly. */
export function sqliteDateTime(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** Reads a timestamp from a raw row: a Date on PostgreSQL, UTC text on SQLite. */
export function rowDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : text.replace(' ', 'T') + 'Z');
}

/**
 * Runs one SQL statement written with `?` placeholders on either database: numbered for PostgreSQL, with Dates
 * and booleans converted for better-sqlite3. For hot paths where the ORM's per-query overhead dominates; the
 * statement must not contain a literal `?`. Example: `await rawQuery(m, 'SELECT id FROM booking WHERE id = ?', [id])`.
 */
export function rawQuery<T = Record<string, unknown>>(m: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  if (m.connection.options.type === 'postgres') {
    let n = 0;
    return m.query(sql.replace(/\?/g, () => `$${++n}`), params);
  }
  return m.query(sql, params.map((v) => (v instanceof Date ? sqliteDateTime(v) : typeof v === 'boolean' ? Number(v) : v)));
}

export function forUpdate(m: EntityManager): string {
  return m.connection.options.type === 'postgres' ? ' FOR UPDATE' : '';
}
