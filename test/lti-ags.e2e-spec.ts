import { DataSource } from 'typeorm';
import { GradeSyncJob } from '@o2o/lti';
import { availableDatabases, LTI_SPEC, REDIS_TEST_URL, redisAvailable } from '@o2o/testing';
import { createSession } from './support/fixtures';
import { eventually } from './support/eventually';
import { LtiHarness, startLtiHarness } from './support/lti-harness';
import { submit } from './support/lti-page';
import { AUTH } from './support/test-app';

describe.each(availableDatabases())('attendance to the LMS gradebook (AGS outbox) on %s', (kind) => {
  let h: LtiHarness;
  let courseId: string;
  let db: DataSource;
  const learner = async (sub: string) =>
    (await db.query(`SELECT "learnerId" FROM "learner_identity" WHERE "subject" = '${sub}'`))[0].learnerId as string;
  const syncRows = (sessionId: string) => db.query(`SELECT * FROM "lti_grade_sync" WHERE "sessionId" = '${sessionId}'`);
  const newSession = async (title: string) => {
    const s = await createSession(h.t, { title, topic: 'data-analysis', courseId, capacity: 10 });
    for (const sub of ['u-ann', 'u-bo']) {
      const page = await h.platform.launch({ user: { id: sub }, context: 'course-1' });
      expect((await submit(page.browser, page, 'book', { sessionId: s.id })).status).toBe(200);
    }
    h.t.clock.set(new Date(s.startsAt));
    return s;
  };
  const mark = (sessionId: string, learnerId: string, status: string) =>
    h.t.http().post(`/api/v1/sessions/${sessionId}/attendance`).set(AUTH).send({ learnerId, status });
  const allSent = (sessionId: string, n: number) => eventually(async () => {
    const rows = await syncRows(sessionId);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(Array(n).fill('sent'));
    return rows;
  }, { clock: h.t.clock });

  beforeAll(async () => {
    h = await startLtiHarness(kind, { env: { JOBS_BACKOFF_BASE_MS: '20', JOBS_DEFAULT_ATTEMPTS: '6', LTI_SERVICE_TIMEOUT_MS: '400' } });
    db = h.t.app.get(DataSource);
    expect((await h.platform.launch({ user: { id: 'u-ines' }, context: 'course-1', roles: [LTI_SPEC.role.instructor] })).status).toBe(200);
    courseId = (await h.t.http().get('/api/v1/courses').set(AUTH)).body.find((c: { title: string }) => c.title === 'Python for data analysis').id;
  });
  afterAll(() => h.close());

  it('delivers every score once, with the attendance time, while the LMS fails with 500 and then recovers', async () => {
    const s = await newSession('Pandas lab');
    h.platform.failures.error('ags.scores', 2, 500);
    const [ann, bo] = [await learner('u-ann'), await learner('u-bo')];
    const answers = await Promise.all([mark(s.id, ann, 'present'), mark(s.id, bo, 'late')]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    await allSent(s.id, 2);
    const items = h.platform.ags.lineItems('course-1').filter((i) => i.resourceId === `o2o-session:${s.id}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ tag: 'o2o-attendance', scoreMaximum: 1, label: expect.stringContaining('Pandas lab') });
    const scores = h.platform.ags.scores({ lineItemId: items[0].id });
    expect(scores.map((r) => r.score.userId).sort()).toEqual(['u-ann', 'u-bo']);
    const recorded = await db.query(`SELECT "learnerId", "recordedAt" FROM "attendance" WHERE "sessionId" = '${s.id}'`);
    const annTime = new Date(recorded.find((r: { learnerId: string }) => r.learnerId === ann).recordedAt).toISOString();
    expect(scores.find((r) => r.score.userId === 'u-ann')!.score).toMatchObject({ scoreGiven: 1, timestamp: annTime, gradingProgress: 'FullyGraded' });
    expect(scores.find((r) => r.score.userId === 'u-bo')!.score.scoreGiven).toBe(0.5);
    expect(h.platform.calls({ endpoint: 'ags.scores', status: 500 })).toHaveLength(2);
  });

  it('retries after a timeout and a 429, creating one gradebook column for a session even when scores race', async () => {
    const s = await newSession('SQL clinic');
    h.platform.failures.rateLimit('ags.lineitems', 1, 1).hang('ags.scores', 1, 1500);
    await Promise.all([mark(s.id, await learner('u-ann'), 'present'), mark(s.id, await learner('u-bo'), 'present')]);
    await allSent(s.id, 2);
    expect(h.platform.ags.lineItems('course-1').filter((i) => i.resourceId === `o2o-session:${s.id}`)).toHaveLength(1);
    const item = h.platform.ags.lineItems('course-1').find((i) => i.resourceId === `o2o-session:${s.id}`)!;
    expect(h.platform.ags.scores({ lineItemId: item.id, applied: true })).toHaveLength(2);
    expect(h.platform.calls({ endpoint: 'ags.lineitems', status: 429 })).toHaveLength(1);
    expect(h.platform.calls({ endpoint: 'ags.scores' }).filter((c) => c.injected === 'hang')).toHaveLength(1);
  });

  it('a later correction wins; an earlier one that arrives late is kept out by its timestamp', async () => {
    const s = await newSession('Matplotlib lab');
    const ann = await learner('u-ann');
    await mark(s.id, ann, 'present');
    const [first] = await allSent(s.id, 1);
    h.t.clock.advance(60_000);
    await mark(s.id, ann, 'absent');
    await allSent(s.id, 2);
    const item = h.platform.ags.lineItems('course-1').find((i) => i.resourceId === `o2o-session:${s.id}`)!;
    expect(h.platform.ags.results(item.id, 'u-ann')[0].resultScore).toBe(0);
    // The first record delivered again after the correction (a slow retry): same old timestamp, so the LMS keeps 0.
    await db.query(`UPDATE "lti_grade_sync" SET "status" = 'queued' WHERE "id" = '${first.id}'`);
    await h.t.app.get(GradeSyncJob).run(first.id, { attempt: 1, maxAttempts: 1 });
    const late = h.platform.ags.scores({ lineItemId: item.id, userId: 'u-ann' }).at(-1)!;
    expect(late).toMatchObject({ applied: false, score: { scoreGiven: 1 } });
    expect(h.platform.ags.results(item.id, 'u-ann')[0].resultScore).toBe(0);
  });

  it('keeps posting after ltijs\' 24-hour launch records are gone', async () => {
    const s = await newSession('Scikit-learn lab');
    await db.query('DELETE FROM "lti_store_record"');
    await mark(s.id, await learner('u-ann'), 'present');
    await allSent(s.id, 1);
  });

  it('dead-letters a 4xx with the LMS reason and writes nothing when the attendance itself fails', async () => {
    const s = await newSession('Seaborn lab');
    const roster = h.platform.registry.roster('course-1');
    h.platform.registry.setRoster('course-1', roster.filter((m) => m.id !== 'u-bo'));
    await mark(s.id, await learner('u-bo'), 'present');
    const rows = await eventually(async () => {
      const r = await syncRows(s.id);
      expect(r[0]?.status).toBe('failed');
      return r;
    }, { clock: h.t.clock });
    expect(rows[0].lastError).toMatch(/AGS score answered 400/);
    const job = await db.query(`SELECT "state", "lastError", "attempts" FROM "job" WHERE "name" = 'lti.ags.score' ORDER BY "createdAt" DESC LIMIT 1`);
    expect(job[0]).toMatchObject({ state: 'dead', attempts: 1 });
    h.platform.registry.setRoster('course-1', roster);

    h.t.clock.set(new Date(new Date(s.startsAt).getTime() - 5 * 3_600_000));
    const early = await mark(s.id, await learner('u-ann'), 'present');
    expect(early.status).toBe(409);
    expect(await syncRows(s.id)).toHaveLength(1);
  });
});

describe('gradebook sync where the LMS grants "grade sync only" (no column management)', () => {
  let h: LtiHarness;
  let db: DataSource;
  const SCORE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';

  beforeAll(async () => {
    h = await startLtiHarness('sqlite', { env: { JOBS_BACKOFF_BASE_MS: '20', JOBS_DEFAULT_ATTEMPTS: '3' } });
    db = h.t.app.get(DataSource);
    h.platform.registry.updateTool('o2o-bridge', { scopes: [SCORE, 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly'] });
    expect((await h.platform.launch({ user: { id: 'u-ines' }, context: 'course-1', roles: [LTI_SPEC.role.instructor] })).status).toBe(200);
  });
  afterAll(() => h.close());

  it('scores go to the column the LMS made for the session\'s resource link; a session without one is dead-lettered with the reason', async () => {
    const courseId = (await h.t.http().get('/api/v1/courses').set(AUTH)).body[0].id;
    const linked = await createSession(h.t, { title: 'Linked lab', topic: 'data-analysis', courseId });
    const unlinked = await createSession(h.t, { title: 'Unlinked lab', topic: 'data-analysis', courseId });
    const item = h.platform.ags.addLineItem('course-1', { label: 'Linked lab', scoreMaximum: 1, resourceLinkId: 'rl-linked' });
    const page = await h.platform.launch({ user: { id: 'u-ann' }, context: 'course-1', resourceLink: { id: 'rl-linked' },
      custom: { o2o_view: 'session', o2o_session_id: linked.id } });
    expect(page.status).toBe(200);
    for (const s of [linked, unlinked]) expect((await submit(page.browser, page, 'book', { sessionId: s.id })).status).toBe(200);
    const ann = (await db.query(`SELECT "learnerId" FROM "learner_identity" WHERE "subject" = 'u-ann'`))[0].learnerId;
    h.t.clock.set(new Date(linked.startsAt));
    await h.t.http().post(`/api/v1/sessions/${linked.id}/attendance`).set(AUTH).send({ learnerId: ann, status: 'present' }).expect(201);
    h.t.clock.set(new Date(unlinked.startsAt));
    await h.t.http().post(`/api/v1/sessions/${unlinked.id}/attendance`).set(AUTH).send({ learnerId: ann, status: 'present' }).expect(201);
    const rows = await eventually(async () => {
      const r = await db.query('SELECT "sessionId", "status", "lastError" FROM "lti_grade_sync"');
      expect(r.map((x: { status: string }) => x.status).sort()).toEqual(['failed', 'sent']);
      return r;
    }, { clock: h.t.clock });
    expect(h.platform.ags.scores({ lineItemId: item.id, userId: 'u-ann', applied: true })).toHaveLength(1);
    expect(h.platform.ags.lineItems('course-1')).toHaveLength(1);
    expect(rows.find((r: { sessionId: string }) => r.sessionId === unlinked.id).lastError).toMatch(/grade sync without column management/);
  });
});

const describeIfRedis = redisAvailable() ? describe : describe.skip;

describeIfRedis('gradebook outbox through BullMQ (REDIS_URL)', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness('postgres', { env: { REDIS_URL: REDIS_TEST_URL, JOBS_BACKOFF_BASE_MS: '20', JOBS_DEFAULT_ATTEMPTS: '6', LTI_SERVICE_TIMEOUT_MS: '400' } });
    expect((await h.platform.launch({ user: { id: 'u-ines' }, context: 'course-1', roles: [LTI_SPEC.role.instructor] })).status).toBe(200);
  });
  afterAll(() => h?.close());

  it('relays the job written with the attendance and delivers the score once after a 500', async () => {
    const db = h.t.app.get(DataSource);
    const courseId = (await h.t.http().get('/api/v1/courses').set(AUTH)).body[0].id;
    const s = await createSession(h.t, { title: 'Redis lab', topic: 'data-analysis', courseId });
    const page = await h.platform.launch({ user: { id: 'u-ann' }, context: 'course-1' });
    await submit(page.browser, page, 'book', { sessionId: s.id });
    const ann = (await db.query(`SELECT "learnerId" FROM "learner_identity" WHERE "subject" = 'u-ann'`))[0].learnerId;
    h.platform.failures.error('ags.scores', 1, 503);
    h.t.clock.set(new Date(s.startsAt));
    await h.t.http().post(`/api/v1/sessions/${s.id}/attendance`).set(AUTH).send({ learnerId: ann, status: 'present' }).expect(201);
    await eventually(async () => {
      const rows = await db.query(`SELECT "status" FROM "lti_grade_sync" WHERE "sessionId" = '${s.id}'`);
      expect(rows.map((r: { status: string }) => r.status)).toEqual(['sent']);
    }, { clock: h.t.clock, advanceMs: 1_000 });
    const item = h.platform.ags.lineItems('course-1').find((i) => i.resourceId === `o2o-session:${s.id}`)!;
    expect(h.platform.ags.scores({ lineItemId: item.id, applied: true })).toHaveLength(1);
  });
});
