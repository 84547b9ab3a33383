import { zonedTimeToInstant } from './zoned-time.util';

describe('zonedTimeToInstant', () => {
  it('reads a wall-clock time in the session time zone', () => {
    expect(zonedTimeToInstant('2026-12-12T14:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-12-12T06:00:00.000Z');
    expect(zonedTimeToInstant('2026-07-01T09:30', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(zonedTimeToInstant('2026-01-01T09:30', 'Europe/Berlin')?.toISOString()).toBe('2026-01-01T08:30:00.000Z');
  });
  it('refuses text that is not a local date-time', () => {
    expect(zonedTimeToInstant('tomorrow', 'UTC')).toBeUndefined();
    expect(zonedTimeToInstant('2026-12-12T14:00Z', 'UTC')).toBeUndefined();
  });
});
