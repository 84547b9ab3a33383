import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Booking } from '../bookings/booking.entity';
import { Clock } from '../clock/clock';
import { LearnerService } from '../learners/learner.service';
import { OfflineSession } from '../sessions/offline-session.entity';
import { Suggestion, SuggestionFilters, SuggestionRanker } from './suggestion';

/** How many sessions of one topic may appear in a row of suggestions before others get a turn. */
const MAX_PER_TOPIC = 2;

/**
 * The one source of suggestions for the course page, the chat and the REST API: bookable upcoming sessions the
 * learner does not hold yet, ranked, and diversified so one topic cannot fill the list.
 */
@Injectable()
export class SuggestionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly learners: LearnerService,
    private ranker: SuggestionRanker,
    private readonly clock: Clock,
  ) {}

  /**
   * Lets a capability (the satisfaction model) take over ranking at start-up. A provider for the
   * SuggestionRanker token in another module cannot do it: Nest resolves this service's dependencies in
   * CoreModule first. The replacement keeps the catalogue ranker as its own cold-start fallback.
   */
  useRanker(ranker: SuggestionRanker): void {
    this.ranker = ranker;
  }

  async forLearner(tenantId: string, learnerId: string, filters: SuggestionFilters = {}): Promise<Suggestion[]> {
    const learner = await this.learners.get(tenantId, learnerId);
    const candidates = await this.candidates(tenantId, learnerId, filters);
    const ranked = (await this.ranker.rank(learner, candidates, filters)).sort(
      (a, b) => b.score - a.score || a.session.startsAt.getTime() - b.session.startsAt.getTime(),
    );
    return diversify(ranked, filters.limit ?? 5);
  }

  /** Scheduled, not yet closed for booking, with a seat or an open waitlist, and not already booked by the learner. */
  async candidates(tenantId: string, learnerId: string, filters: SuggestionFilters): Promise<OfflineSession[]> {
    const closesAfter = new Date(this.clock.now().getTime() + this.config.bookingCutoffMinutes * 60_000);
    const qb = this.dataSource.getRepository(OfflineSession).createQueryBuilder('s')
      .where('s.tenantId = :tenantId AND s.status = :status', { tenantId, status: 'scheduled' })
      .andWhere('s.startsAt > :closesAfter', { closesAfter })
      .andWhere('(s.confirmedCount < s.capacity OR s.waitlistCount < s.waitlistLimit)')
      .andWhere((sub) => 'NOT EXISTS ' + sub.subQuery().select('1').from(Booking, 'b')
        .where('b.sessionId = s.id AND b.learnerId = :learnerId AND b.status <> :cancelled').getQuery(),
      { learnerId, cancelled: 'cancelled' });
    // "For this course" means the course's own sessions and sessions on the same topic.
    if (filters.courseId) {
      qb.andWhere('(s.courseId = :courseId OR s.topic IN (SELECT c.topic FROM course c WHERE c.id = :courseId))', { courseId: filters.courseId });
    }
    if (filters.city) qb.andWhere('LOWER(s.city) = LOWER(:city)', { city: filters.city });
    if (filters.from) qb.andWhere('s.endsAt >= :from', { from: filters.from });
    if (filters.to) qb.andWhere('s.startsAt < :to', { to: filters.to });
    return qb.orderBy('s.startsAt', 'ASC').take(2000).getMany();
  }
}

/** Keeps the ranking but lets at most MAX_PER_TOPIC sessions of a topic ahead of the others. */
export function diversify(ranked: Suggestion[], limit: number): Suggestion[] {
  const picked: Suggestion[] = [];
  const deferred: Suggestion[] = [];
  const perTopic = new Map<string, number>();
  for (const s of ranked) {
    const n = perTopic.get(s.session.topic) ?? 0;
    if (n < MAX_PER_TOPIC) { picked.push(s); perTopic.set(s.session.topic, n + 1); } else deferred.push(s);
    if (picked.length >= limit) return picked;
  }
  return [...picked, ...deferred].slice(0, limit);
}
