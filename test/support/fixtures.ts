import { AUTH, TestApp } from './test-app';

let counter = 0;

export async function createLearner(t: TestApp, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http().post('/api/v1/learners').set(AUTH).send({ externalId: `learner-${++counter}-${Date.now()}`, ...extra });
  if (res.status !== 201) throw new Error(`learner: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function createLearners(t: TestApp, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await createLearner(t));
  return ids;
}

/** A session starting `daysAhead` days after the test clock's now. */
export async function createSession(t: TestApp, overrides: Record<string, unknown> = {}, daysAhead = 7) {
  const start = new Date(t.clock.now().getTime() + daysAhead * 86_400_000);
  const res = await t.http().post('/api/v1/sessions').set(AUTH).send({
    title: 'pandas lab', topic: 'data-analysis', format: 'lab', city: 'Shanghai',
    startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
    timeZone: 'Asia/Shanghai', capacity: 5, waitlistLimit: 50, price: 199, currency: 'CNY', language: 'zh-CN',
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; startsAt: string; capacity: number };
}
