import { planSendTime, quietWindowAt } from './quiet-hours.util';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);
const quiet = { start: '22:00', end: '08:00' };

describe('quiet hours', () => {
  it('finds windows that wrap midnight, on either side of it', () => {
    // 23:30 and 03:00 Shanghai time are inside 22:00–08:00; 12:00 is not.
    expect(quietWindowAt(at('2026-12-10T15:30:00Z'), quiet, TZ)).toEqual({ start: at('2026-12-10T14:00:00Z'), end: at('2026-12-11T00:00:00Z') });
    expect(quietWindowAt(at('2026-12-10T19:00:00Z'), quiet, TZ)?.end).toEqual(at('2026-12-11T00:00:00Z'));
    expect(quietWindowAt(at('2026-12-10T04:00:00Z'), quiet, TZ)).toBeUndefined();
    expect(quietWindowAt(at('2026-12-10T13:00:00Z'), { start: '13:00', end: '21:00' }, TZ)).toBeUndefined();
    expect(quietWindowAt(at('2026-12-10T05:00:00Z'), { start: '13:00', end: '21:00' }, TZ)?.end).toEqual(at('2026-12-10T13:00:00Z'));
  });

  it('defers to the end of quiet hours', () => {
    const sent = planSendTime(at('2026-12-10T19:00:00Z'), quiet, TZ, { notBefore: at('2026-12-01T00:00:00Z'), notAfter: at('2026-12-12T00:00:00Z') });
    expect(sent).toEqual(at('2026-12-11T00:00:00Z'));
  });

  it('sends just before quiet hours when their end is too late, and gives up when that has passed', () => {
    // A 2-hour reminder for a 07:00 session falls at 05:00, inside the window; 08:00 is after the start.
    const bounds = { notBefore: at('2026-12-01T00:00:00Z'), notAfter: at('2026-12-10T23:00:00Z') };
    expect(planSendTime(at('2026-12-10T21:00:00Z'), quiet, TZ, bounds)).toEqual(at('2026-12-10T13:59:00Z'));
    expect(planSendTime(at('2026-12-10T21:00:00Z'), quiet, TZ, { ...bounds, notBefore: at('2026-12-10T20:00:00Z') })).toBeUndefined();
  });

  it('leaves times outside quiet hours alone, and never sends after the deadline', () => {
    const bounds = { notBefore: at('2026-12-01T00:00:00Z'), notAfter: at('2026-12-12T00:00:00Z') };
    expect(planSendTime(at('2026-12-10T04:00:00Z'), quiet, TZ, bounds)).toEqual(at('2026-12-10T04:00:00Z'));
    expect(planSendTime(at('2026-12-10T04:00:00Z'), undefined, TZ, bounds)).toEqual(at('2026-12-10T04:00:00Z'));
    expect(planSendTime(at('2026-12-13T04:00:00Z'), undefined, TZ, bounds)).toBeUndefined();
  });
});
