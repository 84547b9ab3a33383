import type { FeatureInput } from '../features/feature-input';

/**
 * The ground truth of the synthetic world. P(satisfied) = σ(z) where z is a linear function of the features
 * exactly as the encoder receives them (FeatureInput), plus two hidden effects the model never sees directly:
 * instructor quality (visible only through the hashed instructor id) and learner generosity (visible only
 * through earlier ratings). Changing a coefficient changes what the recovery test expects, so keep the README
 * table in sync.
 */
export const HIDDEN_PREFERENCE_MODEL = {
  offline: {
    intercept: -0.6,
    /** × pair.topicMatch (0..1): people enjoy sessions on what they paid to learn. */
    topicMatch: 3.5,
    /** × (learner.completionRate − 0.5): finishers show up and engage. */
    completionRate: 4.0,
    /** × session.distanceKm: travel is a cost. */
    distanceKm: -0.03,
    /** × session.price. */
    price: -0.025,
    /** By session.weekday, Monday first: Saturday best, Friday evening worst. */
    weekday: [-0.3, 0, 0, 0, -0.5, 0.8, 0.4],
    /** Start hour 18–20 inclusive. */
    evening: 0.5,
    /** Start hour before 12. */
    morning: -0.4,
    format: { workshop: 0.5, 'study-group': 0.1, lecture: -0.4, 'field-trip': 0.2 } as Record<string, number>,
    /** × min(pair.pastOfflineAttendanceCount, 5): regulars are happier. */
    pastAttendance: 0.15,
    /** × hidden learner generosity. */
    generosity: 1.0,
    /** × hidden instructor quality. */
    instructorQuality: 1.0,
  },
  online: {
    intercept: -0.8,
    topicMatch: 2.0,
    completionRate: 3.0,
    /** × (learner.quizMean − 0.6). */
    quizMean: 2.0,
    /** × min(learner.recencyDays, 60): a long break lowers satisfaction with the next item. */
    recencyDays: -0.03,
    /** By session.format for online items. */
    format: { 'online-video': 0.3, 'online-reading': -0.1, 'online-quiz': -0.3, 'online-exercise': 0.2 } as Record<
      string,
      number
    >,
    generosity: 0.5,
  },
  /** Std of the hidden effects (normal, mean 0). */
  learnerGenerosityStd: 0.5,
  instructorQualityStd: 0.7,
} as const;

export interface HiddenEffects {
  generosity: number;
  instructorQuality: number;
}

export function offlineLogit(input: FeatureInput, hidden: HiddenEffects): number {
  const c = HIDDEN_PREFERENCE_MODEL.offline;
  const { session, learner, pair } = input;
  const hour = session.hour ?? 12;
  return (
    c.intercept +
    c.topicMatch * pair.topicMatch +
    c.completionRate * (learner.completionRate - 0.5) +
    c.distanceKm * (session.distanceKm ?? 0) +
    c.price * session.price +
    (session.weekday === null ? 0 : c.weekday[session.weekday]) +
    (hour >= 18 && hour <= 20 ? c.evening : 0) +
    (hour < 12 ? c.morning : 0) +
    (c.format[session.format] ?? 0) +
    c.pastAttendance * Math.min(pair.pastOfflineAttendanceCount, 5) +
    c.generosity * hidden.generosity +
    c.instructorQuality * hidden.instructorQuality
  );
}

export function onlineLogit(input: FeatureInput, hidden: Pick<HiddenEffects, 'generosity'>): number {
  const c = HIDDEN_PREFERENCE_MODEL.online;
  const { session, learner, pair } = input;
  return (
    c.intercept +
    c.topicMatch * pair.topicMatch +
    c.completionRate * (learner.completionRate - 0.5) +
    c.quizMean * (learner.quizMean - 0.6) +
    c.recencyDays * Math.min(learner.recencyDays, 60) +
    (c.format[session.format] ?? 0) +
    c.generosity * hidden.generosity
  );
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
