import { zoneOffsetMs } from '@o2o/core';

/**
 * Weekday and hour of an instant in a session's own time zone (a 19:00 workshop in Shanghai is an evening
 * session wherever the server runs); the offset comes from core's cached zoneOffsetMs.
 */
const HOUR_MS = 3_600_000;

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
  const local = t + zoneOffsetMs(t, timeZone);
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

/**
 * The instant at which clocks in `timeZone` show the given wall-clock time (given as if it were UTC). Two
 * passes settle DST edges; wall-clock times that do not exist (spring forward) land an hour later.
 */
export function zonedInstant(wallClockAsUtc: number, timeZone: string): Date {
  let guess = wallClockAsUtc - zoneOffsetMs(wallClockAsUtc, timeZone);
  guess = wallClockAsUtc - zoneOffsetMs(guess, timeZone);
  return new Date(guess);
}
