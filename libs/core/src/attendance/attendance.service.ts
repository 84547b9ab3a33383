import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@o2o/persistence';
import { Booking } from '../bookings/booking.entity';
import { Clock } from '../clock/clock';
import { DomainError } from '../errors/domain.error';
import { DomainEventBus } from '../events/domain-event.bus';
import { DomainEvent } from '../events/domain-events';
import { OfflineSessionService } from '../sessions/offline-session.service';
import { Attendance, AttendanceStatus } from './attendance.entity';

/** Instructors may mark attendance from this long before the start (people check in early). */
const CHECK_IN_OPENS_MS = 60 * 60_000;

@Injectable()
export class AttendanceService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
    private readonly sessions: OfflineSessionService,
  ) {}

  /**
   * Records (or corrects) one learner's attendance. Subscribers of AttendanceRecorded that must not lose the
   * change (gradebook sync) use `DomainEventBus.subscribeInTransaction` to write their outbox in this transaction.
   */
  async record(
    tenantId: string,
    sessionId: string,
    learnerId: string,
    status: AttendanceStatus,
  ): Promise<{ attendance: Attendance; created: boolean }> {
    const events: DomainEvent[] = [];
    const result = await this.tx.run(async (m) => {
      const session = await this.sessions.lock(m, tenantId, sessionId);
      if (session.status === 'cancelled') throw new DomainError('SESSION_CANCELLED', 409);
      const now = this.clock.now();
      const opensAt = new Date(session.startsAt.getTime() - CHECK_IN_OPENS_MS);
      if (now < opensAt) throw new DomainError('ATTENDANCE_TOO_EARLY', 409, { opensAt: opensAt.toISOString() });
      const booking = await m
        .getRepository(Booking)
        .createQueryBuilder('b')
        .where('b.sessionId = :sessionId AND b.learnerId = :learnerId', { sessionId, learnerId })
        .andWhere('b.status IN (:...live)', { live: ['confirmed', 'attended', 'no_show'] })
        .getOne();
      if (!booking) throw new DomainError('NO_CONFIRMED_BOOKING', 422, { learnerId }, 'learnerId');
      const existing = await m.findOneBy(Attendance, { sessionId, learnerId });
      const attendance = existing ?? m.create(Attendance, { id: randomUUID(), tenantId, sessionId, learnerId, bookingId: booking.id });
      Object.assign(attendance, { status, recordedAt: now });
      await m.save(Attendance, attendance);
      await m.update(Booking, { id: booking.id }, { status: status === 'absent' ? 'no_show' : 'attended' });
      events.push(await this.bus.record(m, 'AttendanceRecorded', {
        tenantId, sessionId, learnerId, bookingId: booking.id, attendanceId: attendance.id, status,
        recordedAt: now.toISOString(),
      }, now));
      return { attendance, created: !existing };
    });
    await this.bus.publish(events);
    return result;
  }
}
