import { promises as fs } from 'fs';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { TenantService } from '@o2o/core';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { LearnerTimeline, ModelFeaturesService, readModelArtifacts, SatisfactionModel, SatisfactionModelService } from '@o2o/model';
import { rawQuery } from '@o2o/persistence';
import { availableDatabases } from '@o2o/testing';
import { collectEvents, seedWorld, waitForJob } from './model/model-fixtures';
import { AUTH, createTestApp, TestApp } from './support/test-app';

/**
 * The satisfaction model as a service, on every database: synthetic history in the database → features →
 * training job → evaluation beside baselines → gate → active version; a worse candidate stays inactive;
 * rollback; too little data; batched inference without leaking tensors.
 */
describe.each(availableDatabases())('satisfaction model service on %s', (kind) => {
  let t: TestApp;
  let tenantId: string;
  let firstId: string;
  const activations = () => collected;
  let collected: ReturnType<typeof collectEvents<'ModelActivated'>>;

  beforeAll(async () => {
    t = await createTestApp(kind, { MODEL_EVAL_RUNS: '2', MODEL_EPOCHS: '20', MODEL_EVAL_SPLIT: 'temporal', MODEL_MIN_EXAMPLES: '300' });
    collected = collectEvents(t, 'ModelActivated');
    const started = performance.now();
    // Fewer online visits than the default world: the offline head is what is checked, and seeding stays quick.
    ({ tenantId } = await seedWorld(t, 800, { onlineStartsPerWeek: 0.35 }));
    console.log(`${kind}: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
  afterAll(() => t.close());

  it('recovers the hidden preference model through the training job: offline ROC-AUC ≥ 0.80 and better than popularity', async () => {
    const res = await t.http().post('/api/v1/models/train').set(AUTH).send({});
    expect(res.status).toBe(202);
    const job = await waitForJob(t, res.body.jobId);
    expect(job.state).toBe('completed');
    expect((job.seenProgress as number[]).some((p) => p > 0 && p < 100)).toBe(true);
    firstId = (job.result as { modelVersionId: string }).modelVersionId;

    const active = (await t.http().get('/api/v1/models/active').set(AUTH)).body;
    expect(active).toMatchObject({ id: firstId, status: 'active', fusion: 'fused', alpha: 1, beta: 0.5 });
    const offline = active.evaluation.offline;
    expect(offline.model.rocAuc.values).toHaveLength(2);
    console.log(`${kind}: offline ROC-AUC model ${offline.model.rocAuc.mean.toFixed(3)} ± ${offline.model.rocAuc.std.toFixed(3)}, popularity ${offline.popularity.rocAuc.mean.toFixed(3)}, logistic ${offline.logistic.rocAuc.mean.toFixed(3)}`);
    expect(offline.model.rocAuc.mean).toBeGreaterThanOrEqual(0.8);
    expect(offline.model.rocAuc.mean).toBeGreaterThan(offline.popularity.rocAuc.mean + 0.1);
    expect(offline.logistic.rocAuc.mean).toBeGreaterThan(0.7);
    expect(active.evaluation.runs[0].offline.model.calibration).toHaveLength(10);
    expect(active.featureList).toContain('pair.topicMatch');
    expect(active.dataSnapshotHash).toMatch(/^[0-9a-f]{64}$/);
    expect(active.artifact.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(active.examples.offline.count).toBeGreaterThan(3000);
    expect(active.backend).toBe(t.app.get(SatisfactionModelService).backend);
    // The artifacts on disk are a TF.js layers model whose checksum matches the row and whose metadata names the backend.
    const dir = path.resolve(t.app.get<AppConfig>(APP_CONFIG).dataDir, active.artifact.path);
    expect((await fs.readdir(dir)).sort()).toEqual(['model.json', 'model.sha256', 'weights.bin']);
    const stored = await SatisfactionModel.load(await readModelArtifacts(dir, active.artifact.sha256));
    expect(stored.metadata).toMatchObject({ versionId: firstId, backend: active.backend, dataSnapshotHash: active.dataSnapshotHash });
    stored.model.dispose();
    expect(active.gate.activate).toBe(true);
    // The windows drift over time; on a temporal split the gate checks the spread of model − logistic per window.
    expect(active.gate.reasons).toEqual(expect.arrayContaining([
      expect.stringMatching(/^ok: F1 spread vs baseline /), expect.stringMatching(/^ok: ROC-AUC spread vs baseline /),
    ]));
    expect(activations().map((e) => e.payload.modelVersionId)).toEqual([firstId]);

    const health = (await t.http().get('/health')).body;
    expect(health.model).toMatchObject({ status: 'up', backend: expect.stringMatching(/^(tensorflow|wasm|cpu)$/) });
  });

  it('keeps a worse candidate inactive with the reason, and rolls back on request', async () => {
    const res = await t.http().post('/api/v1/models/train').set(AUTH).send({ epochs: 1, runs: 1, gate: { maxRegression: 0 } });
    const job = await waitForJob(t, res.body.jobId);
    const worseId = (job.result as { modelVersionId: string }).modelVersionId;
    const worse = (await t.http().get(`/api/v1/models/${worseId}`).set(AUTH)).body;
    expect(worse.status).toBe('inactive');
    expect(worse.statusReason).toMatch(/worse than live/);
    expect(worse.gate.reasons[0]).toMatch(/^fail: /);
    expect((await t.http().get('/api/v1/models/active').set(AUTH)).body.id).toBe(firstId);

    const list = (await t.http().get('/api/v1/models').set(AUTH)).body;
    expect(list.map((v: { id: string }) => v.id)).toEqual([worseId, firstId]);
    expect(list[0].metrics.offline.rocAuc.model.mean).toBeLessThan(list[1].metrics.offline.rocAuc.model.mean);

    const rolled = await t.http().post(`/api/v1/models/${worseId}/activate`).set(AUTH).send({});
    expect(rolled.status).toBe(200);
    expect(rolled.body.status).toBe('active');
    const previous = (await t.http().get(`/api/v1/models/${firstId}`).set(AUTH)).body;
    expect(previous).toMatchObject({ status: 'inactive', statusReason: `rolled back to ${worseId}` });
    await t.http().post(`/api/v1/models/${firstId}/activate`).set(AUTH).send({}).expect(200);
    expect((await t.http().get('/api/v1/models/active').set(AUTH)).body.id).toBe(firstId);
    expect(activations().map((e) => e.payload.modelVersionId)).toEqual([firstId, worseId, firstId]);
    expect((await t.app.get(SatisfactionModelService).current(tenantId))?.versionId).toBe(firstId);
  });

  it('answers 422 with too little data and leaves the live model in place; validation errors name the field', async () => {
    await t.app.get(TenantService).ensure('small-school', 'Small school');
    const res = await t.http().post('/api/v1/models/train').set({ ...AUTH, 'X-Tenant': 'small-school' }).send({});
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('MODEL_TOO_LITTLE_DATA');
    expect(res.body.message).toContain('at least 300');
    const zh = await t.http().post('/api/v1/models/train').set({ ...AUTH, 'X-Tenant': 'small-school', 'Accept-Language': 'zh-CN' }).send({});
    expect(zh.body.message).toContain('数据不足');
    expect((await t.http().get('/api/v1/models/active').set({ ...AUTH, 'X-Tenant': 'small-school' })).status).toBe(404);
    expect((await t.http().get('/api/v1/models/active').set(AUTH)).body.id).toBe(firstId);

    const bad = await t.http().post('/api/v1/models/train').set(AUTH).send({ fusion: 'quantum', epochs: 0, gate: { minMeanAuc: 2 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['fusion', 'epochs', 'gate.minMeanAuc']));
  });

  it('scores 10,000 learner × session pairs in batches without leaking tensors', async () => {
    const models = t.app.get(SatisfactionModelService);
    const live = (await models.current(tenantId))!;
    const { timelines } = await t.app.get(ModelFeaturesService).timelines(tenantId, []);
    expect(timelines.size).toBe(0);
    const some = await t.app.get(ModelFeaturesService).timelines(tenantId, await learnerIds(t, tenantId, 50));
    const now = t.clock.now().getTime();
    const session = {
      id: 's', topic: 'python', format: 'workshop', city: 'Berlin', startsAt: new Date(now + 5 * 86_400_000),
      endsAt: new Date(now + 5 * 86_400_000 + 7_200_000), timeZone: 'Europe/Berlin', priceMinor: 2000, capacity: 20,
      instructorName: 'Instructor 1', courseId: null,
    };
    const { offlineInput } = await import('@o2o/model');
    const inputs = [...some.timelines.values()].map((tl: LearnerTimeline) => offlineInput(tl, session, now));
    models.predictOffline(live, inputs); // warm-up: kernels and backend state allocated once
    const before = models.tensorCount();
    let predictions = 0;
    for (let i = 0; i < 200; i++) predictions += models.predictOffline(live, inputs).length;
    const big = Array.from({ length: 5000 }, (_, i) => inputs[i % inputs.length]);
    const scores = models.predictOffline(live, big);
    const online = models.predictOnline(live, inputs);
    predictions += scores.length + online.length;
    expect(predictions).toBeGreaterThanOrEqual(15_000);
    expect(models.tensorCount()).toBe(before);
    expect(scores.every((p) => p > 0 && p < 1)).toBe(true);
  });
});

async function learnerIds(t: TestApp, tenantId: string, n: number): Promise<string[]> {
  const rows = await rawQuery<{ id: string }>(t.app.get(DataSource).manager, `SELECT "id" FROM "learner" WHERE "tenantId" = ? ORDER BY "id" LIMIT ${n}`, [tenantId]);
  return rows.map((r) => r.id);
}
