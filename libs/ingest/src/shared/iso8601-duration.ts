/**
 * ISO 8601:2004 §4.4.3.2 durations (`PnYnMnDTnHnMnS`, `PnW`), the only form xAPI permits.
 * `PnS` without `T` is also accepted because the xAPI 1.0.3 text itself gives `P16559.14S` as an example.
 */
const DESIGNATORS =
  /^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const WEEKS = /^P(\d+(?:[.,]\d+)?)W$/;
const SECONDS_ONLY = /^P(\d+(?:[.,]\d+)?)S$/;

// Calendar units have no fixed length; these averages only feed duration features, never calendar arithmetic.
const SECONDS_PER = { year: 365 * 86_400, month: 30 * 86_400, week: 7 * 86_400, day: 86_400, hour: 3600, minute: 60 };

const num = (part: string | undefined): number => (part === undefined ? 0 : Number(part.replace(',', '.')));

export function isIsoDuration(value: string): boolean {
  return DESIGNATORS.test(value) || WEEKS.test(value) || SECONDS_ONLY.test(value);
}

/** Seconds in the duration, or null when it is not an ISO 8601 duration. */
export function isoDurationToSeconds(value: string): number | null {
  const weeks = WEEKS.exec(value);
  if (weeks) return num(weeks[1]) * SECONDS_PER.week;
  const secondsOnly = SECONDS_ONLY.exec(value);
  if (secondsOnly) return num(secondsOnly[1]);
  const m = DESIGNATORS.exec(value);
  if (!m) return null;
  return (
    num(m[1]) * SECONDS_PER.year +
    num(m[2]) * SECONDS_PER.month +
    num(m[3]) * SECONDS_PER.day +
    num(m[4]) * SECONDS_PER.hour +
    num(m[5]) * SECONDS_PER.minute +
    num(m[6])
  );
}
