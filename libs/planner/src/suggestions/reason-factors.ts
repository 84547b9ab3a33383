/**
 * The human-sized factors a suggestion's reason is built from, each the set of model features it stands for.
 * Attribution switches a factor's encoded columns to "absent / average" (zero after normalisation) and measures
 * how much the predicted satisfaction drops: the factors with the largest drop are what drove the score.
 */
export const REASON_FACTORS = [
  { code: 'course_progress', features: ['pair.topicMatch', 'learner.coursesBought'] },
  { code: 'completion', features: ['learner.completionRate'] },
  { code: 'near', features: ['session.distanceKm', 'learner.city'] },
  { code: 'past_attendance', features: ['pair.pastOfflineAttendanceCount'] },
  { code: 'past_rating', features: ['pair.pastMeanRating'] },
  { code: 'timing', features: ['session.weekday', 'session.hour'] },
  { code: 'format', features: ['session.format'] },
  { code: 'price', features: ['session.price'] },
  { code: 'instructor', features: ['session.instructor'] },
  { code: 'online_activity', features: ['learner.onlineActivityCount', 'learner.onlineMinutes', 'learner.streakDays', 'learner.quizMean', 'learner.recencyDays'] },
] as const;

export type ReasonCode = (typeof REASON_FACTORS)[number]['code'];

const cache = new WeakMap<readonly string[], { code: ReasonCode; columns: number[] }[]>();

/** Column indices of each factor in an encoder's column list (`session.weekday=sat`, `learner.city#3`, …). */
export function factorColumns(columns: readonly string[]): { code: ReasonCode; columns: number[] }[] {
  const cached = cache.get(columns);
  if (cached) return cached;
  const found = REASON_FACTORS.map((factor) => ({
    code: factor.code,
    columns: columns.flatMap((name, i) =>
      factor.features.some((f) => name === f || name.startsWith(`${f}=`) || name.startsWith(`${f}#`) || name.startsWith(`${f}:`)) ? [i] : []),
  }));
  cache.set(columns, found);
  return found;
}
