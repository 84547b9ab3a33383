import { LearningEventType } from './learning-event-type';

export type IngestSource = 'xapi' | 'caliper' | 'csv';

/**
 * The platform identity of a learner exactly as the door received it. It is identifying: the storing service
 * turns it into a pseudonymous learner id (HMAC under the tenant secret) and must not persist it in event tables.
 * `issuer` is the namespace the subject is unique in (LMS base URL, `mailto`, `openid`, …).
 */
export interface LearnerRef {
  issuer: string;
  subject: string;
}

/** `scaled` is 0–1 (a fraction of the maximum); raw/min/max are kept as sent so nothing is lost by scaling. */
export interface NormalizedScore {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface MonetaryAmount {
  /** Decimal value in the currency's major unit (e.g. 199.00 CNY). */
  value: number;
  /** ISO 4217 code, upper case. */
  currency: string;
}

/**
 * One learning event, whichever door it came through (xAPI statement, Caliper event, CSV row).
 * Tenant-independent and free of identifying data except `learnerRef`; names, e-mails other than inside
 * `learnerRef`, IPs and free-text responses are dropped on purpose.
 */
export interface NormalizedLearningEvent {
  learnerRef: LearnerRef;
  /** Course the event belongs to; null for platform-level events such as a log-in. */
  courseRef: string | null;
  /** What was acted on inside the course (activity IRI, resource id); the course itself when nothing finer is known. */
  activityId: string;
  type: LearningEventType;
  /** The door's own name for the action (verb IRI, `Type.Action`, CSV event_type) for audit and later re-mapping. */
  sourceVerb: string;
  occurredAt: Date;
  durationSeconds?: number;
  score?: NormalizedScore;
  completion?: boolean;
  success?: boolean;
  amount?: MonetaryAmount;
  source: IngestSource;
  /** Stable id within the source: xAPI statement id, Caliper event id, or `csv:<sha256>` of the normalised row. */
  sourceId: string;
}
