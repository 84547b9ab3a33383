import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Booking, BookingService, BookingView, OfflineSession } from '@o2o/core';
import { BotFaqEntry } from '../persistence/bot-faq-entry.entity';
import type { SearchFilters } from '../state/conversation-state.types';
import { TurnSql } from '../state/turn-sql.executor';

/** What a list of sessions shows (cards, the numbered list): a search reads only these columns. */
export const SESSION_LISTING_COLUMNS = [
  'id', 'title', 'topic', 'format', 'city', 'venueId', 'instructorName', 'startsAt', 'endsAt', 'timeZone', 'capacity',
  'waitlistLimit', 'priceMinor', 'currency', 'status', 'confirmedCount', 'waitlistCount',
] as const;
export type SessionListing = Pick<OfflineSession, (typeof SESSION_LISTING_COLUMNS)[number]>;

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
    private readonly sql: TurnSql,
  ) {}

  session(tenantId: string, id: string): Promise<OfflineSession | null> {
    return this.dataSource.getRepository(OfflineSession).findOneBy({ id, tenantId });
  }

  async sessions(tenantId: string, ids: string[]): Promise<OfflineSession[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(OfflineSession).findBy({ id: In(ids), tenantId });
    return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is OfflineSession => !!r);
  }

  /**
   * Scheduled sessions that have not started, matching the filters, soonest first: the "find sessions" query of
   * nearly every turn, as compiled SQL (see TurnSql) with the API's filters, reading only what a listing shows.
   */
  search(tenantId: string, filters: SearchFilters, now: Date, limit: number): Promise<SessionListing[]> {
    const from = filters.from && new Date(filters.from) > now ? new Date(filters.from) : now;
    const at = (d: Date) => this.sql.persist(OfflineSession, 'startsAt', d);
    const where = ['s."tenantId" = ?', 's.status = ?', 's."startsAt" > ?'];
    const params: unknown[] = [tenantId, 'scheduled', at(from)];
    if (filters.to) { where.push('s."startsAt" < ?'); params.push(at(new Date(filters.to))); }
    if (filters.topic) { where.push('s.topic = ?'); params.push(filters.topic); }
    if (filters.city) { where.push('s.city = ?'); params.push(filters.city); }
    if (filters.courseId) { where.push('s."courseId" = ?'); params.push(filters.courseId); }
    params.push(Math.max(1, Math.floor(limit)));
    return this.sql.select(OfflineSession, 's',
      `SELECT ${this.sql.columns(OfflineSession, 's', SESSION_LISTING_COLUMNS)} FROM offline_session s WHERE ${where.join(' AND ')} ORDER BY s."startsAt" ASC, s.id ASC LIMIT ?`,
      params, SESSION_LISTING_COLUMNS);
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
