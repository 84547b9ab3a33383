import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { DomainEventBus } from '../events/domain-event.bus';
import { DomainEvent } from '../events/domain-events';
import { OfflineSession } from '../sessions/offline-session.entity';
import { Booking } from './booking.entity';

/** Moves waitlisted learners into free seats, first come first served. Call only while holding the session lock. */
@Injectable()
export class WaitlistPromoter {
  constructor(
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  async fillFreeSeats(m: EntityManager, session: OfflineSession): Promise<DomainEvent[]> {
    const events: DomainEvent[] = [];
    const free = session.capacity - session.confirmedCount;
    if (free <= 0 || session.waitlistCount <= 0) return events;
    const next = await m
      .getRepository(Booking)
      .createQueryBuilder('b')
      .where('b.sessionId = :id AND b.status = :status', { id: session.id, status: 'waitlisted' })
      .orderBy('b.queueNumber', 'ASC')
      .take(free)
      .getMany();
    const now = this.clock.now();
    for (const booking of next) {
      await m.update(Booking, { id: booking.id }, { status: 'confirmed', confirmedAt: now, promotedAt: now });
      events.push(await this.bus.record(m, 'BookingPromoted', {
        tenantId: session.tenantId, sessionId: session.id, bookingId: booking.id, learnerId: booking.learnerId,
      }, now));
    }
    session.confirmedCount += next.length;
    session.waitlistCount -= next.length;
    await m.update(OfflineSession, { id: session.id }, {
      confirmedCount: session.confirmedCount, waitlistCount: session.waitlistCount,
    });
    return events;
  }
}
