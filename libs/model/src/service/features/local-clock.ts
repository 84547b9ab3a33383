/**
 * Weekday and hour of an instant in a session's own time zone (a 19:00 workshop in Shanghai is an evening
 * session wherever the server runs). Intl formatting costs microseconds per call and suggestions score a
 * thousand sessions per request, so the zone offset is cached per zone and UTC quarter-hour: offsets are whole
 * quarter-hours and change at local wall-clock times, so they change only on UTC quarter-hours (St John's and
 * Adelaide change at :30 UTC; an hourly cache answered the old offset for the half hour after).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offset per zone, then per UTC quarter-hour (nested maps: no key string to build per call). */
const offsets = new Map<string, Map<number, number>>();
let cachedOffsets = 0;
const HOUR_MS = 3_600_000;
const BUCKET_MS = 900_000;

export interface LocalTime {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Hour of day with minutes as a fraction, 0 ≤ hour < 24. */
  hour: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export function localTime(instant: Date, timeZone: string): LocalTime {
  const t = instant.getTime();
  const local = t + offsetMs(t, timeZone);
  // What getUTCDay/getUTCHours/getUTCMinutes of new Date(local) answer, without a Date per call. Day 0
  // (1970-01-01) was a Thursday, weekday 3 counting from Monday.
  const day = Math.floor(local / DAY_MS);
  const ofDay = local - day * DAY_MS;
  const hours = Math.floor(ofDay / HOUR_MS);
  return {
    weekday: (((day + 3) % 7) + 7) % 7,
    hour: hours + Math.floor((ofDay - hours * HOUR_MS) / MINUTE_MS) / 60,
  };
}

function offsetMs(t: number, timeZone: string): number {
  const bucket = Math.floor(t / BUCKET_MS);
  let zone = offsets.get(timeZone);
  const cached = zone?.get(bucket);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(bucket * BUCKET_MS)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  const offset = asUtc - bucket * BUCKET_MS;
  if (cachedOffsets > 50_000) {
    offsets.clear();
    cachedOffsets = 0;
    zone = undefined;
  }
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  zone.set(bucket, offset);
  cachedOffsets++;
  return offset;
}

/**
 * The instant at which clocks in `timeZone` show the given wall-clock time (given as if it were UTC). Two
 * passes settle DST edges; wall-clock times that do not exist (spring forward) land an hour later.
 */
export function zonedInstant(wallClockAsUtc: number, timeZone: string): Date {
  let guess = wallClockAsUtc - offsetMs(wallClockAsUtc, timeZone);
  guess = wallClockAsUtc - offsetMs(guess, timeZone);
  return new Date(guess);
}
