const QUARTER_HOUR_MS = 900_000;
const MAX_CACHED = 200_000;
const formatters = new Map<string, Intl.DateTimeFormat | null>();
/** Offset per zone, then per UTC quarter-hour (nested maps: no key string to build per call). */
const offsets = new Map<string, Map<number, number>>();
let cached = 0;

/**
 * How far a time zone's clocks are ahead of UTC at an instant, in ms (Shanghai: +8 h). Example:
 * `zoneOffsetMs(Date.UTC(2026, 0, 1), 'Asia/Shanghai') === 8 * 3_600_000`.
 * Intl costs microseconds per call and imports and suggestions ask millions of times, so offsets are cached per
 * zone and UTC quarter-hour: offsets are whole quarter-hours and change at local wall-clock times, hence only on
 * UTC quarter-hours (St John's and Adelaide change at :30 UTC, which an hourly cache got wrong for half an hour).
 * An unknown zone counts as UTC (0). Bounded, so years of history cannot grow the cache without limit.
 */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let zone = offsets.get(timeZone);
  const hit = zone?.get(bucket);
  if (hit !== undefined) return hit;
  const formatter = formatterFor(timeZone);
  let offset = 0;
  if (formatter) {
    const at = bucket * QUARTER_HOUR_MS;
    const parts: Record<string, number> = {};
    for (const p of formatter.formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - at;
  }
  if (cached >= MAX_CACHED) {
    offsets.clear();
    cached = 0;
    zone = undefined;
  }
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  zone.set(bucket, offset);
  cached++;
  return offset;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
