import { AccountLinkService, SuggestionService, TenantService } from '@o2o/core';
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
