import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, DomainEventBus, IdentityService } from '@o2o/core';
import { LearningEventStore, NormalizedLearningEvent } from '@o2o/ingest';
import { rawQuery, TransactionRunner } from '@o2o/persistence';
import { generateSyntheticWorld } from '../../synthetic/synthetic-data.generator';
import type { SyntheticWorld, SyntheticWorldOptions } from '../../synthetic/synthetic-world';
import { FeatureDataLoader } from '../features/feature-data.loader';
import { zonedInstant } from '../features/local-clock';
import { bulkInsert } from './bulk-insert';
import { mapName, SESSION_FORMAT_MAP, SyntheticHistoryMapping } from './synthetic-history.mapping';
import { syntheticOnlineEvents } from './synthetic-online-events';

/** Issuer of generated learners' identities, so they can never collide with a real LMS's users. */
export const SYNTHETIC_ISSUER = 'urn:o2o-bridge:synthetic';
export const SYNTHETIC_COURSE_PREFIX = 'synthetic:';
const EVENTS_PER_TRANSACTION = 5000;

export interface SyntheticHistoryResult {
  learners: number;
  courses: number;
  sessions: number;
  bookings: number;
  ratings: number;
  onlineEvents: number;
  world: SyntheticWorld;
  /** Generated learner id → stored learner id. */
  learnerIds: Map<string, string>;
}

/**
 * Writes a generated world (generateSyntheticWorld) into a tenant as history: courses, learners with their
 * identities, past sessions, bookings with attendance and ratings (core tables, multi-row inserts in one
 * transaction), and online activity through the ingest door (LearningEventStore) so aggregates and
 * LearningEventsIngested follow as for any import. Only sessions that ended before now are written.
 */
@Injectable()
export class SyntheticHistorySeeder {
  private readonly logger = new Logger('SyntheticHistory');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly identity: IdentityService,
    private readonly store: LearningEventStore,
    private readonly loader: FeatureDataLoader,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  async isSeeded(tenantId: string): Promise<boolean> {
    const rows = await rawQuery(this.dataSource.manager, 'SELECT 1 FROM "course" WHERE "tenantId" = ? AND "externalId" = ?',
      [tenantId, `${SYNTHETIC_COURSE_PREFIX}course-1`]);
    return rows.length > 0;
  }

