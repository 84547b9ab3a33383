import { normalizeXapiStatement } from './xapi-statement.normalizer';
import { XapiStatement } from './xapi-statement.types';

const ID = 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0';

const moodleStatement = (): XapiStatement => ({
  id: ID,
  actor: { name: 'Ann Learner', account: { homePage: 'https://moodle.example.edu/', name: '42' } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
  object: { id: 'https://moodle.example.edu/mod/quiz/view.php?id=9', definition: { type: 'http://adlnet.gov/expapi/activities/assessment' } },
  result: { score: { raw: 45, min: 0, max: 50 }, success: true, completion: true, duration: 'PT40M12S', response: 'my free text' },
  context: {
    contextActivities: {
      grouping: [
        { id: 'https://moodle.example.edu', definition: { type: 'http://id.tincanapi.com/activitytype/site' } },
        { id: 'https://moodle.example.edu/course/view.php?id=2', definition: { type: 'http://id.tincanapi.com/activitytype/lms/course' } },
      ],
    },
  },
  timestamp: '2024-05-01T09:30:00+08:00',
});

describe('normalizeXapiStatement', () => {
  it('maps a Moodle statement to the normalised event, keeping only the learner ref as identity', () => {
    const result = normalizeXapiStatement(moodleStatement());
    expect(result).toEqual({
      kind: 'event',
      event: {
        learnerRef: { issuer: 'https://moodle.example.edu', subject: '42' },
        courseRef: 'https://moodle.example.edu/course/view.php?id=2',
        activityId: 'https://moodle.example.edu/mod/quiz/view.php?id=9',
        type: 'completed',
        sourceVerb: 'http://adlnet.gov/expapi/verbs/completed',
        occurredAt: new Date('2024-05-01T01:30:00Z'),
        durationSeconds: 2412,
        score: { raw: 45, min: 0, max: 50, scaled: 0.9 },
        completion: true,
        success: true,
        source: 'xapi',
        sourceId: ID,
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/Ann|free text/);
  });

  it.each([
    [{ mbox: 'mailto:Ann.Lee@Example.COM' }, { issuer: 'mailto', subject: 'ann.lee@example.com' }],
    [{ mbox_sha1sum: 'EBD31E95054C018B10727CCFFD2EF2EC3A016EE9' }, { issuer: 'mbox_sha1sum', subject: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9' }],
    [{ openid: 'http://toby.openid.example.org/' }, { issuer: 'openid', subject: 'http://toby.openid.example.org/' }],
  ])('derives the learner ref from %j', (actor, learnerRef) => {
    const result = normalizeXapiStatement({ ...moodleStatement(), actor });
    expect(result.kind === 'event' && result.event.learnerRef).toEqual(learnerRef);
  });

  it.each([
    ['http://adlnet.gov/expapi/verbs/answered', 'submitted'],
    ['http://adlnet.gov/expapi/verbs/experienced', 'viewed'],
    ['http://adlnet.gov/expapi/verbs/initialized', 'launched'],
    ['http://adlnet.gov/expapi/verbs/terminated', 'other'],
    ['http://adlnet.gov/expapi/verbs/progressed', 'navigated'],
    ['https://w3id.org/xapi/video/verbs/played', 'media_played'],
    ['https://w3id.org/xapi/video/verbs/paused', 'media_paused'],
    ['http://activitystrea.ms/schema/1.0/purchase', 'purchased'],
    ['http://adlnet.gov/expapi/verbs/registered', 'enrolled'],
    ['https://brindlewaye.com/xAPITerms/verbs/loggedin/', 'logged_in'],
    ['http://example.com/verbs/completed', 'other'],
  ])('maps verb %s to %s', (verb, type) => {
    const result = normalizeXapiStatement({ ...moodleStatement(), verb: { id: verb, display: { en: 'completed' } } });
    expect(result.kind === 'event' && result.event.type).toBe(type);
  });

  it('reads completed on a video as media_completed and honours extra verb mappings', () => {
    const video = normalizeXapiStatement({
      ...moodleStatement(),
      object: { id: 'https://cdn.example/v/1', definition: { type: 'https://w3id.org/xapi/video/activity-type/video' } },
    });
    expect(video.kind === 'event' && video.event.type).toBe('media_completed');
    const custom = normalizeXapiStatement(
      { ...moodleStatement(), verb: { id: 'https://school.example/verbs/bought' } },
      { extraVerbs: { 'https://school.example/verbs/bought': 'purchased' } },
    );
    expect(custom.kind === 'event' && custom.event.type).toBe('purchased');
  });

  it('falls back to grouping, parent, then the object for the course', () => {
    const untyped = (contextActivities: XapiStatement['context']) =>
      normalizeXapiStatement({ ...moodleStatement(), context: contextActivities });
    const grouping = untyped({ contextActivities: { parent: [{ id: 'http://x.example/p' }], grouping: [{ id: 'http://x.example/g' }] } });
    expect(grouping.kind === 'event' && grouping.event.courseRef).toBe('http://x.example/g');
    const parent = untyped({ contextActivities: { parent: { id: 'http://x.example/p' } } });
    expect(parent.kind === 'event' && parent.event.courseRef).toBe('http://x.example/p');
    const none = untyped(undefined);
    expect(none.kind === 'event' && none.event.courseRef).toBe('https://moodle.example.edu/mod/quiz/view.php?id=9');
  });

  it('clamps negative scaled scores to 0 and keeps raw numbers', () => {
    const result = normalizeXapiStatement({ ...moodleStatement(), result: { score: { scaled: -0.5, raw: -5, min: -10, max: 10 } } });
    expect(result.kind === 'event' && result.event.score).toEqual({ scaled: 0, raw: -5, min: -10, max: 10 });
  });

  it('returns voids for a voiding statement and unsupported for group actors or non-activity objects', () => {
    expect(
      normalizeXapiStatement({
        ...moodleStatement(),
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
        object: { objectType: 'StatementRef', id: 'E05AA883-ACAF-40AD-BF54-02C8CE485FB0' },
      }),
    ).toEqual({ kind: 'voids', sourceId: ID, voidedStatementId: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0' });
    expect(normalizeXapiStatement({ ...moodleStatement(), actor: { objectType: 'Group', member: [{ mbox: 'mailto:a@x.org' }] } }))
      .toMatchObject({ kind: 'unsupported', sourceId: ID, reason: expect.stringContaining('Group') });
    expect(normalizeXapiStatement({ ...moodleStatement(), object: { objectType: 'Agent', mbox: 'mailto:b@x.org' } }))
      .toMatchObject({ kind: 'unsupported', reason: expect.stringContaining('Agent') });
  });

  it('requires an id (statements are prepared before normalising)', () => {
    expect(() => normalizeXapiStatement({ ...moodleStatement(), id: undefined })).toThrow(/prepareStatementForStorage/);
  });
});
