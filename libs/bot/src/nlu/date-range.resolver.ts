import { CalendarDay } from './calendar-day';
import { parseChineseNumber } from './chinese-number.util';
import type { DateRange } from './nlu.types';
import { foldWidth } from './text-width.util';

/**
 * Resolves the first date expression in an English or Chinese message to a range of whole local days,
 * using an injected clock and IANA time zone (so tests and users in other zones get the right days).
 *
 * Our own rules rather than node-nlp's builtin: that one covers English only, resolves against the server's
 * zone, and leaves "下周六" unresolved; one small rule set gives both languages the same semantics:
 * - weeks run Monday–Sunday; "this week"/"这周" is the whole calendar week, even the days already past
 *   (callers looking for sessions clip to "now"), "next week"/"下周" the one after;
 * - "next Saturday"/"下周六" is the Saturday of next week; a bare or "on" weekday ("Saturday", "周六") is the
 *   next such day, today included; "this Saturday"/"这周六" is the one in the current week;
 * - "this weekend"/"周末" is Saturday–Sunday of the current week, "next weekend"/"下周末" that of next week;
 * - a day or month without a year is the next one that has not ended (Dec 1 said on Dec 4 → next year).
 */
export interface DateResolveOptions {
  now: Date;
  timeZone: string;
}

interface DaySpan {
  first: CalendarDay;
  /** Inclusive. */
  last: CalendarDay;
  grain: DateRange['grain'];
}

interface Rule {
  pattern: RegExp;
  resolve(m: RegExpExecArray, today: CalendarDay): DaySpan | undefined;
}

const B = '(?<![a-z])';
const E = '(?![a-z])';
const WEEKDAY_FULL = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const WEEKDAY_ANY = `${WEEKDAY_FULL}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun`;
const MONTH_FULL = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTH_ANY = `${MONTH_FULL}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec`;
// "may", "mar", "jun" alone are too often something else ("may I book"); they need "in" or a day number.
const MONTH_ALONE = 'january|february|march|april|june|july|august|september|october|november|december|jan|feb|apr|aug|sept?|oct|nov|dec';
const ZH_NUM = '\\d{1,2}|[一二三四五六七八九十]{1,3}';
const ZH_WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

const day = (d: CalendarDay): DaySpan => ({ first: d, last: d, grain: 'day' });
const weekOf = (d: CalendarDay): DaySpan => ({ first: d.startOfWeek(), last: d.startOfWeek().addDays(6), grain: 'week' });
const weekendOf = (d: CalendarDay): DaySpan => {
  const saturday = d.startOfWeek().addDays(5);
  return { first: saturday, last: saturday.addDays(1), grain: 'weekend' };
};
const monthOf = (d: CalendarDay): DaySpan => ({
  first: d.addMonths(0),
  last: d.addMonths(1).addDays(-1),
  grain: 'month',
});
const upcoming = (today: CalendarDay, weekday: number) => today.addDays((weekday - today.weekday + 7) % 7);
const inWeekOf = (d: CalendarDay, weekday: number) => d.startOfWeek().addDays(weekday - 1);

