import { parseIsoTimestamp } from './iso8601-timestamp';

const instant = (value: string, zone: Parameters<typeof parseIsoTimestamp>[1] = 'required') => {
  const parsed = parseIsoTimestamp(value, zone);
  return parsed.ok ? parsed.date.toISOString() : parsed.reason;
};

describe('parseIsoTimestamp', () => {
  it.each([
    ['2024-05-01T09:30:00Z', '2024-05-01T09:30:00.000Z'],
    ['2024-05-01T09:30:00.123456+08:00', '2024-05-01T01:30:00.123Z'],
    ['2024-05-01T09:30:00,5-0530', '2024-05-01T15:00:00.500Z'],
    ['2024-05-01t09:30z', '2024-05-01T09:30:00.000Z'],
    ['2024-02-29T00:00:00+00', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (value, expected) => expect(instant(value)).toBe(expected));

  it.each([
    ['2024-05-01', 'ISO 8601'],
    ['2024-05-01 09:30:00Z', 'ISO 8601'],
    ['2024-05-01T09:30:00', 'time zone'],
    ['2023-02-29T09:30:00Z', 'calendar date'],
    ['2024-04-31T09:30:00Z', 'calendar date'],
    ['2024-05-01T24:30:00Z', 'out of range'],
    ['2024-05-01T09:30:00-00:00', '-00:00'],
    ['2024-05-01T09:30:00+24:00', 'offset out of range'],
  ])('refuses %s (%s)', (value, reason) => expect(instant(value)).toContain(reason));

  it('applies the zone rule', () => {
    expect(instant('2024-05-01T09:30:00+08:00', 'utc')).toContain('UTC');
    expect(instant('2024-05-01T09:30:00', 'assume-utc')).toBe('2024-05-01T09:30:00.000Z');
  });
});
