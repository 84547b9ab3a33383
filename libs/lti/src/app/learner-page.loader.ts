import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BookingService, Clock, OfflineSession, SuggestionService } from '@o2o/core';
import type { LtiSession } from '../entities/lti-session.entity';
import type { LearnerBooking, LearnerPageData } from '../pages/learner.page';

const SHOW_PAST_BOOKINGS_MS = 30 * 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads what the learner page shows: suggestions for this course (the shared SuggestionService) and own bookings. */
@Injectable()
export class LearnerPageLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly suggestions: SuggestionService,
    private readonly bookings: BookingService,
    private readonly clock: Clock,
  ) {}

  async load(session: LtiSession): Promise<LearnerPageData> {
    const now = this.clock.now();
    const [suggestions, bookings] = await Promise.all([
      this.suggestions.forLearner(session.tenantId, session.learnerId, { courseId: session.courseId ?? undefined, limit: 6 }),
      this.bookings.listForLearner(session.tenantId, session.learnerId),
    ]);
    const recent = bookings.filter((b) => b.status !== 'cancelled').slice(0, 20);
    const sessions = recent.length
      ? await this.dataSource.getRepository(OfflineSession).findBy({ id: In([...new Set(recent.map((b) => b.sessionId))]) })
      : [];
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const items: LearnerBooking[] = [];
    for (const booking of recent) {
      const s = byId.get(booking.sessionId);
      if (!s || now.getTime() - s.endsAt.getTime() > SHOW_PAST_BOOKINGS_MS) continue;
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
