const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const offsetCaches = new Map<string, { format: Intl.DateTimeFormat; byHour: Map<number, number> }>();

/**
 * The calendar day (days since 1970-01-01) on which an instant falls in a time zone. Streaks count the learner's
 * days, not UTC's: in Shanghai 07:00 and 09:00 are one day but two UTC dates. Zone offsets are cached per hour
 * (offsets change on hour boundaries in practice), so a million events cost a few hundred Intl calls.
 * An unknown zone falls back to UTC.
 */
export function localDayNumber(at: Date, timeZone: string): number {
  const ms = at.getTime();
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return Math.floor(ms / DAY_MS);
  return Math.floor((ms + offsetMs(ms, timeZone)) / DAY_MS);
}

function offsetMs(ms: number, timeZone: string): number {
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
      });
    } catch {
      return 0;
    }
    cache = { format, byHour: new Map() };
    offsetCaches.set(timeZone, cache);
  }
  const hour = Math.floor(ms / HOUR_MS);
  let offset = cache.byHour.get(hour);
  if (offset === undefined) {
    const at = hour * HOUR_MS;
    const parts: Record<string, number> = {};
    for (const p of cache.format.formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - at;
    // Bounded: a long backfill over years of history must not grow this without limit.
    if (cache.byHour.size > 200_000) cache.byHour.clear();
    cache.byHour.set(hour, offset);
  }
  return offset;
}
