import { resolveDateRange } from './date-range.resolver';

// Friday 2026-12-04 10:00 in Shanghai (UTC+8, no DST): local midnight is 16:00Z the day before.
const now = new Date('2026-12-04T02:00:00Z');
const timeZone = 'Asia/Shanghai';
const shanghaiMidnight = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() - 8 * 3_600_000);

function range(text: string, opts = { now, timeZone }) {
  const r = resolveDateRange(text, opts);
  return r && { from: r.from.toISOString(), to: r.to.toISOString(), grain: r.grain, text: r.text };
}

/** [expression, first local day, day after the last, grain] */
const CASES: Array<[string, string, string, string]> = [
  ['today', '2026-12-04', '2026-12-05', 'day'],
  ['any workshop tonight?', '2026-12-04', '2026-12-05', 'day'],
  ['tomorrow', '2026-12-05', '2026-12-06', 'day'],
  ['the day after tomorrow', '2026-12-06', '2026-12-07', 'day'],
  ['this weekend', '2026-12-05', '2026-12-07', 'weekend'],
  ['anything on the weekend', '2026-12-05', '2026-12-07', 'weekend'],
  ['next weekend', '2026-12-12', '2026-12-14', 'weekend'],
  ['next Saturday', '2026-12-12', '2026-12-13', 'day'],
  ['on Saturday', '2026-12-05', '2026-12-06', 'day'],
  ['Saturday', '2026-12-05', '2026-12-06', 'day'],
  ['on Friday', '2026-12-04', '2026-12-05', 'day'],
  ['on Thursday', '2026-12-10', '2026-12-11', 'day'],
  ['on sat', '2026-12-05', '2026-12-06', 'day'],
  ['this Sunday', '2026-12-06', '2026-12-07', 'day'],
  ['next mon', '2026-12-07', '2026-12-08', 'day'],
  ['this week', '2026-11-30', '2026-12-07', 'week'],
  ['next week', '2026-12-07', '2026-12-14', 'week'],
  ['this month', '2026-12-01', '2027-01-01', 'month'],
  ['next month', '2027-01-01', '2027-02-01', 'month'],
  ['in December', '2026-12-01', '2027-01-01', 'month'],
  ['in March', '2027-03-01', '2027-04-01', 'month'],
  ['in may', '2027-05-01', '2027-06-01', 'month'],
  ['Dec 12', '2026-12-12', '2026-12-13', 'day'],
  ['December 12th', '2026-12-12', '2026-12-13', 'day'],
  ['12 Dec', '2026-12-12', '2026-12-13', 'day'],
  ['Dec 1', '2027-12-01', '2027-12-02', 'day'],
  ['Jan 5, 2027', '2027-01-05', '2027-01-06', 'day'],
  ['12/12', '2026-12-12', '2026-12-13', 'day'],
  ['1/3', '2027-01-03', '2027-01-04', 'day'],
  ['yesterday', '2026-12-03', '2026-12-04', 'day'],
  ['last week', '2026-11-23', '2026-11-30', 'week'],
  ['last weekend', '2026-11-28', '2026-11-30', 'weekend'],
  ['last Saturday', '2026-11-28', '2026-11-29', 'day'],
  ['last month', '2026-11-01', '2026-12-01', 'month'],
  ['12/25/2026', '2026-12-25', '2026-12-26', 'day'],
  ['2027-02-14', '2027-02-14', '2027-02-15', 'day'],
  ['今天', '2026-12-04', '2026-12-05', 'day'],
  ['明天', '2026-12-05', '2026-12-06', 'day'],
  ['后天', '2026-12-06', '2026-12-07', 'day'],
  ['大后天', '2026-12-07', '2026-12-08', 'day'],
  ['这周末', '2026-12-05', '2026-12-07', 'weekend'],
  ['本周末', '2026-12-05', '2026-12-07', 'weekend'],
  ['周末有活动吗', '2026-12-05', '2026-12-07', 'weekend'],
  ['下周末', '2026-12-12', '2026-12-14', 'weekend'],
  ['下个周末', '2026-12-12', '2026-12-14', 'weekend'],
  ['下周六', '2026-12-12', '2026-12-13', 'day'],
  ['下星期一', '2026-12-07', '2026-12-08', 'day'],
  ['周六', '2026-12-05', '2026-12-06', 'day'],
  ['星期六', '2026-12-05', '2026-12-06', 'day'],
  ['礼拜天', '2026-12-06', '2026-12-07', 'day'],
  ['周五', '2026-12-04', '2026-12-05', 'day'],
  ['周四', '2026-12-10', '2026-12-11', 'day'],
  ['这周日', '2026-12-06', '2026-12-07', 'day'],
  ['这周', '2026-11-30', '2026-12-07', 'week'],
  ['本周有课吗', '2026-11-30', '2026-12-07', 'week'],
  ['下周', '2026-12-07', '2026-12-14', 'week'],
  ['下个星期', '2026-12-07', '2026-12-14', 'week'],
  ['这个月', '2026-12-01', '2027-01-01', 'month'],
  ['下个月', '2027-01-01', '2027-02-01', 'month'],
  ['12月12日', '2026-12-12', '2026-12-13', 'day'],
  ['12月12号有吗', '2026-12-12', '2026-12-13', 'day'],
  ['十二月十二日', '2026-12-12', '2026-12-13', 'day'],
  ['2027年1月5日', '2027-01-05', '2027-01-06', 'day'],
  ['12月', '2026-12-01', '2027-01-01', 'month'],
  ['3月份', '2027-03-01', '2027-04-01', 'month'],
  ['12号', '2026-12-12', '2026-12-13', 'day'],
  ['2号', '2027-01-02', '2027-01-03', 'day'],
  ['１２／１２', '2026-12-12', '2026-12-13', 'day'],
  ['昨天', '2026-12-03', '2026-12-04', 'day'],
  ['前天', '2026-12-02', '2026-12-03', 'day'],
  ['上周', '2026-11-23', '2026-11-30', 'week'],
  ['上周末', '2026-11-28', '2026-11-30', 'weekend'],
  ['上周六', '2026-11-28', '2026-11-29', 'day'],
  ['上个月', '2026-11-01', '2026-12-01', 'month'],
];