  async seed(
    tenantId: string,
    options: SyntheticWorldOptions,
    mapping: SyntheticHistoryMapping,
    progress?: (percent: number, message: string) => void | Promise<void>,
  ): Promise<SyntheticHistoryResult> {
    const world = generateSyntheticWorld(options);
    const now = this.clock.now();
    const learnerIds = new Map(world.learners.map((l) => [l.id, randomUUID()]));
    const courseIds = new Map(world.courses.map((c) => [c.id, randomUUID()]));
    const sessionIds = new Map<string, string>();
    const instructors = new Map(world.instructors.map((i) => [i.id, i.name]));
    const sessions = world.sessions.filter((s) => s.startsAt.getTime() + s.durationMinutes * 60_000 < now.getTime());
    for (const s of sessions) sessionIds.set(s.id, randomUUID());
    const bookings = world.bookings.filter((b) => sessionIds.has(b.sessionId));
    const bookingIds = new Map(bookings.map((b) => [b.id, randomUUID()]));
    const attendance = new Map(world.attendance.map((a) => [a.bookingId, a]));
    const ratings = world.ratings.filter((r) => bookingIds.has(r.bookingId));
    await progress?.(5, 'catalogue, learners, sessions, bookings');

    await this.tx.run(async (m) => {
      await bulkInsert(m, 'course', ['id', 'tenantId', 'externalId', 'title', 'topic', 'language', 'createdAt'],
        world.courses.map((c) => [courseIds.get(c.id), tenantId, SYNTHETIC_COURSE_PREFIX + c.id, c.title,
          mapName(mapping.topics, c.topic), mapName(mapping.languages, c.language), world.start]));
      await bulkInsert(m, 'learner', ['id', 'tenantId', 'pseudonym', 'locale', 'city', 'createdAt'],
        world.learners.map((l) => [learnerIds.get(l.id), tenantId, this.identity.pseudonymFor(tenantId, SYNTHETIC_ISSUER, l.id),
          mapName(mapping.languages, l.language), mapName(mapping.cities, l.city), l.createdAt]));
      await bulkInsert(m, 'learner_identity', ['id', 'tenantId', 'learnerId', 'issuer', 'subject', 'displayName', 'createdAt'],
        world.learners.map((l) => [randomUUID(), tenantId, learnerIds.get(l.id), SYNTHETIC_ISSUER, l.id, l.name, l.createdAt]));
      const seats = new Map<string, number>();
      for (const b of bookings) seats.set(b.sessionId, (seats.get(b.sessionId) ?? 0) + 1);
      await bulkInsert(m, 'offline_session', [
        'id', 'tenantId', 'title', 'description', 'topic', 'format', 'city', 'instructorName', 'startsAt', 'endsAt', 'timeZone',
        'capacity', 'waitlistLimit', 'priceMinor', 'currency', 'language', 'status', 'confirmedCount', 'waitlistCount', 'queueSeq',
        'revision', 'createdAt', 'updatedAt',
      ], sessions.map((s) => {
        const startsAt = zonedInstant(s.startsAt.getTime(), mapping.timeZone);
        return [sessionIds.get(s.id), tenantId, s.title, '', mapName(mapping.topics, s.topic), SESSION_FORMAT_MAP[s.format] ?? s.format,
          mapName(mapping.cities, s.city), instructors.get(s.instructorId) ?? s.instructorId, startsAt,
          new Date(startsAt.getTime() + s.durationMinutes * 60_000), mapping.timeZone, s.capacity, 0, Math.round(s.price * 100),
          mapping.currency, 'en', 'completed', seats.get(s.id) ?? 0, 0, 0, 0, world.start, now];
      }));
      await this.writeOutcomes(m, tenantId, world, bookings, { learnerIds, sessionIds, bookingIds, attendance }, mapping);
      await bulkInsert(m, 'feedback', ['id', 'tenantId', 'bookingId', 'sessionId', 'learnerId', 'rating', 'comment', 'givenAt'],
        ratings.map((r) => [randomUUID(), tenantId, bookingIds.get(r.bookingId), sessionIds.get(r.sessionId), learnerIds.get(r.learnerId),
          r.stars, '', r.ratedAt]));
    });

    const events = syntheticOnlineEvents(world, mapping, SYNTHETIC_ISSUER, SYNTHETIC_COURSE_PREFIX).filter((e) => e.occurredAt < now);
    for (let i = 0; i < events.length; i += EVENTS_PER_TRANSACTION) {
      await progress?.(10 + (80 * i) / events.length, `online activity ${i}/${events.length}`);
      await this.storeEvents(tenantId, events.slice(i, i + EVENTS_PER_TRANSACTION));
    }
    this.loader.invalidate(tenantId);
    const result = {
      learners: world.learners.length, courses: world.courses.length, sessions: sessions.length, bookings: bookings.length,
      ratings: ratings.length, onlineEvents: events.length, world, learnerIds,
    };
    this.logger.log(`tenant ${tenantId}: synthetic history ${JSON.stringify({ ...result, world: undefined, learnerIds: undefined })}`);
    return result;
  }

  private async writeOutcomes(
    m: EntityManager,
    tenantId: string,
    world: SyntheticWorld,
    bookings: SyntheticWorld['bookings'],
    ids: { learnerIds: Map<string, string>; sessionIds: Map<string, string>; bookingIds: Map<string, string>; attendance: Map<string, SyntheticWorld['attendance'][number]> },
    mapping: SyntheticHistoryMapping,
  ): Promise<void> {
    const ends = new Map(world.sessions.map((s) => [s.id, zonedInstant(s.startsAt.getTime() + s.durationMinutes * 60_000, mapping.timeZone)]));
    await bulkInsert(m, 'booking', ['id', 'tenantId', 'sessionId', 'learnerId', 'status', 'source', 'confirmedAt', 'createdAt', 'updatedAt'],
      bookings.map((b) => {
        const attended = ids.attendance.get(b.id)?.attended ?? false;
        return [ids.bookingIds.get(b.id), tenantId, ids.sessionIds.get(b.sessionId), ids.learnerIds.get(b.learnerId),
          attended ? 'attended' : 'no_show', 'demo', b.bookedAt, b.bookedAt, ends.get(b.sessionId)];
      }));
    await bulkInsert(m, 'attendance', ['id', 'tenantId', 'sessionId', 'learnerId', 'bookingId', 'status', 'recordedAt'],
      bookings.map((b) => {
        const a = ids.attendance.get(b.id);
        return [randomUUID(), tenantId, ids.sessionIds.get(b.sessionId), ids.learnerIds.get(b.learnerId), ids.bookingIds.get(b.id),
          a?.attended ? 'present' : 'absent', ends.get(b.sessionId)];
      }));
  }

  /** Online events through the ingest door; LearningEventsIngested is published after commit as the doors do. */
  async storeEvents(tenantId: string, events: NormalizedLearningEvent[]): Promise<void> {
    const stored = await this.tx.run((m) => this.store.store(m, tenantId, events, this.clock.now()));
    if (stored.domainEvent) await this.bus.publish([stored.domainEvent]);
    this.loader.invalidate(tenantId);
  }
}
