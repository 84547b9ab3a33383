import { DataSource } from 'typeorm';
import { TenantService } from '@o2o/core';
import { ModelTrainingService } from '@o2o/model';
import { rawQuery } from '@o2o/persistence';
import { availableDatabases } from '@o2o/testing';
import { collectEvents, seedWorld } from './model/model-fixtures';
import { createLearner, createSession } from './support/fixtures';
import { AUTH, createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/** Suggestions ranked by the live model and service plans (solve, store, approve) over REST, on every database. */
describe.each(availableDatabases())('suggestions and service plans on %s', (kind) => {
  let t: TestApp;
  let tenantId: string;
  let learnerIds: Map<string, string>;
  let planned: ReturnType<typeof collectEvents<'PlanApproved'>>;

  beforeAll(async () => {
    t = await createTestApp(kind, { MODEL_EVAL_RUNS: '1', MODEL_EPOCHS: '10', MODEL_MIN_EXAMPLES: '100' });
    planned = collectEvents(t, 'PlanApproved');
    ({ tenantId, learnerIds } = await seedWorld(t, 300, { onlineStartsPerWeek: 0.35, seed: 11 }));
    const version = await t.app.get(ModelTrainingService).train(tenantId, { gate: { minMeanF1: 0, minMeanAuc: 0, maxStd: 1 } }, { trigger: 'api' });
    expect(version.status).toBe('active');
  });
  afterAll(() => t.close());

  const day = (n: number, hour: number) => new Date(Date.UTC(2026, 11, 4 + n, hour)).toISOString();

  it('ranks upcoming sessions by predicted satisfaction with reasons in both languages, and falls back for a new learner', async () => {
    const learner = learnerIds.get('learner-1')!;
    const { city } = (await t.http().get(`/api/v1/learners/${learner}`).set(AUTH)).body;
    for (const [i, topic] of ['python', 'data-analysis', 'marketing', 'photography'].entries()) {
      await createSession(t, { topic, city, format: 'workshop', timeZone: 'UTC', instructorName: `Instructor ${i + 1}` }, 3 + i);
      await createSession(t, { topic, city: 'Munich', format: 'lecture', timeZone: 'UTC' }, 4 + i);
    }
    const res = await t.http().get(`/api/v1/learners/${learner}/suggestions?limit=4`).set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(4);
    for (const s of res.body) {
      expect(s.reasonCodes[0]).toBe('model');
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThan(1);
      expect(s.reason.en).toMatch(/^Suggested because .+\.$/);
      expect(s.reason['zh-CN']).toMatch(/^推荐理由:.+。$/);
      expect(s.reasonText).toBe(s.reason.en);
    }
    expect(new Set(res.body.map((s: { session: { topic: string } }) => s.session.topic)).size).toBeGreaterThanOrEqual(2);
    const zh = await t.http().get(`/api/v1/learners/${learner}/suggestions?limit=2`).set({ ...AUTH, 'Accept-Language': 'zh-CN' });
    expect(zh.body[0].reasonText).toMatch(/^推荐理由/);
    const munich = await t.http().get(`/api/v1/learners/${learner}/suggestions?city=Munich&limit=10`).set(AUTH);
    expect(munich.body.length).toBe(4);
    expect(munich.body.every((s: { session: { city: string } }) => s.session.city === 'Munich')).toBe(true);

    const fresh = await createLearner(t, { city: 'Munich' });
    const cold = await t.http().get(`/api/v1/learners/${fresh}/suggestions`).set(AUTH);
    expect(cold.status).toBe(200);
    expect(cold.body[0].reasonCodes).not.toContain('model');

    const bad = await t.http().get(`/api/v1/learners/${learner}/suggestions?limit=abc&from=yesterday`).set(AUTH);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['limit', 'from']));
  });

  const candidates = () => [
    { id: 'py-am', topic: 'python', city: 'Berlin', venueName: 'Hall A', startsAt: day(8, 9), endsAt: day(8, 12), capacity: 12, cost: 400, instructor: 'Ana' },
    { id: 'da-am', topic: 'data-analysis', city: 'Berlin', venueName: 'Hall B', startsAt: day(8, 9), endsAt: day(8, 12), capacity: 12, cost: 400, instructor: 'Ben' },
    { id: 'py-pm', topic: 'python', city: 'Potsdam', venueName: 'Loft', startsAt: day(8, 14), endsAt: day(8, 17), capacity: 8, cost: 300, instructor: 'Ana' },
    { id: 'mk-pm', topic: 'marketing', city: 'Berlin', venueName: 'Hall A', startsAt: day(8, 14), endsAt: day(8, 17), capacity: 15, cost: 500, instructor: 'Cem', format: 'lab' },
  ];
  const period = { start: day(7, 0), end: day(10, 0) };

  it('solves a plan from predicted satisfaction, stores it as a draft, and approval creates sessions, invitations and PlanApproved', async () => {
    const res = await t.http().post('/api/v1/plans').set(AUTH).send({ period, candidates: candidates(), budget: 1000, minAttendance: 3, timeLimitSeconds: 20 });
    expect(res.status).toBe(201);
    const plan = res.body;
    expect(plan).toMatchObject({ status: 'draft', solverStatus: 'optimal', scoreSource: 'model', eligibleLearners: expect.any(Number) });
    expect(plan.gap).toBeLessThanOrEqual(0.01);
    expect(plan.totalCost).toBeLessThanOrEqual(1000);
    expect(plan.openedSessions).toBeGreaterThanOrEqual(2);
    expect(plan.objectiveValue).toBeCloseTo(plan.expectedSatisfaction, 6);
    const bySlot = new Map<string, Set<string>>();
    for (const s of plan.sessions) {
      expect(s.invitations.length).toBeLessThanOrEqual(s.capacity);
      expect(s.expectedAttendance).toBeGreaterThanOrEqual(3 - 1e-6);
      for (const i of s.invitations) {
        const seen = bySlot.get(s.slotId) ?? new Set<string>();
        expect(seen.has(i.learnerId)).toBe(false);
        seen.add(i.learnerId);
        bySlot.set(s.slotId, seen);
        expect(i.attendProbability).toBeGreaterThanOrEqual(i.score);
      }
    }
    expect((await t.http().get(`/api/v1/plans/${plan.id}`).set(AUTH)).body.objectiveValue).toBe(plan.objectiveValue);

    const approved = await t.http().post(`/api/v1/plans/${plan.id}/approve`).set(AUTH).send({});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const sessionIds: string[] = approved.body.sessions.map((s: { sessionId: string }) => s.sessionId);
    expect(sessionIds.every(Boolean)).toBe(true);
    for (const [k, id] of sessionIds.entries()) {
      const session = (await t.http().get(`/api/v1/sessions/${id}`).set(AUTH)).body;
      expect(session).toMatchObject({ status: 'scheduled', topic: approved.body.sessions[k].topic, capacity: approved.body.sessions[k].capacity });
    }
    const invited = plan.sessions.reduce((n: number, s: { invitations: unknown[] }) => n + s.invitations.length, 0);
    const rows = await rawQuery<{ n: unknown }>(t.app.get(DataSource).manager, 'SELECT COUNT(*) AS "n" FROM "plan_invitation" WHERE "planId" = ?', [plan.id]);
    expect(Number(rows[0].n)).toBe(invited);
    expect(planned).toHaveLength(1);
    expect(planned[0].payload).toMatchObject({ tenantId, planId: plan.id, sessionIds });

    const again = await t.http().post(`/api/v1/plans/${plan.id}/approve`).set(AUTH).send({});
    expect(again.body.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual(sessionIds);
    expect(planned).toHaveLength(1);
  });

  it('answers 422 naming the constraint that cannot be met, and 400/422 naming invalid fields', async () => {
    const broke = await t.http().post('/api/v1/plans').set(AUTH).send({ period, candidates: candidates(), budget: 100, minAttendance: 1 });
    expect(broke.status).toBe(422);
    expect(broke.body.code).toBe('PLAN_INFEASIBLE');
    expect(broke.body.errors[0].field).toBe('budget');
    expect(broke.body.message).toContain('"budget"');

    const crowd = await t.http().post('/api/v1/plans').set(AUTH).send({ period, candidates: candidates(), budget: 5000, minAttendance: 50 });
    expect(crowd.status).toBe(422);
    expect(crowd.body.message).toContain('"capacity"');
    expect(crowd.body.message).toContain('below the minimum attendance 50');
    expect(crowd.body.errors[0].field).toBe('candidates');

    const invalid = await t.http().post('/api/v1/plans').set(AUTH).send({
      period, budget: -1, minAttendance: 1, candidates: [{ ...candidates()[0], topic: undefined, capacity: 0 }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['budget', 'candidates[0].topic', 'candidates[0].capacity']));

    const unknownVenue = await t.http().post('/api/v1/plans').set(AUTH).send({
      period, budget: 1000, minAttendance: 1, candidates: [{ ...candidates()[0], venueId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(unknownVenue.status).toBe(422);
    expect(unknownVenue.body.errors[0].field).toBe('candidates[0].venueId');
    const outside = await t.http().post('/api/v1/plans').set(AUTH).send({
      period, budget: 1000, minAttendance: 1, candidates: [{ ...candidates()[0], startsAt: day(20, 9), endsAt: day(20, 10) }],
    });
    expect(outside.body.errors[0].field).toBe('candidates[0].startsAt');
    const stranger = await t.http().post('/api/v1/plans').set(AUTH).send({
      period, budget: 1000, minAttendance: 1, candidates: candidates(), learnerIds: [learnerIds.get('learner-2'), '00000000-0000-4000-8000-000000000000'],
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors[0].field).toBe('learnerIds[1]');
  });

  it('keeps the slots an instructor cannot teach closed, and answers 422 naming instructorUnavailable when nobody can teach', async () => {
    const ana = candidates().filter((c) => c.instructor === 'Ana'); // py-am (9–12) and py-pm (14–17), 700 of 1000
    const morning = { instructor: 'Ana', from: day(8, 0), to: day(8, 13) };
    const plan = async (instructorUnavailable: object[]) =>
      t.http().post('/api/v1/plans').set(AUTH).send({ period, candidates: ana, budget: 1000, minAttendance: 1, instructorUnavailable });
    const free = await plan([]);
    expect(free.body.sessions.map((s: { candidateId: string }) => s.candidateId).sort()).toEqual(['py-am', 'py-pm']);
    const afternoonOnly = await plan([morning]);
    expect(afternoonOnly.status).toBe(201);
    expect(afternoonOnly.body.sessions.map((s: { candidateId: string }) => s.candidateId)).toEqual(['py-pm']);
    const stranded = await plan([morning, { instructor: 'Ana', from: day(8, 13), to: day(8, 18) }]);
    expect(stranded.status).toBe(422);
    expect(stranded.body.code).toBe('PLAN_INFEASIBLE');
    expect(stranded.body.errors[0].field).toBe('instructorUnavailable');
    const backwards = await t.http().post('/api/v1/plans').set(AUTH).send({
      period, candidates: candidates(), budget: 1000, minAttendance: 1, instructorUnavailable: [{ instructor: 'Ana', from: day(8, 13), to: day(8, 9) }],
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].field).toBe('instructorUnavailable[0].to');
  });

  it('plans from the catalogue heuristic when the tenant has no live model', async () => {
    await t.app.get(TenantService).ensure('no-model', 'No model yet');
    const headers = { ...AUTH, 'X-Tenant': 'no-model' };
    for (let i = 0; i < 6; i++) {
      await t.http().post('/api/v1/learners').set(headers).send({ externalId: `nm-${i}`, city: i % 2 ? 'Berlin' : 'Potsdam' }).expect(201);
    }
    const res = await t.http().post('/api/v1/plans').set(headers).send({ period, candidates: candidates(), budget: 800, minAttendance: 2 });
    expect(res.status).toBe(201);
    expect(res.body.scoreSource).toBe('catalogue');
    expect(res.body.modelVersionId).toBeNull();
    expect(t.clock.now().getTime()).toBeLessThan(Date.parse(period.start) + DAY_MS);
  });
});
