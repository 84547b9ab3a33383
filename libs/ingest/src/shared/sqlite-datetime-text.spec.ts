import { sqliteDateTime } from '@o2o/persistence';
import { sqliteDateTimeText } from './sqlite-datetime-text';

describe('sqliteDateTimeText', () => {
  it('writes exactly what TypeORM writes for SQLite, across days, years and before 1970', () => {
    const instants = [
      0, 1, 999, 1000, 59_999, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2024, 11, 31, 23, 59, 59, 1),
      Date.UTC(1969, 11, 31, 23, 59, 59, 500), Date.UTC(1900, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    ];
    for (let i = 0; i < 2000; i++) instants.push(Math.round(Date.UTC(2020, 0, 1) + i * 7_777_777.7));
    for (const ms of instants) expect(sqliteDateTimeText(ms)).toBe(sqliteDateTime(new Date(ms)));
  });
});
