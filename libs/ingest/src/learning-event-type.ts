/**
 * The closed vocabulary every door maps onto. It is deliberately small: the feature builder counts and times
 * these kinds, so a new kind is a model change, not an ingest detail. Anything that fits none is `other`
 * (the original verb/type is kept in `sourceVerb` so it can be re-mapped later without re-ingesting).
 */
export const LEARNING_EVENT_TYPES = [
  'launched',
  'viewed',
  'navigated',
  'completed',
  'passed',
  'failed',
  'scored',
  'submitted',
  'attempted',
  'media_played',
  'media_paused',
  'media_completed',
  'logged_in',
  'purchased',
  'enrolled',
  'rated',
  'other',
] as const;

export type LearningEventType = (typeof LEARNING_EVENT_TYPES)[number];

const known = new Set<string>(LEARNING_EVENT_TYPES);

export function isLearningEventType(value: string): value is LearningEventType {
  return known.has(value);
}
