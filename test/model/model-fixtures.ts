import { DomainEvent, DomainEventBus, DomainEventType, TenantService } from '@o2o/core';
import { IDENTITY_MAPPING, SyntheticHistorySeeder, SyntheticWorldOptions } from '@o2o/model';
import { AUTH, TestApp } from '../support/test-app';

const DAY_MS = 86_400_000;

/** Seeds a generated world into the default tenant; its history ends ten days before the test clock's now. */
export async function seedWorld(t: TestApp, learners: number, options: SyntheticWorldOptions = {}) {
  const tenantId = (await t.app.get(TenantService).resolve('default')).id;
  const start = new Date(t.clock.now().getTime() - 190 * DAY_MS);
  const result = await t.app.get(SyntheticHistorySeeder).seed(tenantId, { seed: 7, learners, start, days: 180, ...options }, IDENTITY_MAPPING);
  return { tenantId, ...result };
}

/** Polls GET /api/v1/jobs/:id until the job is completed or dead. */
export async function waitForJob(t: TestApp, jobId: string, timeoutMs = 90_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  const progress: number[] = [];
  for (;;) {
    const res = await t.http().get(`/api/v1/jobs/${jobId}`).set(AUTH);
    if (res.status !== 200) throw new Error(`job ${jobId}: ${res.status} ${JSON.stringify(res.body)}`);
    progress.push(res.body.progress);
    if (res.body.state === 'completed' || res.body.state === 'dead') return { ...res.body, seenProgress: progress };
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${res.body.state} at ${res.body.progress}%`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Collects the domain events of one type published from now on. */
export function collectEvents<K extends DomainEventType>(t: TestApp, type: K): DomainEvent<K>[] {
  const seen: DomainEvent<K>[] = [];
  t.app.get(DomainEventBus).subscribe(type, (e) => {
    seen.push(e);
  });
  return seen;
}
