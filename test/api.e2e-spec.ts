import { DataSource } from 'typeorm';
import { availableDatabases } from '@o2o/testing';
import { createSession } from './support/fixtures';
import { AUTH, createTestApp, TestApp } from './support/test-app';

describe.each(availableDatabases())('REST API conventions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(() => t.close());

  const count = async () => (await t.http().get('/api/v1/sessions').set(AUTH)).body.length;

  it.each([
    ['no token', {}],
    ['a wrong token', { Authorization: 'Bearer wrong-token-wrong-token' }],
    ['a non-bearer scheme', { Authorization: 'Basic dGVzdDp0ZXN0' }],
  ])('answers 401 with %s on every /api/v1 route', async (_, headers) => {
    for (const [method, path] of [['get', '/api/v1/sessions'], ['post', '/api/v1/learners'], ['get', '/api/v1/jobs/x']] as const) {
      const res = await t.http()[method](path).set(headers as Record<string, string>).send({});
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHORIZED' });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('rejects invalid sessions naming every failing field, and writes nothing', async () => {
    const before = await count();
    const res = await t.http().post('/api/v1/sessions').set(AUTH).send({
      title: '', topic: 'x', format: 'party', city: 'Shanghai', startsAt: '2026-12-12 14:00', endsAt: 'tomorrow',
      timeZone: 'Mars/Olympus', capacity: 0, price: 1.234, currency: 'XXXX', extra: true,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    const fields = new Set(res.body.errors.map((e: { field: string }) => e.field));
    for (const f of ['title', 'format', 'startsAt', 'endsAt', 'timeZone', 'capacity', 'price', 'currency', 'extra']) {
      expect([f, fields.has(f)]).toEqual([f, true]);
    }
    expect(res.body.message.length).toBe(res.body.errors.length);
    expect(await count()).toBe(before);
  });

  it('rejects an end before the start and answers in Chinese when asked', async () => {
    const res = await t.http().post('/api/v1/sessions').set(AUTH).set('Accept-Language', 'zh-CN,zh;q=0.9').send({
      title: 'Lab', topic: 'python', format: 'lab', city: 'Beijing', startsAt: '2026-12-12T14:00:00+08:00',
      endsAt: '2026-12-12T13:00:00+08:00', timeZone: 'Asia/Shanghai', capacity: 5,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'endsAt', reason: 'INVALID_TIME_RANGE' });
    expect(res.body.message).toBe('endsAt:必须晚于 startsAt');
    const zhValidation = await t.http().post('/api/v1/learners').set(AUTH).set('Accept-Language', 'zh-CN').send({});
    expect(zhValidation.body.message).toContain('externalId 必须是字符串');
  });

  it('answers malformed JSON with 400, an unknown route with 404 and a bad id with 400, never 500', async () => {
    const malformed = await t.http().post('/api/v1/sessions').set(AUTH).set('Content-Type', 'application/json').send('{"title":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const unknown = await t.http().get('/api/v1/nothing-here').set(AUTH);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const badId = await t.http().get('/api/v1/sessions/not-a-uuid').set(AUTH);
    expect(badId.status).toBe(400);
  });

  it('registers learners idempotently by external id and keeps identifying data out of the learner', async () => {
    const a = await t.http().post('/api/v1/learners').set(AUTH).send({ externalId: 'u-42', displayName: 'Zhang San', city: 'Shanghai', locale: 'zh-CN' });
    const b = await t.http().post('/api/v1/learners').set(AUTH).send({ externalId: 'u-42' });
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.body.id).toBe(a.body.id);
    expect(a.body.pseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(a.body)).not.toContain('Zhang San');
    expect(JSON.stringify(a.body)).not.toContain('u-42');
    // The new learner is in the durable event log once, as every change is (not only published in process).
    const rows: { payload: unknown }[] = await t.app.get(DataSource).query(`SELECT "payload" FROM "domain_event" WHERE "type" = 'LearnerCreated'`);
    const logged = rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload))
      .filter((p: { learnerId: string }) => p.learnerId === a.body.id);
    expect(logged).toHaveLength(1);
  });

  it('filters sessions by topic, city, course and time range, and gets, patches and exports one', async () => {
    const course = (await t.http().post('/api/v1/courses').set(AUTH).send({ externalId: 'c-1', title: 'Python', topic: 'python' })).body;
    const s1 = await createSession(t, { topic: 'python', city: 'Hangzhou', courseId: course.id }, 3);
    const s2 = await createSession(t, { topic: 'python', city: 'Beijing' }, 10);
    const byCity = (await t.http().get('/api/v1/sessions?city=hangzhou&topic=python').set(AUTH)).body;
    expect(byCity.map((s: { id: string }) => s.id)).toEqual([s1.id]);
    const byCourse = (await t.http().get(`/api/v1/sessions?courseId=${course.id}`).set(AUTH)).body;
    expect(byCourse.map((s: { id: string }) => s.id)).toEqual([s1.id]);
    const from = new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString();
    const inRange = (await t.http().get(`/api/v1/sessions?topic=python&from=${encodeURIComponent(from)}`).set(AUTH)).body;
    expect(inRange.map((s: { id: string }) => s.id)).toEqual([s2.id]);
    const badQuery = await t.http().get('/api/v1/sessions?limit=0&from=yesterday').set(AUTH);
    expect(badQuery.status).toBe(400);
    const patched = await t.http().patch(`/api/v1/sessions/${s2.id}`).set(AUTH).send({ title: 'Python lab (moved)', price: 99.5 });
    expect(patched.body).toMatchObject({ title: 'Python lab (moved)', price: 99.5, revision: 1 });
    const ics = await t.http().get(`/api/v1/sessions/${s2.id}/calendar.ics`).set(AUTH);
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.text).toContain('BEGIN:VCALENDAR');
    expect(ics.text).toContain(`UID:${s2.id}@o2o-bridge`);
    expect(ics.text).toContain('SEQUENCE:1');
    expect(ics.text).toContain('SUMMARY:Python lab (moved)');
  });

  it('serves OpenAPI and health', async () => {
    const docs = await t.http().get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining([
      '/api/v1/sessions', '/api/v1/sessions/{id}/bookings', '/api/v1/bookings/{id}/cancel', '/api/v1/learners',
    ]));
    const health = await t.http().get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: { status: 'up' }, queue: { driver: 'database', status: 'up' } });
    expect(health.headers['x-request-id']).toBeDefined();
  });
});