function weekdayOfWord(word: string): number {
  return ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function monthOfWord(word: string): number {
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function weekdayWithPrefix(prefix: string | undefined, weekday: number, today: CalendarDay): DaySpan {
  const p = (prefix ?? '').toLowerCase();
  if (p.startsWith('next') || p.startsWith('下')) return day(inWeekOf(today.addDays(7), weekday));
  if (p.startsWith('last') || p.startsWith('上')) return day(inWeekOf(today.addDays(-7), weekday));
  if (p.startsWith('this') || p.startsWith('这') || p.startsWith('本')) return day(inWeekOf(today, weekday));
  return day(upcoming(today, weekday));
}

/** A month/day without a year: the next occurrence that is not over (Feb 29 waits for a leap year). */
function dayOfYear(month: number, dayOfMonth: number, year: string | undefined, today: CalendarDay): DaySpan | undefined {
  if (year !== undefined) {
    const y = year.length === 2 ? 2000 + Number(year) : Number(year);
    const d = CalendarDay.of(y, month, dayOfMonth);
    return d && day(d);
  }
  for (let y = today.year; y <= today.year + 4; y += 1) {
    const d = CalendarDay.of(y, month, dayOfMonth);
    if (d && d.compare(today) >= 0) return day(d);
  }
  return undefined;
}

function monthOfYear(month: number, year: string | undefined, today: CalendarDay): DaySpan | undefined {
  if (month < 1 || month > 12) return undefined;
  const y = year !== undefined ? Number(year) : month >= today.month ? today.year : today.year + 1;
  const first = CalendarDay.of(y, month, 1);
  return first && monthOf(first);
}

const rx = (source: string) => new RegExp(source, 'gi');

const RULES: Rule[] = [
  // English
  { pattern: rx(`${B}(?:the\\s+)?day\\s+after\\s+tomorrow${E}`), resolve: (_m, t) => day(t.addDays(2)) },
  { pattern: rx(`${B}(?:today|tonight|this\\s+(?:morning|afternoon|evening))${E}`), resolve: (_m, t) => day(t) },
  { pattern: rx(`${B}(?:tomorrow|tmrw?)${E}`), resolve: (_m, t) => day(t.addDays(1)) },
  { pattern: rx(`${B}yesterday${E}`), resolve: (_m, t) => day(t.addDays(-1)) },
  { pattern: rx(`${B}last\\s+weekend${E}`), resolve: (_m, t) => weekendOf(t.addDays(-7)) },
  { pattern: rx(`${B}last\\s+week${E}`), resolve: (_m, t) => weekOf(t.addDays(-7)) },
  { pattern: rx(`${B}last\\s+month${E}`), resolve: (_m, t) => monthOf(t.addMonths(-1)) },
  { pattern: rx(`${B}next\\s+weekend${E}`), resolve: (_m, t) => weekendOf(t.addDays(7)) },
  { pattern: rx(`${B}(?:this\\s+(?:coming\\s+)?|the\\s+)?weekend${E}`), resolve: (_m, t) => weekendOf(t) },
  { pattern: rx(`${B}next\\s+week${E}`), resolve: (_m, t) => weekOf(t.addDays(7)) },
  { pattern: rx(`${B}this\\s+week${E}`), resolve: (_m, t) => weekOf(t) },
  { pattern: rx(`${B}next\\s+month${E}`), resolve: (_m, t) => monthOf(t.addMonths(1)) },
  { pattern: rx(`${B}this\\s+month${E}`), resolve: (_m, t) => monthOf(t) },
  {
    pattern: rx(`${B}(next|last|this|coming)\\s+(${WEEKDAY_ANY})${E}`),
    resolve: (m, t) => weekdayWithPrefix(m[1], weekdayOfWord(m[2]), t),
  },
  // Abbreviations alone are ordinary words ("sat", "sun"); after "on" they are days.
  {
    pattern: rx(`${B}(${WEEKDAY_FULL})${E}|(?<=${B}on\\s+)(${WEEKDAY_ANY})${E}`),
    resolve: (m, t) => weekdayWithPrefix(undefined, weekdayOfWord(m[1] ?? m[2]), t),
  },
  {
    pattern: rx(`${B}(${MONTH_ANY})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![a-z0-9])`),
    resolve: (m, t) => dayOfYear(monthOfWord(m[1]), Number(m[2]), m[3], t),
  },
  {
    pattern: rx(`(?<![a-z0-9])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_ANY})${E}(?:,?\\s+(\\d{4}))?`),
    resolve: (m, t) => dayOfYear(monthOfWord(m[2]), Number(m[1]), m[3], t),
  },
  {
    pattern: rx(`${B}(${MONTH_ALONE})(?:\\s+(\\d{4}))?${E}|(?<=${B}(?:in|during)\\s+)(${MONTH_ANY})${E}`),
    resolve: (m, t) => monthOfYear(monthOfWord(m[1] ?? m[3]), m[2], t),
  },
  {
    pattern: rx('(?<![\\d/.-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])'),
    resolve: (m, t) => dayOfYear(Number(m[2]), Number(m[3]), m[1], t),
  },
  {
    // Month/day as written in the US and in China; "12/12/2026" and "12/12/26" carry the year.
    pattern: rx('(?<![\\d/.-])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\d/])'),
    resolve: (m, t) => dayOfYear(Number(m[1]), Number(m[2]), m[3], t),
  },
  // Chinese
  { pattern: rx('大后天'), resolve: (_m, t) => day(t.addDays(3)) },
  { pattern: rx('后天'), resolve: (_m, t) => day(t.addDays(2)) },
  { pattern: rx('今天|今日|今晚|今早'), resolve: (_m, t) => day(t) },
  { pattern: rx('明天|明日|明晚|明早'), resolve: (_m, t) => day(t.addDays(1)) },
  { pattern: rx('昨天|昨日|昨晚'), resolve: (_m, t) => day(t.addDays(-1)) },
  { pattern: rx('前天'), resolve: (_m, t) => day(t.addDays(-2)) },
  // Not the 上 of 线上/网上 ("online"): "线上周末班" is an online weekend class, not last weekend.
  { pattern: rx('(?<![线网早晚])上个?(?:周末|礼拜末)'), resolve: (_m, t) => weekendOf(t.addDays(-7)) },
  { pattern: rx('下个?(?:周末|礼拜末)'), resolve: (_m, t) => weekendOf(t.addDays(7)) },
  { pattern: rx('(?:这个?|本)?周末'), resolve: (_m, t) => weekendOf(t) },
  {
    pattern: rx('(下个?|(?<![线网早晚])上个?|这个?|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])'),
    resolve: (m, t) => weekdayWithPrefix(m[1], ZH_WEEKDAY[m[2]] ?? Number(m[2]), t),
  },
  { pattern: rx('下个?(?:周|星期|礼拜)'), resolve: (_m, t) => weekOf(t.addDays(7)) },
  { pattern: rx('(?<![线网早晚])上个?(?:周|星期|礼拜)'), resolve: (_m, t) => weekOf(t.addDays(-7)) },
  { pattern: rx('(?:这个?|本)(?:周|星期|礼拜)'), resolve: (_m, t) => weekOf(t) },
  { pattern: rx('下个?月'), resolve: (_m, t) => monthOf(t.addMonths(1)) },
  { pattern: rx('(?<![线网早晚])上个?月'), resolve: (_m, t) => monthOf(t.addMonths(-1)) },
  { pattern: rx('(?:这个?|本)月'), resolve: (_m, t) => monthOf(t) },
  {
    pattern: rx(`(?:(\\d{4})年)?(${ZH_NUM})月(${ZH_NUM})[日号]`),
    resolve: (m, t) => dayOfYear(parseChineseNumber(m[2]) ?? 0, parseChineseNumber(m[3]) ?? 0, m[1], t),
  },
  {
    pattern: rx(`(?:(\\d{4})年)?(${ZH_NUM})月份?`),
    resolve: (m, t) => monthOfYear(parseChineseNumber(m[2]) ?? 0, m[1], t),
  },
  {
    // "12号" alone: that day of this month, or of next month once it has passed.
    pattern: rx(`(?<![\\d月])(${ZH_NUM})[日号]`),
    resolve: (m, t) => {
      const n = parseChineseNumber(m[1]) ?? 0;
      const thisMonth = CalendarDay.of(t.year, t.month, n);
      if (thisMonth && thisMonth.compare(t) >= 0) return day(thisMonth);
      const next = t.addMonths(1);
      const d = CalendarDay.of(next.year, next.month, n);
      return d && day(d);
    },
  },
];

export function resolveDateRange(text: string, options: DateResolveOptions): DateRange | undefined {
  // Most messages name no date: find "today" in the zone (an Intl call) only once a pattern matched.
  let today: CalendarDay | undefined;
  const folded = foldWidth(text);
  let best: { m: RegExpExecArray; span: DaySpan } | undefined;
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(folded); m; m = rule.pattern.exec(folded)) {
      today ??= CalendarDay.containing(options.now, options.timeZone);
      const span = rule.resolve(m, today);
      // The earliest expression wins; at the same start the longest ("12月12日" over "12月").
      if (span && (!best || m.index < best.m.index || (m.index === best.m.index && m[0].length > best.m[0].length))) {
        best = { m, span };
      }
    }
  }
  if (!best) return undefined;
  const { m, span } = best;
  return {
    from: span.first.startIn(options.timeZone),
    to: span.last.addDays(1).startIn(options.timeZone),
    grain: span.grain,
    text: text.slice(m.index, m.index + m[0].length),
    start: m.index,
    end: m.index + m[0].length,
  };
}
