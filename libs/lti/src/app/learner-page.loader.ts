import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BookingService, Clock, DomainError, OfflineSession, SuggestionService } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import type { LtiSession } from '../entities/lti-session.entity';
import type { LearnerBooking, LearnerPageData } from '../pages/learner.page';
import { LearnerPageQuery } from './learner-page.query';

const SHOW_PAST_BOOKINGS_MS = 30 * 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads what the learner page shows: suggestions for this course (ranked by the shared SuggestionService) and own
 * bookings. The learner, the candidates and the bookings come from one statement (`LearnerPageQuery`): the page is
 * read on every launch, and each round trip to PostgreSQL costs more CPU than the rest of the page.
 */
@Injectable()
export class LearnerPageLoader {
  private readonly query: LearnerPageQuery;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly suggestions: SuggestionService,
    private readonly bookings: BookingService,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {
    this.query = new LearnerPageQuery(dataSource, suggestions);
  }

  /** The page's statement, for the launch to run together with its own write (one round trip on PostgreSQL). */
  statement(tenantId: string, learnerId: string, courseId: string | null): { sql: string; params: unknown[] } {
    return this.query.build(tenantId, learnerId, courseId);
  }

  private args(session: LtiSession): [string, unknown[]] {
    const { sql, params } = this.query.build(session.tenantId, session.learnerId, session.courseId);
    return [sql, params];
  }

  /** `prefetched`: the rows of `statement` for this session, when the launch already read them. */
  async load(session: LtiSession, prefetched?: Array<Record<string, unknown>>): Promise<LearnerPageData> {
    const now = this.clock.now();
    const rows = this.query.read(prefetched ?? await this.tx.readSql(...this.args(session)));
    if (!rows) throw new DomainError('LEARNER_NOT_FOUND', 404, { learnerId: session.learnerId });
    const suggestions = await this.suggestions.rankCandidates(rows.learner, rows.candidates, {
      courseId: session.courseId ?? undefined, limit: 6, knownPastTopics: rows.pastTopics,
    });
    const items: LearnerBooking[] = [];
    for (const { booking, session: s } of rows.bookings) {
      if (now.getTime() - s.endsAt.getTime() > SHOW_PAST_BOOKINGS_MS) continue;
      const waitlistPosition = booking.status === 'waitlisted'
        ? (await this.bookings.get(session.tenantId, booking.id)).waitlistPosition : null;
      items.push({ booking, waitlistPosition, session: s });
    }
    items.sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
    // A resource link made for one session (deep linking) opens on that session.
    const target = typeof session.launch.targetSessionId === 'string' && UUID.test(session.launch.targetSessionId)
      ? await this.dataSource.getRepository(OfflineSession).findOneBy({ id: session.launch.targetSessionId, tenantId: session.tenantId })
      : null;
    const focus = target ? { session: target, booking: items.find((i) => i.session.id === target.id) } : undefined;
    return {
      courseTitle: session.launch.courseTitle as string | undefined, now, bookings: items, focus,
      suggestions: target ? suggestions.filter((s) => s.session.id !== target.id) : suggestions,
    };
  }
}
