/**
 * A local calendar day (no time, no zone) and the bridge to real instants in an IANA time zone.
 * Day arithmetic runs on UTC dates, where every day has 24 hours; only `startIn` / `containing` touch the
 * zone, so DST never shifts a day boundary. No date library: Intl gives us the zone offsets.
 */
export class CalendarDay {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  /** Returns undefined for impossible dates (Feb 30, month 13) instead of silently rolling over. */
  static of(year: number, month: number, day: number): CalendarDay | undefined {
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
      return undefined;
    }
    return new CalendarDay(year, month, day);
  }

  /** The local day the instant falls on in `timeZone`. */
  static containing(instant: Date, timeZone: string): CalendarDay {
    const { year, month, day } = wallClock(instant.getTime(), timeZone);
    return new CalendarDay(year, month, day);
  }

  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  get weekday(): number {
    return new Date(this.utcMidnight()).getUTCDay() || 7;
  }

  addDays(days: number): CalendarDay {
    const d = new Date(this.utcMidnight() + days * 86_400_000);
    return new CalendarDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }

  /** First day of the month `months` months after this day's month. */
  addMonths(months: number): CalendarDay {
    const d = new Date(Date.UTC(this.year, this.month - 1 + months, 1));
    return new CalendarDay(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }

  compare(other: CalendarDay): number {
    return this.utcMidnight() - other.utcMidnight();
  }

  /** Monday of this day's week (weeks start on Monday, as in ISO 8601 and in China). */
  startOfWeek(): CalendarDay {
    return this.addDays(1 - this.weekday);
  }

  /**
   * The first instant of this day in `timeZone`: local midnight, or the first minute after a DST gap in
   * zones that skip midnight (e.g. America/Santiago).
   */
  startIn(timeZone: string): Date {
    const wall = this.utcMidnight();
    // The offset at the day's start is the offset either just before or just after it; try both.
    const first = wall - offsetAt(wall, timeZone);
    const second = wall - offsetAt(first, timeZone);
    const candidates = [first, second].sort((a, b) => a - b);
    for (const t of candidates) {
      if (CalendarDay.containing(new Date(t), timeZone).compare(this) === 0) return new Date(t);
    }
    // Midnight falls in a gap: the day starts when the clocks jump, i.e. at the later candidate's
    // transition. Step forward from the earlier candidate to the first instant that is on this day.
    let t = candidates[0];
    while (CalendarDay.containing(new Date(t), timeZone).compare(this) < 0) t += 60_000;
    return new Date(t);
  }

  toString(): string {
    return `${this.year}-${pad(this.month)}-${pad(this.day)}`;
  }

  private utcMidnight(): number {
    return Date.UTC(this.year, this.month - 1, this.day);
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`unknown IANA time zone '${timeZone}'`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Local wall-clock time minus UTC at the instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
