import { DomainError } from '../errors/domain.error';

export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new DomainError('INVALID_TIME_ZONE', 400, { timeZone }, 'timeZone');
  }
}

export function assertTimeRange(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new DomainError('INVALID_TIME_RANGE', 400, {}, 'endsAt');
  }
}
