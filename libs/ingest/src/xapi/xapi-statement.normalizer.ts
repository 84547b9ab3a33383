import { LearningEventType } from '../learning-event-type';
import { NormalizationResult } from '../normalization-result';
import { NormalizedLearningEvent, NormalizedScore } from '../normalized-learning-event';
import { isoDurationToSeconds } from '../shared/iso8601-duration';
import { parseIsoTimestamp } from '../shared/iso8601-timestamp';
import { learnerRefFromAgent } from './xapi-learner-ref';
import { VOIDED_VERB } from './xapi-statement.validator';
import { XapiActivity, XapiContext, XapiScore, XapiStatement } from './xapi-statement.types';
import { mapXapiVerb } from './xapi-verb.mapping';

export interface XapiNormalizeOptions {
  /** Used as occurredAt when the statement has neither timestamp nor stored (i.e. it was not prepared). */
  receivedAt?: Date;
  /** Extra verb IRI → type mappings for this deployment. */
  extraVerbs?: Readonly<Record<string, LearningEventType>>;
}

/** Activity types that mark an activity as the course itself (ADL, Tin Can registry as Moodle uses it, cmi5). */
const COURSE_TYPES = new Set([
  'http://adlnet.gov/expapi/activities/course',
  'http://id.tincanapi.com/activitytype/lms/course',
  'https://w3id.org/xapi/cmi5/activitytype/course',
]);

/**
 * Turns a valid, prepared statement (it has an id) into the normalised event.
 * Group actors and non-Activity objects are valid xAPI but say nothing about one learner's learning, so they
 * are `unsupported` (stored raw, counted); a voiding statement yields `voids` so the store can retract an event.
 */
export function normalizeXapiStatement(statement: XapiStatement, options: XapiNormalizeOptions = {}): NormalizationResult {
  if (!statement.id) throw new Error('statement has no id; call prepareStatementForStorage first');
  const sourceId = statement.id.toLowerCase();
  const object = statement.object;
  if (statement.verb.id === VOIDED_VERB && object.objectType === 'StatementRef') {
    return { kind: 'voids', sourceId, voidedStatementId: object.id.toLowerCase() };
  }
  if (statement.actor.objectType === 'Group') {
    return unsupported(sourceId, statement, 'the actor is a Group; events are attributed to individual learners only');
  }
  if (object.objectType !== undefined && object.objectType !== 'Activity') {
    return unsupported(sourceId, statement, `the object is a ${object.objectType}, not an Activity`);
  }
  const activity = object as XapiActivity;
  const context = statement.context;
  const result = statement.result;
  const event: NormalizedLearningEvent = {
    learnerRef: learnerRefFromAgent(statement.actor),
    courseRef: resolveCourse(activity, context),
    activityId: activity.id,
    type: mapXapiVerb(statement.verb.id, {
      activityType: activity.definition?.type,
      categoryIds: contextActivities(context, 'category').map((a) => a.id),
      extraVerbs: options.extraVerbs,
    }),
    sourceVerb: statement.verb.id,
    occurredAt: occurredAt(statement, options.receivedAt),
    source: 'xapi',
    sourceId,
  };
  const duration = result?.duration === undefined ? null : isoDurationToSeconds(result.duration);
  if (duration !== null) event.durationSeconds = duration;
  if (result?.score) event.score = normalizeScore(result.score);
  if (result?.completion !== undefined) event.completion = result.completion;
  if (result?.success !== undefined) event.success = result.success;
  return { kind: 'event', event };
}

function unsupported(sourceId: string, statement: XapiStatement, reason: string): NormalizationResult {
  return { kind: 'unsupported', sourceId, sourceType: statement.verb.id, reason };
}

function contextActivities(context: XapiContext | undefined, key: 'parent' | 'grouping' | 'category' | 'other'): XapiActivity[] {
  const value = context?.contextActivities?.[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The course is, in order: the object if it is typed as a course; any parent/grouping/other activity typed
 * as a course; the first grouping activity (the spec's example puts the course there); the first parent; and
 * finally the object itself (a statement about a stand-alone activity is its own course).
 */
function resolveCourse(activity: XapiActivity, context: XapiContext | undefined): string {
  const isCourse = (a: XapiActivity) => a.definition?.type !== undefined && COURSE_TYPES.has(a.definition.type);
  if (isCourse(activity)) return activity.id;
  const related = [...contextActivities(context, 'parent'), ...contextActivities(context, 'grouping'), ...contextActivities(context, 'other')];
  const typed = related.find(isCourse);
  if (typed) return typed.id;
  return contextActivities(context, 'grouping')[0]?.id ?? contextActivities(context, 'parent')[0]?.id ?? activity.id;
}

function occurredAt(statement: XapiStatement, receivedAt: Date | undefined): Date {
  for (const value of [statement.timestamp, statement.stored]) {
    if (value === undefined) continue;
    const parsed = parseIsoTimestamp(value, 'assume-utc');
    if (parsed.ok) return parsed.date;
  }
  return receivedAt ?? new Date();
}

/**
 * xAPI `scaled` is −1…1; the model reads 0…1, so negative scores (penalties) count as 0 while raw/min/max keep
 * the sender's numbers. Without `scaled`, it is derived from raw within [min, max] (min defaults to 0).
 */
function normalizeScore(score: XapiScore): NormalizedScore {
  const normalized: NormalizedScore = {};
  if (score.raw !== undefined) normalized.raw = score.raw;
  if (score.min !== undefined) normalized.min = score.min;
  if (score.max !== undefined) normalized.max = score.max;
  if (score.scaled !== undefined) {
    normalized.scaled = Math.max(0, score.scaled);
  } else if (score.raw !== undefined && score.max !== undefined) {
    const min = score.min ?? 0;
    if (score.max > min) normalized.scaled = Math.min(1, Math.max(0, (score.raw - min) / (score.max - min)));
  }
  return normalized;
}
