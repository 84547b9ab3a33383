import type { EntityManager } from 'typeorm';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAY_MS = 86_400_000;
const PAD2 = Array.from({ length: 60 }, (_, i) => pad(i));
const PAD3 = Array.from({ length: 1000 }, (_, i) => pad(i, 3));
let cachedDay = NaN;
let cachedDayText = '';

/** The text TypeORM itself writes for a datetime on SQLite (UTC), so raw and ORM rows compare correctly. */
export function sqliteDateTime(d: Date): string {
  return sqliteDateTimeOfMs(d.getTime());
}

/**
 * sqliteDateTime of an epoch-ms instant. Every SQLite write binds dates through here (a bulk import a million), so
 * the date part is remembered per day and the time of day is integer arithmetic rather than six UTC getters.
 */
export function sqliteDateTimeOfMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'NaN-NaN-NaN NaN:NaN:NaN.NaN';
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    const d = new Date(day * DAY_MS);
    cachedDayText = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    cachedDay = day;
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${cachedDayText} ${PAD2[hours]}:${PAD2[minutes]}:${PAD2[seconds]}.${PAD3[rest - seconds * 1000]}`;
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
