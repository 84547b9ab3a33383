import { DataSource } from 'typeorm';
import { AccountLinkService, OfflineSession, SuggestionService, TenantService } from '@o2o/core';
import { availableDatabases } from '@o2o/testing';
import { createLearner, createSession } from './support/fixtures';
import { AUTH, createTestApp, TestApp } from './support/test-app';

describe.each(availableDatabases())('suggestions and account-link codes on %s', (kind) => {
  let t: TestApp;
  let tenantId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    tenantId = (await t.app.get(TenantService).resolve('default')).id;
  });
  afterAll(() => t.close());

  it('suggests bookable upcoming sessions, never booked, full, cancelled or past ones, with reasons in both languages', async () => {
    const learner = await createLearner(t, { city: 'Shanghai' });
    const other = await createLearner(t);
    const course = (await t.http().post('/api/v1/courses').set(AUTH).send({ externalId: 'sg-1', title: 'Py', topic: 'python' })).body;
    const inCity = await createSession(t, { topic: 'python', city: 'Shanghai', courseId: course.id }, 5);
    const elsewhere = await createSession(t, { topic: 'python', city: 'Beijing' }, 6);
    const booked = await createSession(t, { topic: 'python', city: 'Shanghai' }, 7);
    const full = await createSession(t, { topic: 'python', capacity: 1, waitlistLimit: 0 }, 8);
    const waitlistOnly = await createSession(t, { topic: 'design', capacity: 1, waitlistLimit: 3 }, 9);
    const cancelled = await createSession(t, { topic: 'python' }, 10);
    const past = await createSession(t, { topic: 'python' }, 0.01);
    await t.http().post(`/api/v1/sessions/${booked.id}/bookings`).set(AUTH).send({ learnerId: learner });
    await t.http().post(`/api/v1/sessions/${full.id}/bookings`).set(AUTH).send({ learnerId: other });
    await t.http().post(`/api/v1/sessions/${waitlistOnly.id}/bookings`).set(AUTH).send({ learnerId: other });
    await t.http().post(`/api/v1/sessions/${cancelled.id}/cancel`).set(AUTH).send({});

    const suggestions = await t.app.get(SuggestionService).forLearner(tenantId, learner, { limit: 10 });
    const ids = suggestions.map((s) => s.session.id);
    expect(ids).toEqual(expect.arrayContaining([inCity.id, elsewhere.id, waitlistOnly.id]));
    for (const excluded of [booked.id, full.id, cancelled.id, past.id]) expect(ids).not.toContain(excluded);
    expect(ids.indexOf(inCity.id)).toBeLessThan(ids.indexOf(elsewhere.id));
    const top = suggestions.find((s) => s.session.id === inCity.id)!;
    expect(top.reason.en).toContain('Shanghai');
    expect(top.reason['zh-CN']).toContain('推荐理由');
    expect(suggestions.find((s) => s.session.id === waitlistOnly.id)!.waitlist).toBe(true);

    const forCourse = await t.app.get(SuggestionService).forLearner(tenantId, learner, { courseId: course.id });
    expect(forCourse.every((s) => s.session.topic === 'python')).toBe(true);
  });

  it('reads candidates with every ranking column as stored, times to the millisecond', async () => {
    const learner = await createLearner(t, { city: 'Shanghai' });
    const course = (await t.http().post('/api/v1/courses').set(AUTH).send({ externalId: 'sg-cols', title: 'Cols', topic: 'cols' })).body;
    const startsAt = new Date(Math.floor(t.clock.now().getTime() / 1000) * 1000 + 4 * 86_400_000 + 123);
    const made = await createSession(t, { topic: 'cols', city: 'Shanghai', courseId: course.id, capacity: 3, waitlistLimit: 2,
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 5_400_456).toISOString() });
    // Every integer column a different value, so a read that swapped two of them would fail.
    const sessions = t.app.get(DataSource).getRepository(OfflineSession);
    await sessions.update({ id: made.id }, { priceMinor: 4900, confirmedCount: 1, waitlistCount: 0 });
    const stored = await sessions.findOneByOrFail({ id: made.id });
    expect(new Set([stored.capacity, stored.waitlistLimit, stored.priceMinor, stored.confirmedCount, stored.waitlistCount]).size).toBe(5);
    const [read] = await t.app.get(SuggestionService).candidates(tenantId, learner, { courseId: course.id });
    const columns = ['id', 'tenantId', 'courseId', 'topic', 'format', 'city', 'instructorName', 'timeZone', 'capacity', 'waitlistLimit',
      'priceMinor', 'confirmedCount', 'waitlistCount', 'status'] as const;
    for (const c of columns) expect([c, read[c]]).toEqual([c, stored[c]]);
    expect([read.startsAt.getTime(), read.endsAt.getTime()]).toEqual([stored.startsAt.getTime(), stored.endsAt.getTime()]);
    expect([read.startsAt.getTime(), read.endsAt.getTime()]).toEqual([startsAt.getTime(), startsAt.getTime() + 5_400_456]);
  });

  it('filters by city, from, to and courseId over HTTP and marks waitlist-only sessions', async () => {
    const learner = await createLearner(t, { city: 'Chengdu' });
    const other = await createLearner(t);
    const course = (await t.http().post('/api/v1/courses').set(AUTH).send({ externalId: 'sg-calligraphy', title: 'Calligraphy', topic: 'calligraphy' })).body;
    const first = await createSession(t, { topic: 'calligraphy', city: 'Chengdu', courseId: course.id }, 30);
    const pottery = await createSession(t, { topic: 'pottery', city: 'Chengdu' }, 32);
    const waitlistOnly = await createSession(t, { topic: 'tea', city: 'Chengdu', capacity: 1, waitlistLimit: 2 }, 35);
    const later = await createSession(t, { topic: 'calligraphy', city: 'Chengdu' }, 40);
    await t.http().post(`/api/v1/sessions/${waitlistOnly.id}/bookings`).set(AUTH).send({ learnerId: other }).expect(201);
    const at = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
    const get = async (query: string) => {
      const res = await t.http().get(`/api/v1/learners/${learner}/suggestions?city=Chengdu&${query}`).set(AUTH);
      expect(res.status).toBe(200);
      return res.body as { session: { id: string }; waitlist: boolean }[];
    };
    const ids = (list: { session: { id: string } }[]) => list.map((s) => s.session.id).sort();

    const all = await get('limit=10');
    expect(ids(all)).toEqual([first.id, pottery.id, waitlistOnly.id, later.id].sort());
    expect(all.filter((s) => s.waitlist).map((s) => s.session.id)).toEqual([waitlistOnly.id]);
    expect(await get('limit=1')).toHaveLength(1);
    // from: sessions ending at or after it; to: sessions starting before it.
    expect(ids(await get(`limit=10&from=${encodeURIComponent(at(31))}&to=${encodeURIComponent(at(36))}`))).toEqual([pottery.id, waitlistOnly.id].sort());
    expect(ids(await get(`limit=10&courseId=${course.id}`))).toEqual([first.id, later.id].sort());
  });

  it('keeps one topic from filling the list', async () => {
    const learner = await createLearner(t);
    for (let i = 0; i < 5; i++) await createSession(t, { topic: 'ml', city: 'Hangzhou' }, 3 + i / 10);
    await createSession(t, { topic: 'ux', city: 'Hangzhou' }, 20);
    const top = await t.app.get(SuggestionService).forLearner(tenantId, learner, { limit: 3, city: 'Hangzhou' });
    expect(top.map((s) => s.session.topic).filter((x) => x === 'ml').length).toBeLessThanOrEqual(2);
  });

  it('redeems a link code once, even when two chats race, and refuses expired codes', async () => {
    const learner = await createLearner(t);
    const links = t.app.get(AccountLinkService);
    const { code } = await links.issue(tenantId, learner);
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(code).toMatch(/[2-9]/);
    const results = await Promise.allSettled([links.redeem(code.toLowerCase()), links.redeem(code)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ learnerId: string }>).value.learnerId).toBe(learner);
    const late = await links.issue(tenantId, learner, 1);
    t.clock.advance(2 * 60_000);
    await expect(links.redeem(late.code)).rejects.toMatchObject({ code: 'LINK_CODE_INVALID', status: 422 });
  });
});
