import { LearnerRef } from '../normalized-learning-event';

export const COURSE_OUTCOME_RESULTS = ['completed', 'passed', 'failed', 'dropped'] as const;
export type CourseOutcomeResult = (typeof COURSE_OUTCOME_RESULTS)[number];

/**
 * A learner's final outcome in an online course, from the outcomes CSV: the online head's label
 * (did they finish / rate it well). `rating` is 1–5 like offline session ratings.
 */
export interface NormalizedCourseOutcome {
  learnerRef: LearnerRef;
  courseRef: string;
  result: CourseOutcomeResult;
  rating?: number;
  occurredAt?: Date;
  source: 'csv';
  /** `csv-outcome:<sha256 of the normalised row>`. */
  sourceId: string;
}
