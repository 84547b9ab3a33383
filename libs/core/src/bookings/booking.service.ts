import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { isUniqueViolation, rowDate, SqlExecutor, TransactionRunner } from '@o2o/persistence';
import { Clock } from '../clock/clock';
import { DomainError } from '../errors/domain.error';
import { DomainEventBus } from '../events/domain-event.bus';
import { DomainEvent } from '../events/domain-events';
import { OfflineSessionService } from '../sessions/offline-session.service';
import { OfflineSession } from '../sessions/offline-session.entity';
import { Booking, BookingSource } from './booking.entity';
import { WaitlistPromoter } from './waitlist.promoter';

interface SessionCounters {
  status: string;
  startsAt: Date | string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  waitlistLimit: number;
  queueSeq: number;
}

export interface BookingView extends Booking {
  waitlistPosition: number | null;
}

export interface BookingOutcome {
  booking: BookingView;
  /** False when the learner already held a live booking and that one is returned. */
  created: boolean;
}

/**
 * The booking engine. Every change takes the session's lock first, so the session's counters are the single
 * source of truth for capacity: seats are never oversold and the waitlist order never has gaps or duplicates.
 */
@Injectable()
export class BookingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
    private readonly sessions: OfflineSessionService,
    private readonly promoter: WaitlistPromoter,
  ) {}

  async book(tenantId: string, sessionId: string, learnerId: string, source: BookingSource = 'api'): Promise<BookingOutcome> {
    try {
      return await this.bookOnce(tenantId, sessionId, learnerId, source);
    } catch (err) {
      // A racing booking of the same learner committed first (see bookOnce): this attempt now returns that one.
      if (!isUniqueViolation(err)) throw err;
      return this.bookOnce(tenantId, sessionId, learnerId, source);
    }
  }

  private async bookOnce(tenantId: string, sessionId: string, learnerId: string, source: BookingSource): Promise<BookingOutcome> {
    const events: DomainEvent[] = [];
    // The hot path of the product, in plain SQL: the ORM's per-statement overhead was most of a booking's cost.
    const outcome = await this.tx.runSql(async (sql) => {
      // One statement: the session row locked, whether the learner exists in this tenant, and their live booking.
      // On PostgreSQL a booking committed by a racer we waited for is not in this statement's snapshot; the unique
      // index then refuses our insert and `book` retries once, which finds that booking.
      const [session] = await sql.query<SessionCounters & { learnerFound: string | null; bookingId: string | null }>(
        `SELECT s."status", s."startsAt", s."capacity", s."confirmedCount", s."waitlistCount", s."waitlistLimit",
         s."queueSeq", l."id" AS "learnerFound", b."id" AS "bookingId"
         FROM "offline_session" s
         LEFT JOIN "learner" l ON l."id" = ? AND l."tenantId" = s."tenantId"
         LEFT JOIN "booking" b ON b."sessionId" = s."id" AND b."learnerId" = l."id" AND b."status" <> 'cancelled'
         WHERE s."id" = ? AND s."tenantId" = ?${sql.forUpdate && `${sql.forUpdate} OF s`}`, [learnerId, sessionId, tenantId]);
      if (!session) throw new DomainError('SESSION_NOT_FOUND', 404, { sessionId });
      if (!session.learnerFound) throw new DomainError('LEARNER_NOT_FOUND', 422, { learnerId }, 'learnerId');
      if (session.bookingId) return { booking: await this.existing(sql, session.bookingId), created: false };
      if (session.status === 'cancelled') throw new DomainError('SESSION_CANCELLED', 409);
      if (session.status !== 'scheduled') throw new DomainError('SESSION_NOT_SCHEDULED', 409, { status: session.status });
      const now = this.clock.now();
      const closesAt = new Date(rowDate(session.startsAt).getTime() - this.config.bookingCutoffMinutes * 60_000);
      if (now >= closesAt) {
        throw new DomainError('BOOKING_CLOSED', 409, { minutes: this.config.bookingCutoffMinutes, closedAt: closesAt.toISOString() });
      }
      const [confirmed, waitlisted, limit, seq] =
        [session.confirmedCount, session.waitlistCount, session.waitlistLimit, session.queueSeq].map(Number);
      const seat = confirmed < Number(session.capacity);
      if (!seat && waitlisted >= limit) throw new DomainError('WAITLIST_FULL', 409);
      const booking: Booking = Object.assign(new Booking(), {
        id: randomUUID(), tenantId, sessionId, learnerId, source, status: seat ? 'confirmed' : 'waitlisted',
        queueNumber: seat ? null : seq + 1, confirmedAt: seat ? now : null, promotedAt: null, cancelledAt: null,
        cancelReason: null, createdAt: now, updatedAt: now,
      });
      const writes = [{
        sql: `INSERT INTO "booking" ("id", "tenantId", "sessionId", "learnerId", "status", "queueNumber", "source",
         "confirmedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [booking.id, tenantId, sessionId, learnerId, booking.status, booking.queueNumber, source, booking.confirmedAt, now, now],
      }, seat
        ? { sql: 'UPDATE "offline_session" SET "confirmedCount" = ? WHERE "id" = ?', params: [confirmed + 1, sessionId] }
        : { sql: 'UPDATE "offline_session" SET "waitlistCount" = ?, "queueSeq" = ? WHERE "id" = ?', params: [waitlisted + 1, seq + 1, sessionId] }];
      const facts = { tenantId, sessionId, bookingId: booking.id, learnerId };
      const waitlistPosition = seat ? null : waitlisted + 1;
      // The booking, the counters and the event row go to the database together (one round trip on PostgreSQL).
      events.push(seat
        ? await this.bus.record(sql, 'BookingConfirmed', facts, now, writes)
        : await this.bus.record(sql, 'BookingWaitlisted', { ...facts, waitlistPosition: waitlistPosition! }, now, writes));
      return { booking: { ...booking, waitlistPosition }, created: true };
    });
    await this.bus.publish(events);
    return outcome;
  }

  async cancel(tenantId: string, bookingId: string, reason = 'learner_cancelled'): Promise<BookingView> {
    const events: DomainEvent[] = [];
    const known = await this.find(tenantId, bookingId);
    await this.tx.run(async (m) => {
      const session = await this.sessions.lock(m, tenantId, known.sessionId);
      // Re-read under the lock: a racing cancellation may have got here first.
      const booking = await m.findOneByOrFail(Booking, { id: bookingId });
      if (booking.status === 'cancelled') return;
      if (booking.status !== 'confirmed' && booking.status !== 'waitlisted') {
        throw new DomainError('BOOKING_FINISHED', 409, { status: booking.status });
      }
      const now = this.clock.now();
      if (now >= session.startsAt) throw new DomainError('SESSION_STARTED', 409);
      await m.update(Booking, { id: bookingId }, { status: 'cancelled', cancelledAt: now, cancelReason: reason });
      events.push(await this.bus.record(m, 'BookingCancelled', {
        tenantId, sessionId: session.id, bookingId, learnerId: booking.learnerId,
        previousStatus: booking.status, reason,
      }, now));
      if (booking.status === 'confirmed') session.confirmedCount -= 1;
      else session.waitlistCount -= 1;
      await m.update(OfflineSession, { id: session.id }, {
        confirmedCount: session.confirmedCount, waitlistCount: session.waitlistCount,
      });
      events.push(...(await this.promoter.fillFreeSeats(m, session)));
    });
    await this.bus.publish(events);
    return this.get(tenantId, bookingId);
  }

  async get(tenantId: string, bookingId: string): Promise<BookingView> {
    return this.withPosition(this.dataSource.manager, await this.find(tenantId, bookingId));
  }

  /** All bookings of a session: confirmed first, then the waitlist in order, then the rest. */
  async listForSession(tenantId: string, sessionId: string): Promise<BookingView[]> {
    await this.sessions.get(tenantId, sessionId);
    const rows = await this.dataSource.getRepository(Booking).find({
      where: { sessionId, tenantId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const rank: Record<string, number> = { confirmed: 0, attended: 0, no_show: 0, waitlisted: 1, cancelled: 2 };
    const waitlist = rows.filter((b) => b.status === 'waitlisted').sort((a, b) => a.queueNumber! - b.queueNumber!);
    return rows
      .map((b) => ({ ...b, waitlistPosition: b.status === 'waitlisted' ? waitlist.indexOf(b) + 1 : null }))
      .sort((a, b) => rank[a.status] - rank[b.status] || (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  }

  listForLearner(tenantId: string, learnerId: string): Promise<Booking[]> {
    return this.dataSource.getRepository(Booking).find({ where: { tenantId, learnerId }, order: { createdAt: 'DESC' } });
  }

  private async find(tenantId: string, bookingId: string): Promise<Booking> {
    const booking = await this.dataSource.getRepository(Booking).findOneBy({ id: bookingId, tenantId });
    if (!booking) throw new DomainError('BOOKING_NOT_FOUND', 404, { bookingId });
    return booking;
  }

  /** The live booking a learner already holds, read in the booking's own unit of work. */
  private async existing(sql: SqlExecutor, bookingId: string): Promise<BookingView> {
    const [row] = await sql.query<Record<string, unknown>>('SELECT * FROM "booking" WHERE "id" = ?', [bookingId]);
    const dates = ['confirmedAt', 'promotedAt', 'cancelledAt', 'createdAt', 'updatedAt'] as const;
    const booking = Object.assign(new Booking(), row, Object.fromEntries(dates.map((d) => [d, row[d] == null ? null : rowDate(row[d])])));
    booking.queueNumber = booking.queueNumber == null ? null : Number(booking.queueNumber);
    if (booking.status !== 'waitlisted') return { ...booking, waitlistPosition: null };
    const [{ n }] = await sql.query<{ n: number | string }>(
      `SELECT COUNT(*) AS "n" FROM "booking" WHERE "sessionId" = ? AND "status" = 'waitlisted' AND "queueNumber" <= ?`,
      [booking.sessionId, booking.queueNumber]);
    return { ...booking, waitlistPosition: Number(n) };
  }

  private async withPosition(m: EntityManager, booking: Booking): Promise<BookingView> {
    if (booking.status !== 'waitlisted') return { ...booking, waitlistPosition: null };
    const ahead = await m
      .getRepository(Booking)
      .createQueryBuilder('b')
      .where('b.sessionId = :sessionId AND b.status = :status AND b.queueNumber <= :queueNumber', {
        sessionId: booking.sessionId, status: 'waitlisted', queueNumber: booking.queueNumber,
      })
      .getCount();
    return { ...booking, waitlistPosition: ahead };
  }
}
