import { CalendarDay } from '../nlu/calendar-day';

/** A daily window, local `HH:MM` times in the tenant's zone; `start > end` wraps past midnight (22:00–08:00). */
export interface QuietHours {
  start: string;
  end: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidClock(value: string): boolean {
  return HHMM.test(value);
}

function minutes(value: string): number {
  const m = HHMM.exec(value);
  if (!m) throw new RangeError(`not a HH:MM time: ${value}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The quiet window containing `instant`, if any. */
export function quietWindowAt(instant: Date, quiet: QuietHours, timeZone: string): { start: Date; end: Date } | undefined {
  const startMin = minutes(quiet.start);
  const endMin = minutes(quiet.end);
  if (startMin === endMin) return undefined;
  const today = CalendarDay.containing(instant, timeZone);
  // A window that wraps midnight may have begun yesterday evening.
  for (const day of [today.addDays(-1), today]) {
    const start = new Date(day.startIn(timeZone).getTime() + startMin * 60_000);
    const endDay = endMin > startMin ? day : day.addDays(1);
    const end = new Date(endDay.startIn(timeZone).getTime() + endMin * 60_000);
    if (instant >= start && instant < end) return { start, end };
  }
  return undefined;
}

/**
 * When to send a message meant for `ideal`: as is outside quiet hours, else when they end — or, if that would be
 * too late (`notAfter`, e.g. the session start), just before they begin, if that is still ahead of `notBefore`.
 * Undefined: there is no acceptable moment.
 */
export function planSendTime(
  ideal: Date,
  quiet: QuietHours | undefined,
  timeZone: string,
  bounds: { notBefore: Date; notAfter: Date },
): Date | undefined {
  const at = ideal < bounds.notBefore ? bounds.notBefore : ideal;
  if (at >= bounds.notAfter) return undefined;
  const window = quiet ? quietWindowAt(at, quiet, timeZone) : undefined;
  if (!window) return at;
  if (window.end < bounds.notAfter) return window.end;
  const before = new Date(window.start.getTime() - 60_000);
  return before >= bounds.notBefore ? before : undefined;
}
