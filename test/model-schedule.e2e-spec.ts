import { DataSource } from 'typeorm';
import { rawQuery, rowDate } from '@o2o/persistence';
import { ModelTrainingService } from '@o2o/model';
import { seedWorld, waitForJob } from './model/model-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/** MODEL_TRAIN_SCHEDULE: one scheduling job per interval slot, retraining only when new outcomes arrived. */
describe('scheduled retraining (sqlite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { MODEL_TRAIN_SCHEDULE: '1d', MODEL_EVAL_RUNS: '1', MODEL_EPOCHS: '5', MODEL_MIN_EXAMPLES: '100' });
  });
  afterAll(() => t.close());

  const jobs = (name: string) => rawQuery<{ id: string; runAt: string; state: string }>(t.app.get(DataSource).manager,
    'SELECT "id", "runAt", "state" FROM "job" WHERE "name" = ? ORDER BY "runAt"', [name]);

  it('queues the next slot at start, skips a tenant without new outcomes, and schedules the slot after', async () => {
    const [next] = await jobs('model.train-schedule');
    const slotStart = (Math.floor(t.clock.now().getTime() / DAY_MS) + 1) * DAY_MS;
    expect(rowDate(next.runAt).getTime()).toBe(slotStart);

    const { tenantId } = await seedWorld(t, 300, { onlineStartsPerWeek: 0.3 });
    await t.app.get(ModelTrainingService).train(tenantId, { gate: { minMeanAuc: 0, minMeanF1: 0, maxStd: 1 } }, { trigger: 'api' });
    t.clock.set(new Date(slotStart + 1000));
    const done = await waitForJob(t, next.id, 30_000);
    expect(done.state).toBe('completed');
    expect(done.result).toEqual({ queued: [] });
    const after = await jobs('model.train-schedule');
    expect(after).toHaveLength(2);
    expect(await jobs('model.train')).toHaveLength(0);
  });
});
