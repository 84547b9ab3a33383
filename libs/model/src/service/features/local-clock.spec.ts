import { localTime, zonedInstant } from './local-clock';

const WEEKDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** What the clocks in `timeZone` show at `t`, straight from Intl (no cache, no arithmetic of ours). */
function intlLocalTime(t: number, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', hour: 'numeric', minute: 'numeric' })
    .formatToParts(new Date(t));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { weekday: WEEKDAY.indexOf(part('weekday')), hour: Number(part('hour')) + Number(part('minute')) / 60 };
}

describe('localTime', () => {
  const zones = ['UTC', 'Asia/Shanghai', 'Asia/Kolkata', 'America/New_York', 'Australia/Adelaide', 'America/St_Johns', 'Pacific/Chatham'];

  it('answers the weekday and hour Intl shows, in whole, half- and quarter-hour zones, across DST changes and before 1970', () => {
    const starts = [Date.UTC(1969, 11, 28), Date.UTC(2026, 2, 6), Date.UTC(2026, 9, 30), Date.UTC(2026, 11, 31, 20)];
    for (const timeZone of zones) {
      for (const start of starts) {
        // Every 37 minutes for 10 days: all weekdays, odd minutes, both sides of the March/April and October/November changes.
        for (let t = start; t < start + 10 * 86_400_000; t += 37 * 60_000) {
          expect([timeZone, new Date(t).toISOString(), localTime(new Date(t), timeZone)])
            .toEqual([timeZone, new Date(t).toISOString(), intlLocalTime(t, timeZone)]);
        }
      }
    }
  });

  it('drops seconds and milliseconds from the hour', () => {
    const { hour } = localTime(new Date(Date.UTC(2026, 0, 5, 11, 30, 59, 999)), 'Asia/Shanghai');
    expect(hour).toBe(19.5);
  });
});

describe('zonedInstant', () => {
  it('is the instant whose local time is the given wall-clock time', () => {
    const at = zonedInstant(Date.UTC(2026, 11, 12, 19, 0), 'Asia/Shanghai');
    expect(at.toISOString()).toBe('2026-12-12T11:00:00.000Z');
    expect(localTime(at, 'Asia/Shanghai')).toEqual({ weekday: 5, hour: 19 });
  });
});
