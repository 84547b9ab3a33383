import { NormalizationResult } from '../normalization-result';
import { LearnerRef, NormalizedLearningEvent } from '../normalized-learning-event';
import { IdentifierFormats } from '../shared/identifier-formats';
import { isoDurationToSeconds } from '../shared/iso8601-duration';
import { parseIsoTimestamp } from '../shared/iso8601-timestamp';
import { mapCaliperAction } from './caliper-action.mapping';
import { CaliperEntity, CaliperEntityRef, CaliperEnvelope, CaliperEvent } from './caliper.types';

/** Caliper's convention for an anonymous entity is its type IRI as id (§4.4); such an actor is nobody. */
const ANONYMOUS_PREFIX = 'http://purl.imsglobal.org/caliper/';

const idOf = (ref: CaliperEntityRef | undefined): string | undefined => (typeof ref === 'string' ? ref : ref?.id);
const asEntity = (ref: unknown): CaliperEntity | undefined =>
  typeof ref === 'object' && ref !== null && typeof (ref as CaliperEntity).id === 'string' ? (ref as CaliperEntity) : undefined;

/** Normalises every item of a validated envelope; entity describes come back as unsupported. */
export function normalizeCaliperEnvelope(envelope: CaliperEnvelope): NormalizationResult[] {
  return envelope.data.map((item) =>
    'action' in item && typeof item.action === 'string'
      ? normalizeCaliperEvent(item as CaliperEvent, { sensor: envelope.sensor })
      : { kind: 'unsupported', sourceId: item.id, sourceType: item.type, reason: 'an entity describe, not an event' },
  );
}

/**
 * One validated Caliper event → normalised event.
 * Learner: the actor (a Person), except for GradeEvent where the actor is the grader and the learner is the
 * graded Attempt's `assignee`. Learner ref rule: issuer = the origin (scheme://host[:port]) of the person's id
 * when it is an http(s) IRI, else the envelope's sensor (a `urn:` id is only unique within its sensor);
 * subject = the full person id.
 * Course: `group`, else `membership.organization`, else the object's (or assignable's) `isPartOf`, else null.
 */
export function normalizeCaliperEvent(event: CaliperEvent, envelope: { sensor: string }): NormalizationResult {
  const sourceId = event.id.toLowerCase();
  const sourceType = `${event.type}.${event.action}`;
  const unsupported = (reason: string): NormalizationResult => ({ kind: 'unsupported', sourceId, sourceType, reason });
  const type = mapCaliperAction(event.type, event.action);
  if (!type) return unsupported(`${sourceType} is not a normalised Caliper event`);

  const isGrade = event.type === 'GradeEvent';
  const object = asEntity(event.object);
  const learner = isGrade ? object?.assignee : event.actor;
  const learnerId = idOf(learner as CaliperEntityRef | undefined);
  if (!learnerId) return unsupported(isGrade ? 'GradeEvent object has no assignee to attribute the grade to' : 'no actor id');
  if (learnerId.startsWith(ANONYMOUS_PREFIX)) return unsupported('the actor is anonymous');
  const learnerType = asEntity(learner)?.type;
  if (learnerType !== undefined && learnerType !== 'Person') return unsupported(`the learner is a ${learnerType}, not a Person`);

  const eventTime = parseIsoTimestamp(event.eventTime, 'utc');
  if (!eventTime.ok) throw new Error(`eventTime ${eventTime.reason}; validate the envelope first`);
  const assignable = asEntity(object?.assignable);
  const normalized: NormalizedLearningEvent = {
    learnerRef: learnerRefFor(learnerId, envelope.sensor),
    courseRef: resolveCourse(event, object, assignable),
    // A graded Attempt's id usually embeds the user; the assignable names the work without identifying anyone.
    activityId: (isGrade ? idOf(object?.assignable as CaliperEntityRef | undefined) : undefined) ?? idOf(event.object)!,
    type,
    sourceVerb: sourceType,
    occurredAt: eventTime.date,
    source: 'caliper',
    sourceId,
  };
  if (isGrade) {
    const score = asEntity(event.generated);
    if (!score || typeof score.scoreGiven !== 'number') return unsupported('GradeEvent has no generated Score with scoreGiven');
    normalized.score = { raw: score.scoreGiven };
    if (typeof score.maxScore === 'number' && score.maxScore > 0) {
      normalized.score.min = 0;
      normalized.score.max = score.maxScore;
      normalized.score.scaled = Math.min(1, Math.max(0, score.scoreGiven / score.maxScore));
    }
  }
  const attempt = [asEntity(event.generated), object].find((e) => e?.type === 'Attempt');
  const duration = typeof attempt?.duration === 'string' ? isoDurationToSeconds(attempt.duration) : null;
  if (duration !== null) normalized.durationSeconds = duration;
  if (type === 'completed' || type === 'media_completed') normalized.completion = true;
  return { kind: 'event', event: normalized };
}

function learnerRefFor(personId: string, sensor: string): LearnerRef {
  return { issuer: IdentifierFormats.httpOrigin(personId) ?? sensor, subject: personId };
}

function resolveCourse(event: CaliperEvent, object: CaliperEntity | undefined, assignable: CaliperEntity | undefined): string | null {
  return (
    idOf(event.group) ??
    idOf(asEntity(event.membership)?.organization as CaliperEntityRef | undefined) ??
    idOf(object?.isPartOf as CaliperEntityRef | undefined) ??
    idOf(assignable?.isPartOf as CaliperEntityRef | undefined) ??
    null
  );
}
