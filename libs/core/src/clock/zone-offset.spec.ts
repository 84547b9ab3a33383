import { zoneOffsetMs } from './zone-offset';

/** The offset straight from Intl, uncached. */
function intlOffset(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  for (const p of format.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const floored = ms - (((ms % 60_000) + 60_000) % 60_000);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - floored;
}

describe('zoneOffsetMs', () => {
  it('equals Intl every 7 minutes across DST changes, in whole, half- and quarter-hour zones and before 1970', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'Asia/Kolkata', 'America/New_York', 'Australia/Adelaide', 'America/St_Johns', 'Pacific/Chatham'];
    const starts = [Date.UTC(1969, 11, 30), Date.UTC(2026, 2, 7), Date.UTC(2026, 3, 4), Date.UTC(2026, 9, 3), Date.UTC(2026, 10, 1)];
    for (const timeZone of zones) {
      for (const start of starts) {
        for (let ms = start; ms < start + 2 * 86_400_000; ms += 7 * 60_000) {
          expect([timeZone, new Date(ms).toISOString(), zoneOffsetMs(ms, timeZone)]).toEqual([timeZone, new Date(ms).toISOString(), intlOffset(ms, timeZone)]);
        }
      }
    }
  });

  it('counts an unknown zone as UTC', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), 'Mars/Olympus_Mons')).toBe(0);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), 'Asia/Shanghai')).toBe(8 * 3_600_000);
  });
});
