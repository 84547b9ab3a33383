import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner } from '@o2o/persistence';
import { Booking } from '../bookings/booking.entity';
import { WaitlistPromoter } from '../bookings/waitlist.promoter';
import { Clock } from '../clock/clock';
import { Course } from '../courses/course.entity';
import { DomainError } from '../errors/domain.error';
import { DomainEventBus } from '../events/domain-event.bus';
import { DomainEvent } from '../events/domain-events';
import { Venue } from '../venues/venue.entity';
import { OfflineSession } from './offline-session.entity';
import { CreateSessionInput, SessionFilter, UpdateSessionInput } from './session-input.types';
import { assertTimeRange, assertTimeZone } from './session-rules';

@Injectable()
export class OfflineSessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
    private readonly promoter: WaitlistPromoter,
  ) {}

  async create(tenantId: string, input: CreateSessionInput): Promise<OfflineSession> {
    assertTimeZone(input.timeZone);
    assertTimeRange(input.startsAt, input.endsAt);
    const events: DomainEvent[] = [];
    const session = await this.tx.run(async (m) => {
      await this.assertReferences(m, tenantId, input);
      const row = m.create(OfflineSession, {
        ...input,
        id: randomUUID(),
        tenantId,
        description: input.description ?? '',
        courseId: input.courseId ?? null,
        venueId: input.venueId ?? null,
        instructorName: input.instructorName ?? null,
        waitlistLimit: input.waitlistLimit ?? 0,
        priceMinor: input.priceMinor ?? 0,
        currency: input.currency ?? 'CNY',
        language: input.language ?? 'en',
        status: 'scheduled',
      });
      await m.insert(OfflineSession, row);
      events.push(await this.bus.record(m, 'SessionCreated', { tenantId, sessionId: row.id }, this.clock.now()));
      return m.findOneByOrFail(OfflineSession, { id: row.id });
    });
    await this.bus.publish(events);
    return session;
  }

  async get(tenantId: string, id: string): Promise<OfflineSession> {
    const session = await this.dataSource.getRepository(OfflineSession).findOneBy({ id, tenantId });
    if (!session) throw new DomainError('SESSION_NOT_FOUND', 404, { sessionId: id });
    return session;
  }

  list(tenantId: string, filter: SessionFilter): Promise<OfflineSession[]> {
    const qb = this.dataSource
      .getRepository(OfflineSession)
      .createQueryBuilder('s')
      .where('s.tenantId = :tenantId', { tenantId });
    if (filter.courseId) qb.andWhere('s.courseId = :courseId', { courseId: filter.courseId });
    if (filter.topic) qb.andWhere('LOWER(s.topic) = LOWER(:topic)', { topic: filter.topic });
    if (filter.city) qb.andWhere('LOWER(s.city) = LOWER(:city)', { city: filter.city });
    if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    // A range filter keeps sessions that overlap it, which is what "sessions this weekend" means.
    if (filter.from) qb.andWhere('s.endsAt >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('s.startsAt < :to', { to: filter.to });
    return qb
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .take(filter.limit ?? 100)
      .skip(filter.offset ?? 0)
      .getMany();
  }

  async update(tenantId: string, id: string, input: UpdateSessionInput): Promise<OfflineSession> {
    if (input.timeZone !== undefined) assertTimeZone(input.timeZone);
    const events: DomainEvent[] = [];
    const session = await this.tx.run(async (m) => {
      const current = await this.lock(m, tenantId, id);
      if (current.status !== 'scheduled') {
        throw new DomainError('SESSION_NOT_SCHEDULED', 409, { status: current.status });
      }
      assertTimeRange(input.startsAt ?? current.startsAt, input.endsAt ?? current.endsAt);
      await this.assertReferences(m, tenantId, input);
      if (input.capacity !== undefined && input.capacity < current.confirmedCount) {
        throw new DomainError('CAPACITY_BELOW_CONFIRMED', 422, { confirmed: current.confirmedCount }, 'capacity');
      }
      const changed = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
      Object.assign(current, input, { revision: current.revision + 1 });
      await m.save(OfflineSession, current);
      events.push(await this.bus.record(m, 'SessionUpdated', { tenantId, sessionId: id, changed }, this.clock.now()));
      // More seats (or a longer waitlist) must benefit the people already waiting, in order.
      events.push(...(await this.promoter.fillFreeSeats(m, current)));
      return m.findOneByOrFail(OfflineSession, { id });
    });
    await this.bus.publish(events);
    return session;
  }

  async cancel(tenantId: string, id: string, reason: string | null): Promise<OfflineSession> {
    const events: DomainEvent[] = [];
    const session = await this.tx.run(async (m) => {
      const current = await this.lock(m, tenantId, id);
      if (current.status === 'cancelled') return current;
      if (current.status !== 'scheduled') {
        throw new DomainError('SESSION_NOT_SCHEDULED', 409, { status: current.status });
      }
      const now = this.clock.now();
      const live = await m
        .getRepository(Booking)
        .createQueryBuilder('b')
        .where('b.sessionId = :id', { id })
        .andWhere('b.status IN (:...statuses)', { statuses: ['confirmed', 'waitlisted'] })
        .getMany();
      for (const booking of live) {
        await m.update(Booking, { id: booking.id }, { status: 'cancelled', cancelledAt: now, cancelReason: 'session_cancelled' });
        events.push(await this.bus.record(m, 'BookingCancelled', {
          tenantId, sessionId: id, bookingId: booking.id, learnerId: booking.learnerId,
          previousStatus: booking.status, reason: 'session_cancelled',
        }, now));
      }
      Object.assign(current, {
        status: 'cancelled', cancelReason: reason, confirmedCount: 0, waitlistCount: 0, revision: current.revision + 1,
      });
      await m.save(OfflineSession, current);
      events.unshift(await this.bus.record(m, 'SessionCancelled', {
        tenantId, sessionId: id, reason, cancelledBookingIds: live.map((b) => b.id),
      }, now));
      return current;
    });
    await this.bus.publish(events);
    return session;
  }

  /** Reads the session row under a write lock (PostgreSQL) or inside the serialised write queue (SQLite). */
  async lock(m: EntityManager, tenantId: string, id: string): Promise<OfflineSession> {
    const session = await this.tx
      .lockForUpdate(m.getRepository(OfflineSession).createQueryBuilder('s'))
      .where('s.id = :id AND s.tenantId = :tenantId', { id, tenantId })
      .getOne();
    if (!session) throw new DomainError('SESSION_NOT_FOUND', 404, { sessionId: id });
    return session;
  }

  private async assertReferences(m: EntityManager, tenantId: string, input: UpdateSessionInput): Promise<void> {
    if (input.courseId && !(await m.existsBy(Course, { id: input.courseId, tenantId }))) {
      throw new DomainError('COURSE_NOT_FOUND', 422, { courseId: input.courseId }, 'courseId');
    }
    if (input.venueId && !(await m.existsBy(Venue, { id: input.venueId, tenantId }))) {
      throw new DomainError('VENUE_NOT_FOUND', 422, { venueId: input.venueId }, 'venueId');
    }
  }
}
