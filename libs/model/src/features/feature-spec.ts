import type { FeatureInput } from './feature-input';

export type FeatureGroup = 'learner' | 'session' | 'pair';

/**
 * How one logical feature becomes columns.
 * - numeric: one column, optionally log1p-compressed (counts, minutes, prices are long-tailed), then z-scored.
 * - optional-numeric: like numeric plus a 0/1 "missing" column, so "unknown" is not confused with the mean.
 * - vocabulary: one-hot over the most frequent values seen in training plus one out-of-vocabulary column;
 *   the vocabulary is fitted with the normalisation stats and saved with them. Used for small closed sets.
 * - hash: one-hot over FNV-1a buckets; no vocabulary to keep in sync. Used for open sets (cities, instructors).
 * - weekday: seven one-hot columns, Monday first; all zero when absent.
 * - cyclic: sin/cos of value/period so 23:00 and 00:00 are neighbours; both zero when absent.
 */
export type FeatureEncoding =
  | { kind: 'numeric'; transform: 'identity' | 'log1p' }
  | { kind: 'optional-numeric'; transform: 'identity' | 'log1p' }
  | { kind: 'vocabulary'; maxSize: number }
  | { kind: 'hash'; buckets: number }
  | { kind: 'weekday' }
  | { kind: 'cyclic'; period: number };

export interface FeatureDefinition {
  /** `${group}.${key}`, also the prefix of its column names. */
  name: string;
  group: FeatureGroup;
  /** Property of `FeatureInput[group]` the value is read from. */
  key: string;
  description: string;
  encoding: FeatureEncoding;
}

const LOG = { kind: 'numeric', transform: 'log1p' } as const;
const RAW = { kind: 'numeric', transform: 'identity' } as const;

function feature<G extends FeatureGroup>(
  group: G,
  key: Extract<keyof FeatureInput[G], string>,
  description: string,
  encoding: FeatureEncoding,
): FeatureDefinition {
  return { name: `${group}.${key}`, group, key, description, encoding };
}

/**
 * Every feature the satisfaction model sees, in column order. Changing this list changes the input width,
 * so saved models record their encoder state and are only ever scored with the encoder they were trained with.
 */
export const FEATURE_LIST: readonly FeatureDefinition[] = Object.freeze([
  feature('learner', 'onlineActivityCount', 'Online events in the look-back window (log1p)', LOG),
  feature('learner', 'onlineMinutes', 'Minutes on online items in the look-back window (log1p)', LOG),
  feature('learner', 'completionRate', 'Completed ÷ started online items, 0..1', RAW),
  feature('learner', 'quizMean', 'Mean quiz score, 0..1', RAW),
  feature('learner', 'recencyDays', 'Days since last online activity (log1p)', LOG),
  feature('learner', 'streakDays', 'Longest streak of active days (log1p)', LOG),
  feature('learner', 'coursesBought', 'Paid online courses bought (log1p)', LOG),
  feature('learner', 'city', 'Learner city, hashed into 16 buckets', { kind: 'hash', buckets: 16 }),
  feature('learner', 'language', 'Preferred language, fitted vocabulary', { kind: 'vocabulary', maxSize: 12 }),
  feature('session', 'topic', 'Session / item topic, fitted vocabulary', { kind: 'vocabulary', maxSize: 48 }),
  feature('session', 'format', 'workshop, lecture, study-group, online …', { kind: 'vocabulary', maxSize: 12 }),
  feature('session', 'weekday', 'Day of week, one-hot Monday..Sunday; none for online items', { kind: 'weekday' }),
  feature('session', 'hour', 'Local start hour as sin/cos of hour/24', { kind: 'cyclic', period: 24 }),
  feature('session', 'price', 'Price in tenant currency (log1p)', LOG),
  feature('session', 'capacity', 'Seats (log1p) + missing flag for unlimited', {
    kind: 'optional-numeric',
    transform: 'log1p',
  }),
  feature('session', 'distanceKm', 'Km from learner city to venue (log1p) + missing flag', {
    kind: 'optional-numeric',
    transform: 'log1p',
  }),
  feature('session', 'instructor', 'Instructor id, hashed into 16 buckets', { kind: 'hash', buckets: 16 }),
  feature('pair', 'topicMatch', "Share of learner's bought courses on this topic, 0..1", RAW),
  feature('pair', 'pastOfflineAttendanceCount', 'Offline sessions attended before (log1p)', LOG),
  feature('pair', 'pastMeanRating', 'Mean earlier offline rating 1..5 + missing flag', {
    kind: 'optional-numeric',
    transform: 'identity',
  }),
]);

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** 32-bit FNV-1a; stable across processes and platforms, which is all hashing features need. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
