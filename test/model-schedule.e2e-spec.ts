import { DataSource } from 'typeorm';
import { rawQuery, rowDate } from '@o2o/persistence';
import { ModelTrainingService } from '@o2o/model';
import { seedWorld, waitForJob } from './model/model-fixtures';
import { AUTH, createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/** MODEL_TRAIN_SCHEDULE: one scheduling job per interval slot, retraining only when new attendance or ratings arrived. */
describe('scheduled retraining (sqlite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { MODEL_TRAIN_SCHEDULE: '1d', MODEL_EVAL_RUNS: '1', MODEL_EPOCHS: '5', MODEL_MIN_EXAMPLES: '100' });
  });
  afterAll(() => t.close());

  const jobs = (name: string) => rawQuery<{ id: string; runAt: string; state: string }>(t.app.get(DataSource).manager,
    'SELECT "id", "runAt", "state" FROM "job" WHERE "name" = ? ORDER BY "runAt"', [name]);

  it('queues the next slot at start, skips a tenant without new outcomes, schedules the slot after, and retrains after a new rating', async () => {
    const [next] = await jobs('model.train-schedule');
    const slotStart = (Math.floor(t.clock.now().getTime() / DAY_MS) + 1) * DAY_MS;
    expect(rowDate(next.runAt).getTime()).toBe(slotStart);

    const { tenantId } = await seedWorld(t, 300, { onlineStartsPerWeek: 0.3 });
    // Every attended booking of the synthetic world is rated; take one rating away to give it later.
    const [unrated] = await rawQuery<{ id: string }>(t.app.get(DataSource).manager,
      `SELECT b."id" FROM "booking" b JOIN "feedback" f ON f."bookingId" = b."id" WHERE b."tenantId" = ? AND b."status" = 'attended'
       ORDER BY b."id" LIMIT 1`, [tenantId]);
    await rawQuery(t.app.get(DataSource).manager, 'DELETE FROM "feedback" WHERE "bookingId" = ?', [unrated.id]);
    await t.app.get(ModelTrainingService).train(tenantId, { gate: { minMeanAuc: 0, minMeanF1: 0, maxStd: 1 } }, { trigger: 'api' });
    t.clock.set(new Date(slotStart + 1000));
    const done = await waitForJob(t, next.id, 30_000);
    expect(done.state).toBe('completed');
    expect(done.result).toEqual({ queued: [] });
    const after = await jobs('model.train-schedule');
    expect(after).toHaveLength(2);
    expect(await jobs('model.train')).toHaveLength(0);

    // The late rating arrives: a new label, and no new attendance. The next slot queues a retraining.
    await t.http().post(`/api/v1/bookings/${unrated.id}/feedback`).set(AUTH).send({ rating: 5 }).expect(201);
    const second = after.find((j) => j.id !== next.id)!;
    t.clock.set(new Date(slotStart + DAY_MS + 1000));
    const retrained = await waitForJob(t, second.id, 30_000);
    expect(retrained.state).toBe('completed');
    const queued = (retrained.result as { queued: string[] }).queued;
    expect(queued).toHaveLength(1);
    expect((await jobs('model.train')).map((j) => j.id)).toEqual(queued);
  });
});
