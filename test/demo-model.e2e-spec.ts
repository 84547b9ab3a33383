import { DEMO_BOOTSTRAP_JOB } from '@o2o/model';
import { availableDatabases } from '@o2o/testing';
import { waitForJob } from './model/model-fixtures';
import { AUTH, createTestApp, TestApp } from './support/test-app';

/**
 * `npm start` on an empty database: the demo seed, then (in a background job, not before listening) the
 * synthetic history and a first model, after which the demo learners' suggestions come from the model.
 */
describe.each(availableDatabases())('demo start with a first model on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { DEMO_SEED: 'true', MODEL_EVAL_RUNS: '1' });
  });
  afterAll(() => t.close());

  it('answers at once, then trains in the background and suggests with model reasons', async () => {
    const learner = (externalId: string) => t.http().post('/api/v1/learners').set(AUTH).send({ externalId });
    const first = (await learner('demo-learner-1')).body.id;
    // Listening does not wait for training: suggestions work right away from the catalogue ranking.
    const early = await t.http().get(`/api/v1/learners/${first}/suggestions`).set(AUTH);
    expect(early.status).toBe(200);
    expect(early.body.length).toBeGreaterThan(0);

    const jobId = await findJob(t);
    const job = await waitForJob(t, jobId, 110_000);
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({ status: 'active' });

    const active = (await t.http().get('/api/v1/models/active').set(AUTH)).body;
    expect(active.trigger).toBe('bootstrap');
    expect(active.evaluation.offline.model.rocAuc.mean).toBeGreaterThan(0.7);
    const scheduled = await t.http().get('/api/v1/sessions?status=scheduled').set(AUTH);
    expect(scheduled.body).toHaveLength(8);

    const reasons: { en: string; zh: string }[] = [];
    for (let i = 1; i <= 40; i += 3) {
      const id = (await learner(`demo-learner-${i}`)).body.id;
      const res = await t.http().get(`/api/v1/learners/${id}/suggestions?limit=3`).set(AUTH);
      expect(res.status).toBe(200);
      expect(res.body[0].reasonCodes[0]).toBe('model');
      reasons.push(...res.body.map((s: { reason: { en: string; 'zh-CN': string } }) => ({ en: s.reason.en, zh: s.reason['zh-CN'] })));
    }
    expect(reasons.some((r) => /you finished \d+% of (Python Basics|Data Analysis with pandas|Machine Learning 101|UX Design Fundamentals)/.test(r.en))).toBe(true);
    expect(reasons.some((r) => /你完成了 .+ \d+% 的内容/.test(r.zh))).toBe(true);
  });
});

async function findJob(t: TestApp): Promise<string> {
  const { DataSource } = await import('typeorm');
  const { rawQuery } = await import('@o2o/persistence');
  for (let i = 0; i < 100; i++) {
    const rows = await rawQuery<{ id: string }>(t.app.get(DataSource).manager, 'SELECT "id" FROM "job" WHERE "name" = ?', [DEMO_BOOTSTRAP_JOB]);
    if (rows[0]) return rows[0].id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the demo bootstrap job was never queued');
}
