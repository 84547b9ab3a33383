import { caliperEnvelope, caliperEvent, LEARNER, SECTION } from '../testing/caliper.fixtures';
import { normalizeCaliperEnvelope, normalizeCaliperEvent } from './caliper-event.normalizer';

const sensor = { sensor: 'https://example.edu/sensors/1' };
const ASSESSMENT = 'https://example.edu/terms/201801/courses/7/sections/1/assess/1?ver=v1p0';
const ATTEMPT = 'https://example.edu/terms/201801/courses/7/sections/1/assess/1/users/554433/attempts/1';

function eventOf(overrides: Record<string, unknown>) {
  const result = normalizeCaliperEvent(caliperEvent(overrides), sensor);
  if (result.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
}

describe('normalizeCaliperEvent', () => {
  it('normalises a ViewEvent with the course from object.isPartOf', () => {
    expect(eventOf({})).toEqual({
      learnerRef: { issuer: 'https://example.edu', subject: LEARNER },
      courseRef: SECTION,
      activityId: 'https://example.edu/etexts/201.epub',
      type: 'viewed',
      sourceVerb: 'ViewEvent.Viewed',
      occurredAt: new Date('2018-11-15T10:15:00.000Z'),
      source: 'caliper',
      sourceId: 'urn:uuid:ff9ec22a-fc59-4ae1-ae8d-2c9463ee2f8f',
    });
  });

  it.each([
    ['SessionEvent', 'LoggedIn', 'logged_in'],
    ['NavigationEvent', 'NavigatedTo', 'navigated'],
    ['AssessmentEvent', 'Started', 'attempted'],
    ['AssessmentEvent', 'Submitted', 'submitted'],
    ['AssignableEvent', 'Started', 'attempted'],
    ['AssignableEvent', 'Completed', 'completed'],
    ['AssignableEvent', 'Submitted', 'submitted'],
    ['MediaEvent', 'Started', 'media_played'],
    ['MediaEvent', 'Paused', 'media_paused'],
    ['MediaEvent', 'Ended', 'media_completed'],
  ])('maps %s %s to %s', (type, action, expected) => {
    expect(eventOf({ type, action }).type).toBe(expected);
  });

  it('takes the course from group, then membership.organization; null when there is none', () => {
    expect(eventOf({ group: { id: 'https://example.edu/c/1', type: 'CourseSection' } }).courseRef).toBe('https://example.edu/c/1');
    expect(
      eventOf({ object: 'https://example.edu/x', membership: { id: 'https://example.edu/m/1', type: 'Membership', organization: 'https://example.edu/c/2' } }).courseRef,
    ).toBe('https://example.edu/c/2');
    const login = eventOf({ type: 'SessionEvent', action: 'LoggedIn', object: { id: 'https://example.edu', type: 'SoftwareApplication' } });
    expect(login.courseRef).toBeNull();
  });

  it('uses the sensor as issuer when the person id is not an http(s) IRI', () => {
    expect(eventOf({ actor: 'urn:instructure:canvas:user:21070000000000001' }).learnerRef).toEqual({
      issuer: 'https://example.edu/sensors/1',
      subject: 'urn:instructure:canvas:user:21070000000000001',
    });
  });

  it('attributes a GradeEvent to the attempt assignee, scores it, and hides the user-bearing attempt id', () => {
    const event = eventOf({
      type: 'GradeEvent',
      action: 'Graded',
      actor: { id: 'https://example.edu/autograder', type: 'SoftwareApplication' },
      object: { id: ATTEMPT, type: 'Attempt', assignee: LEARNER, assignable: ASSESSMENT, duration: 'PT40M12S' },
      generated: { id: `${ATTEMPT}/scores/1`, type: 'Score', attempt: ATTEMPT, maxScore: 15.0, scoreGiven: 10.0 },
      group: SECTION,
    });
    expect(event).toMatchObject({
      learnerRef: { issuer: 'https://example.edu', subject: LEARNER },
      activityId: ASSESSMENT,
      courseRef: SECTION,
      type: 'scored',
      durationSeconds: 2412,
    });
    expect(event.score).toEqual({ raw: 10, min: 0, max: 15, scaled: 10 / 15 });
  });

  it('reads the submitted attempt duration from generated', () => {
    const event = eventOf({
      type: 'AssessmentEvent',
      action: 'Submitted',
      object: ASSESSMENT,
      generated: { id: ATTEMPT, type: 'Attempt', assignee: LEARNER, assignable: ASSESSMENT, duration: 'PT40M12S' },
    });
    expect(event).toMatchObject({ type: 'submitted', activityId: ASSESSMENT, durationSeconds: 2412 });
  });

  it.each([
    ['an unsupported type', { type: 'ForumEvent', action: 'Subscribed' }, 'not a normalised'],
    ['an unsupported action', { type: 'SessionEvent', action: 'LoggedOut' }, 'not a normalised'],
    ['a non-person actor', { actor: { id: 'https://example.edu/bot', type: 'SoftwareApplication' } }, 'not a Person'],
    ['an anonymous actor', { actor: { id: 'http://purl.imsglobal.org/caliper/Person', type: 'Person' } }, 'anonymous'],
    ['a GradeEvent without assignee', { type: 'GradeEvent', action: 'Graded', object: ATTEMPT }, 'assignee'],
    ['a GradeEvent without score', { type: 'GradeEvent', action: 'Graded', object: { id: ATTEMPT, type: 'Attempt', assignee: LEARNER } }, 'Score'],
  ])('returns unsupported for %s', (_name, overrides, reason) => {
    expect(normalizeCaliperEvent(caliperEvent(overrides), sensor)).toMatchObject({
      kind: 'unsupported',
      sourceId: 'urn:uuid:ff9ec22a-fc59-4ae1-ae8d-2c9463ee2f8f',
      reason: expect.stringContaining(reason),
    });
  });

  it('gives a re-sent event the same sourceId (the store keeps one), whatever the case of its UUID', () => {
    const first = eventOf({});
    const resent = eventOf({ id: 'urn:uuid:FF9EC22A-FC59-4AE1-AE8D-2C9463EE2F8F' });
    expect(resent.sourceId).toBe(first.sourceId);
  });

  it('normalises a whole envelope, entity describes included as unsupported', () => {
    const results = normalizeCaliperEnvelope(
      caliperEnvelope([caliperEvent(), { '@context': 'http://purl.imsglobal.org/ctx/caliper/v1p2', id: LEARNER, type: 'Person' }]),
    );
    expect(results.map((r) => r.kind)).toEqual(['event', 'unsupported']);
  });
});
