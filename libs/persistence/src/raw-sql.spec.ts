import { rowDate, sqliteDateTime } from './raw-sql';

describe('raw SQL dates', () => {
  it('writes SQLite datetimes as TypeORM does and reads them back as UTC', () => {
    const d = new Date('2026-12-04T08:05:09.007Z');
    expect(sqliteDateTime(d)).toBe('2026-12-04 08:05:09.007');
    expect(rowDate(sqliteDateTime(d)).toISOString()).toBe(d.toISOString());
    expect(rowDate(d)).toBe(d);
    expect(rowDate('2026-12-04T08:05:09.007+08:00').toISOString()).toBe('2026-12-04T00:05:09.007Z');
  });
});
