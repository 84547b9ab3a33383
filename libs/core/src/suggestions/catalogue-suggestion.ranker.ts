import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Booking } from '../bookings/booking.entity';
import type { Learner } from '../learners/learner.entity';
import type { OfflineSession } from '../sessions/offline-session.entity';
import { Suggestion, SuggestionFilters, SuggestionRanker } from './suggestion';

/** Cold-start ranking without a model: the learner's course topics, their city, then how popular a session is. */
@Injectable()
export class CatalogueSuggestionRanker extends SuggestionRanker {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async rank(learner: Learner, candidates: OfflineSession[], filters: SuggestionFilters): Promise<Suggestion[]> {
    const pastTopics = filters.knownPastTopics instanceof Set ? filters.knownPastTopics : new Set(
      (await this.dataSource.getRepository(Booking).createQueryBuilder('b')
        .innerJoin('offline_session', 's', 's.id = b.sessionId')
        .select('s.topic', 'topic').where('b.learnerId = :id', { id: learner.id }).getRawMany<{ topic: string }>())
        .map((r) => r.topic),
    );
    return candidates.map((session) => {
      const codes: string[] = [];
      let score = 0.3;
      if (filters.courseId && session.courseId === filters.courseId) { score += 0.3; codes.push('course_match'); }
      if (pastTopics.has(session.topic)) { score += 0.15; codes.push('topic_history'); }
      if (learner.city && learner.city.toLowerCase() === session.city.toLowerCase()) { score += 0.2; codes.push('same_city'); }
      const fill = session.capacity ? session.confirmedCount / session.capacity : 0;
      score += 0.05 * fill;
      if (fill >= 0.5) codes.push('popular');
      return { session, score: Math.min(1, score), waitlist: session.confirmedCount >= session.capacity, reasonCodes: codes, reason: explain(codes, session) };
    });
  }
}

export function explain(codes: string[], session: OfflineSession): Suggestion['reason'] {
  const en: string[] = [];
  const zh: string[] = [];
  if (codes.includes('course_match')) { en.push('it belongs to your course'); zh.push('属于你正在学习的课程'); }
  if (codes.includes('topic_history')) { en.push(`you joined ${session.topic} sessions before`); zh.push(`你参加过${session.topic}相关活动`); }
  if (codes.includes('same_city')) { en.push(`it is in ${session.city}, where you live`); zh.push(`在你所在的城市${session.city}`); }
  if (codes.includes('popular')) { en.push('it is filling up fast'); zh.push('报名踊跃'); }
  if (en.length === 0) { en.push(`a hands-on ${session.topic} session`); zh.push(`${session.topic}线下实践活动`); }
  return { en: `Suggested because ${en.join(' and ')}.`, 'zh-CN': `推荐理由:${zh.join(',')}。` };
}
