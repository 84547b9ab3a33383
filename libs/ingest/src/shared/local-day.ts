import { zoneOffsetMs } from '@o2o/core';

const DAY_MS = 86_400_000;

/**
 * The calendar day (days since 1970-01-01) on which an instant falls in a time zone. Streaks count the learner's
 * days, not UTC's: in Shanghai 07:00 and 09:00 are one day but two UTC dates. The offset comes from core's
 * cached zoneOffsetMs (a million events cost a few thousand Intl calls). An unknown zone falls back to UTC.
 */
export function localDayNumber(at: Date, timeZone: string): number {
  const ms = at.getTime();
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return Math.floor(ms / DAY_MS);
  return Math.floor((ms + zoneOffsetMs(ms, timeZone)) / DAY_MS);
}
