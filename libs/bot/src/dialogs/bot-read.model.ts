import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Booking, BookingService, BookingView, OfflineSession } from '@o2o/core';
import { BotFaqEntry } from '../persistence/bot-faq-entry.entity';
import type { SearchFilters } from '../state/conversation-state';

export interface LearnerBooking {
  booking: BookingView;
  session: OfflineSession;
}

/** The reads the dialogs need, each one query where possible; writes go through the core services. */
@Injectable()
export class BotReadModel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bookings: BookingService,
  ) {}

  session(tenantId: string, id: string): Promise<OfflineSession | null> {
    return this.dataSource.getRepository(OfflineSession).findOneBy({ id, tenantId });
  }

  async sessions(tenantId: string, ids: string[]): Promise<OfflineSession[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(OfflineSession).findBy({ id: In(ids), tenantId });
    return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is OfflineSession => !!r);
  }

  /** Scheduled sessions that have not started, matching the filters, soonest first. */
  search(tenantId: string, filters: SearchFilters, now: Date, limit: number): Promise<OfflineSession[]> {
    const from = filters.from && new Date(filters.from) > now ? new Date(filters.from) : now;
    const qb = this.dataSource.getRepository(OfflineSession).createQueryBuilder('s')
      .where('s.tenantId = :tenantId AND s.status = :status AND s.startsAt > :from', { tenantId, status: 'scheduled', from });
    if (filters.to) qb.andWhere('s.startsAt < :to', { to: new Date(filters.to) });
    if (filters.topic) qb.andWhere('s.topic = :topic', { topic: filters.topic });
    if (filters.city) qb.andWhere('s.city = :city', { city: filters.city });
    if (filters.courseId) qb.andWhere('s.courseId = :courseId', { courseId: filters.courseId });
    return qb.orderBy('s.startsAt', 'ASC').addOrderBy('s.id', 'ASC').take(limit).getMany();
  }

  /** Confirmed and waitlisted bookings of sessions that have not started, soonest first, with waitlist positions. */
  async upcomingBookings(tenantId: string, learnerId: string, now: Date): Promise<LearnerBooking[]> {
    const rows = await this.dataSource.getRepository(Booking).find({
      where: { tenantId, learnerId, status: In(['confirmed', 'waitlisted']) },
    });
    const sessions = await this.sessions(tenantId, rows.map((b) => b.sessionId));
    const out: LearnerBooking[] = [];
    for (const booking of rows) {
      const session = sessions.find((s) => s.id === booking.sessionId);
      if (!session || session.startsAt <= now) continue;
      const view = booking.status === 'waitlisted' ? await this.bookings.get(tenantId, booking.id) : { ...booking, waitlistPosition: null };
      out.push({ booking: view, session });
    }
    return out.sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
  }

  async liveBooking(tenantId: string, sessionId: string, learnerId: string): Promise<BookingView | null> {
    const row = await this.dataSource.getRepository(Booking).createQueryBuilder('b')
      .where('b.tenantId = :tenantId AND b.sessionId = :sessionId AND b.learnerId = :learnerId AND b.status IN (:...live)', {
        tenantId, sessionId, learnerId, live: ['confirmed', 'waitlisted'],
      })
      .getOne();
    return row ? this.bookings.get(tenantId, row.id) : null;
  }

  faq(tenantId: string, key: string): Promise<BotFaqEntry | null> {
    return this.dataSource.getRepository(BotFaqEntry).findOneBy({ tenantId, key });
  }
}
