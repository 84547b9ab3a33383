/**
 * Parses ISO 8601 extended-format date-times (the RFC 3339 profile plus minute precision and `,` decimals).
 * Written by hand because `Date.parse` accepts non-ISO strings, silently rolls over 2023-02-30, and treats
 * zone-less values as local time, all of which would store a different instant than the sender meant.
 */
export type TimestampZoneRule =
  /** An offset or `Z` must be present (xAPI: "SHOULD* include the time zone", enforced here). */
  | 'required'
  /** Must end in `Z` (Caliper: "set to UTC with no offset specified"). */
  | 'utc'
  /** Zone-less values are read as UTC (CSV exports often omit it; the importer opts in explicitly). */
  | 'assume-utc';

export type TimestampParse = { ok: true; date: Date } | { ok: false; reason: string };

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function parseIsoTimestamp(value: string, zone: TimestampZoneRule): TimestampParse {
  const m = PATTERN.exec(value);
  if (!m) return { ok: false, reason: 'must be an ISO 8601 date-time such as 2024-05-01T09:30:00.000Z' };
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // Precision beyond milliseconds is truncated, which both specs allow.
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (month < 1 || month > 12 || day < 1 || day > monthDays) {
    return { ok: false, reason: `has no such calendar date (${m[1]}-${m[2]}-${m[3]})` };
  }
  if (hour > 23 || minute > 59 || second > 60) return { ok: false, reason: 'has a time of day out of range' };
  const isUtc = m[8] !== undefined;
  const hasOffset = m[9] !== undefined;
  if (zone === 'utc' && !isUtc) return { ok: false, reason: 'must be in UTC and end in Z (YYYY-MM-DDTHH:mm:ss.SSSZ)' };
  if (zone === 'required' && !isUtc && !hasOffset) {
    return { ok: false, reason: 'must include a time zone (Z or ±hh:mm)' };
  }
  let offsetMinutes = 0;
  if (hasOffset) {
    const offHours = Number(m[10]);
    const offMinutes = m[11] === undefined ? 0 : Number(m[11]);
    if (offHours > 23 || offMinutes > 59) return { ok: false, reason: 'has a time zone offset out of range' };
    // ISO 8601 has no negative zero; RFC 3339 uses -00:00 for "offset unknown", so the instant is ambiguous.
    if (m[9] === '-' && offHours === 0 && offMinutes === 0) {
      return { ok: false, reason: 'must not use the -00:00 offset (unknown local offset); use Z or +00:00' };
    }
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offHours * 60 + offMinutes);
  }
  const utcMillis = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps the year the sender wrote.
  const date = new Date(utcMillis);
  if (year < 100) date.setUTCFullYear(date.getUTCFullYear() - 1900);
  return { ok: true, date };
}
