import { localDayNumber } from './local-day';

describe('localDayNumber', () => {
  it('counts UTC days for UTC', () => {
    expect(localDayNumber(new Date('1970-01-02T00:00:00Z'), 'UTC')).toBe(1);
  });

  it('puts 07:00 and 09:00 in Shanghai on the same day although they are two UTC dates', () => {
    const early = localDayNumber(new Date('2024-05-01T23:00:00Z'), 'Asia/Shanghai'); // 07:00 on 2 May local
    const later = localDayNumber(new Date('2024-05-02T01:00:00Z'), 'Asia/Shanghai'); // 09:00 on 2 May local
    expect(early).toBe(later);
    expect(early).toBe(localDayNumber(new Date('2024-05-02T00:00:00Z'), 'UTC'));
  });

  it('follows daylight saving time and half-hour zones', () => {
    // 2024-03-31 01:30 UTC is 03:30 CEST (after the switch) on 31 March in Berlin.
    expect(localDayNumber(new Date('2024-03-30T22:30:00Z'), 'Europe/Berlin')).toBe(localDayNumber(new Date('2024-03-30T12:00:00Z'), 'UTC'));
    expect(localDayNumber(new Date('2024-03-30T23:30:00Z'), 'Europe/Berlin')).toBe(localDayNumber(new Date('2024-03-31T12:00:00Z'), 'UTC'));
    expect(localDayNumber(new Date('2024-05-01T18:40:00Z'), 'Asia/Kolkata')).toBe(localDayNumber(new Date('2024-05-02T12:00:00Z'), 'UTC'));
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(localDayNumber(new Date('2024-05-01T23:00:00Z'), 'Mars/Olympus')).toBe(localDayNumber(new Date('2024-05-01T23:00:00Z'), 'UTC'));
  });
});
