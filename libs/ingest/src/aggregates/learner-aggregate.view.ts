import { LearnerAggregate } from './learner-aggregate.entity';

/** The aggregate as the API shows it: derived figures, not the running state. */
export function learnerAggregateView(a: LearnerAggregate) {
  const amounts: Record<string, number> = {};
  for (const [currency, milli] of Object.entries(a.amountMilli ?? {})) amounts[currency] = milli / 1000;
  return {
    learnerId: a.learnerId, eventCount: a.eventCount, countsByType: a.countsByType, minutes: a.minutes,
    coursesActive: a.coursesActive, coursesCompleted: a.coursesCompleted, completionRate: a.completionRate,
    scoreMean: a.scoreMean, ratingMean: a.ratingMean, coursesBought: a.coursesBought, purchaseCount: a.purchaseCount, amounts,
    firstActivityAt: a.firstActivityAt, lastActivityAt: a.lastActivityAt, activeDays: a.activeDays,
    currentStreak: a.currentStreak, longestStreak: a.longestStreak, updatedAt: a.updatedAt,
  };
}
