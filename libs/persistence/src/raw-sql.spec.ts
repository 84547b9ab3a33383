import { rowDate, sqliteDateTime } from './raw-sql';

/** TypeORM's own formula (DateUtils.mixedDateToUtcDatetimeString), the reference for the cached fast path. */
const typeormText = (d: Date) => {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
};

describe('raw SQL dates', () => {
  it('writes SQLite datetimes as TypeORM does and reads them back as UTC', () => {
    const d = new Date('2026-12-04T08:05:09.007Z');
    expect(sqliteDateTime(d)).toBe('2026-12-04 08:05:09.007');
    expect(rowDate(sqliteDateTime(d)).toISOString()).toBe(d.toISOString());
    expect(rowDate(d)).toBe(d);
    expect(rowDate('2026-12-04T08:05:09.007+08:00').toISOString()).toBe('2026-12-04T00:05:09.007Z');
  });

  it('gives exactly the per-field formula across days, years and before 1970, whatever the order of instants', () => {
    const instants = [
      0, 1, 999, 1000, 59_999, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2024, 11, 31, 23, 59, 59, 1),
      Date.UTC(1969, 11, 31, 23, 59, 59, 500), Date.UTC(1900, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999), 5, 86_400_001,
    ];
    for (let i = 0; i < 2000; i++) instants.push(Math.round(Date.UTC(2020, 0, 1) + i * 7_777_777.7));
    for (const ms of instants) expect(sqliteDateTime(new Date(ms))).toBe(typeormText(new Date(ms)));
  });
});
