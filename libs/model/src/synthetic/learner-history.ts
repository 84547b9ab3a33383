import type { FeatureInput, LearnerFeatures, PairFeatures } from '../features/feature-input';
import { haversineKm } from './synthetic-catalog';
import type { SyntheticLearner, SyntheticOnlineEvent, SyntheticOnlineItem, SyntheticSession } from './synthetic-world';
import { longestStreak } from '../features/longest-streak.util';

export const DAY_MS = 86_400_000;
/** Look-back window of the learner activity features. */
export const LOOK_BACK_DAYS = 90;

interface OfflineOutcome {
  sessionStart: number;
  attended: boolean;
  stars: number | null;
  ratedAt: number | null;
}

/**
 * One learner's history with point-in-time feature computation: features "at t" only use what happened
 * strictly before t, which is what a deployed pipeline can know when it scores a suggestion. The generator
 * fills it while simulating; buildSyntheticExamples refills it from the finished world and must get the same
 * numbers (a test checks this).
 */
export class LearnerHistory {
  private readonly events: { at: number; type: string; minutes: number; score: number | null }[] = [];
  private readonly purchases: { at: number; topic: string }[] = [];
  private readonly offline: OfflineOutcome[] = [];

  constructor(readonly learner: SyntheticLearner) {}

  addPurchase(at: number, topic: string): void {
    this.purchases.push({ at, topic });
  }

  addOnlineEvent(event: Pick<SyntheticOnlineEvent, 'at' | 'type' | 'minutes' | 'score'>): void {
    this.events.push({
      at: event.at.getTime(),
      type: event.type,
      minutes: event.minutes ?? 0,
      score: event.score ?? null,
    });
  }

  addOfflineOutcome(outcome: OfflineOutcome): void {
    this.offline.push(outcome);
  }

  /** Course topics bought before t. */
  topicsBefore(t: number): string[] {
    return this.purchases.filter((p) => p.at < t).map((p) => p.topic);
  }

  learnerFeatures(t: number): LearnerFeatures {
    const from = t - LOOK_BACK_DAYS * DAY_MS;
    let count = 0;
    let minutes = 0;
    let started = 0;
    let completed = 0;
    let quizSum = 0;
    let quizCount = 0;
    let last = this.learner.createdAt.getTime();
    const days = new Set<number>();
    for (const e of this.events) {
      if (e.at >= t) continue;
      last = Math.max(last, e.at);
      if (e.at < from) continue;
      count++;
      days.add(Math.floor(e.at / DAY_MS));
      if (e.type === 'item_started') {
        started++;
        minutes += e.minutes;
      } else if (e.type === 'item_completed') completed++;
      else if (e.type === 'quiz_submitted' && e.score !== null) {
        quizSum += e.score;
        quizCount++;
      }
    }
    return {
      onlineActivityCount: count,
      onlineMinutes: Math.round(minutes),
      // Laplace-smoothed so a learner with one started item is not rated 0 % or 100 %.
      completionRate: (completed + 1) / (started + 2),
      quizMean: quizCount ? quizSum / quizCount : 0.5,
      recencyDays: Math.max(0, (t - last) / DAY_MS),
      streakDays: longestStreak(days),
      coursesBought: this.purchases.filter((p) => p.at < t).length,
      city: this.learner.city,
      language: this.learner.language,
    };
  }

  pairFeatures(topic: string, t: number): PairFeatures {
    const topics = this.topicsBefore(t);
    const attended = this.offline.filter((o) => o.sessionStart < t && o.attended).length;
    const rated = this.offline.filter((o) => o.ratedAt !== null && o.ratedAt < t && o.stars !== null);
    return {
      topicMatch: topics.length ? topics.filter((x) => x === topic).length / topics.length : 0,
      pastOfflineAttendanceCount: attended,
      pastMeanRating: rated.length ? rated.reduce((s, o) => s + (o.stars as number), 0) / rated.length : null,
    };
  }

  sessionInput(session: SyntheticSession, t: number): FeatureInput {
    return {
      learner: this.learnerFeatures(t),
      session: {
        topic: session.topic,
        format: session.format,
        weekday: session.weekday,
        hour: session.hour,
        price: session.price,
        capacity: session.capacity,
        distanceKm: haversineKm(this.learner.homeLat, this.learner.homeLon, session.venueLat, session.venueLon),
        instructor: session.instructorId,
      },
      pair: this.pairFeatures(session.topic, t),
    };
  }

  onlineItemInput(item: SyntheticOnlineItem, t: number): FeatureInput {
    return {
      learner: this.learnerFeatures(t),
      session: {
        topic: item.topic,
        format: `online-${item.kind}`,
        weekday: null,
        hour: null,
        price: 0, // included in the course
        capacity: null,
        distanceKm: null,
        instructor: null,
      },
      pair: this.pairFeatures(item.topic, t),
    };
  }
}