describe('resolveDateRange', () => {
  it.each(CASES)('%s → [%s, %s) %s', (text, from, to, grain) => {
    expect(range(text)).toEqual({
      from: shanghaiMidnight(from).toISOString(),
      to: shanghaiMidnight(to).toISOString(),
      grain,
      text: expect.any(String),
    });
  });

  it('reports the matched text and its offsets (for masking before intent classification)', () => {
    const r = resolveDateRange('any Python workshop in Shanghai this weekend?', { now, timeZone });
    expect(r).toMatchObject({ text: 'this weekend', start: 32, end: 44 });
    expect(resolveDateRange('workshops on Saturday', { now, timeZone })).toMatchObject({ text: 'Saturday' });
    expect(resolveDateRange('上海下周六有工作坊吗', { now, timeZone })).toMatchObject({ text: '下周六', start: 2, end: 5 });
  });

  it('takes the earliest expression, and the longest one at the same position', () => {
    expect(range('Saturday or Sunday')?.from).toBe(shanghaiMidnight('2026-12-05').toISOString());
    expect(range('next Saturday')?.text).toBe('next Saturday');
    expect(range('这周末')?.grain).toBe('weekend');
    expect(range('12月12日')?.grain).toBe('day');
  });

  it('does not take the 上 of 线上 (online) for "last"', () => {
    expect(range('线上周末班有吗')).toMatchObject({ grain: 'weekend', from: shanghaiMidnight('2026-12-05').toISOString() });
    expect(range('线上周六的课')?.from).toBe(shanghaiMidnight('2026-12-05').toISOString());
  });

  it('does not read ordinary words as dates', () => {
    for (const text of ['may I book the workshop', 'I sat down', 'book the second one', 'my code is 4F7K2Q', 'how long does it last', '第二个', '三个月的课程']) {
      expect(range(text)).toBeUndefined();
    }
  });

  it('uses the day in the given time zone, not the server one', () => {
    // 2026-12-04T20:00Z is already Saturday in Shanghai but still Friday in New York.
    const late = new Date('2026-12-04T20:00:00Z');
    expect(range('today', { now: late, timeZone: 'Asia/Shanghai' })?.from).toBe(shanghaiMidnight('2026-12-05').toISOString());
    expect(range('today', { now: late, timeZone: 'America/New_York' })).toMatchObject({
      from: '2026-12-04T05:00:00.000Z',
      to: '2026-12-05T05:00:00.000Z',
    });
  });

  it('keeps whole local days across a DST change (a 25-hour day)', () => {
    // New York falls back on Sunday 2026-11-01.
    const r = range('this weekend', { now: new Date('2026-10-30T16:00:00Z'), timeZone: 'America/New_York' });
    expect(r).toMatchObject({ from: '2026-10-31T04:00:00.000Z', to: '2026-11-02T05:00:00.000Z' });
  });

  it('starts a day whose midnight is skipped by DST at the first existing minute', () => {
    // Santiago springs forward at 00:00 on 2026-09-06: the day starts at 01:00 local (-03).
    const r = range('today', { now: new Date('2026-09-06T15:00:00Z'), timeZone: 'America/Santiago' });
    expect(r?.from).toBe('2026-09-06T04:00:00.000Z');
    const localStart = new Date(r!.from).toLocaleString('en-US', { timeZone: 'America/Santiago', hourCycle: 'h23' });
    expect(localStart).toBe('9/6/2026, 01:00:00');
  });

  it('rejects an unknown time zone clearly', () => {
    expect(() => resolveDateRange('today', { now, timeZone: 'Mars/Olympus' })).toThrow(/unknown IANA time zone/);
  });
});
