import { NormalizedLearningEvent } from '../normalized-learning-event';
import { NormalizedCourseOutcome } from './course-outcome';

/** 1–5 ratings, as offline session ratings; the model reads scaled 0–1. */
const RATING_MIN = 1;
const RATING_MAX = 5;

/**
 * Expresses an outcome row as normalised events, for a store that keeps only events: the result as
 * completed/passed/failed (dropped becomes `other` with completion false, sourceVerb `dropped`), and a rating
 * as a `rated` event with the rating as score. Their sourceIds extend the outcome's, so they stay idempotent.
 * `fallbackOccurredAt` is used when the row had no occurred_at (e.g. the import time).
 */
export function courseOutcomeToEvents(outcome: NormalizedCourseOutcome, fallbackOccurredAt: Date): NormalizedLearningEvent[] {
  const base = {
    learnerRef: outcome.learnerRef,
    courseRef: outcome.courseRef,
    activityId: outcome.courseRef,
    occurredAt: outcome.occurredAt ?? fallbackOccurredAt,
    source: 'csv' as const,
  };
  const resultEvent: NormalizedLearningEvent = {
    ...base,
    type: outcome.result === 'dropped' ? 'other' : outcome.result,
    sourceVerb: outcome.result,
    sourceId: `${outcome.sourceId}:result`,
  };
  if (outcome.result === 'completed') resultEvent.completion = true;
  if (outcome.result === 'dropped') resultEvent.completion = false;
  if (outcome.result === 'passed' || outcome.result === 'failed') resultEvent.success = outcome.result === 'passed';
  const events = [resultEvent];
  if (outcome.rating !== undefined) {
    events.push({
      ...base,
      type: 'rated',
      sourceVerb: 'rating',
      score: {
        scaled: (outcome.rating - RATING_MIN) / (RATING_MAX - RATING_MIN),
        raw: outcome.rating,
        min: RATING_MIN,
        max: RATING_MAX,
      },
      sourceId: `${outcome.sourceId}:rating`,
    });
  }
  return events;
}
