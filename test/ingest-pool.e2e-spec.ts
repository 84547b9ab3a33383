import { randomUUID } from 'node:crypto';
import { availableDatabases } from '@o2o/testing';
import { createIngestCredential, ensureTenant, xapiStatement } from './support/ingest.fixtures';
import { createTestApp, TestApp } from './support/test-app';

const V = { 'X-Experience-API-Version': '1.0.3' };

/**
 * A fresh host with a tiny PostgreSQL pool and a tenant nobody has looked up by id yet: every request holds its
 * transaction's connection when it first needs the tenant. Reading the tenant through the pool instead of that
 * transaction once deadlocked the host (every connection held, each waiting for another). With SQLite this is the
 * same concurrency over one connection.
 */
describe.each(availableDatabases())('ingest under a small connection pool on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind, { DATABASE_POOL_SIZE: '2' }); });
  afterAll(() => t.close());

  it('answers every concurrent xAPI batch of a cold tenant instead of waiting forever for a connection', async () => {
    await ensureTenant(t, 'pool-tenant');
    const credential = await createIngestCredential(t, 'xapi', 'pool-tenant');
    const batches = Array.from({ length: 8 }, (_, i) => Array.from({ length: 5 }, (_, j) => xapiStatement({
      id: randomUUID(), actor: { objectType: 'Agent', mbox: `mailto:pool-${i}-${j}@example.com` },
    })));
    const replies = await Promise.all(batches.map((batch) =>
      t.http().post('/xapi/statements').set(V).set('Authorization', credential.authorization).send(batch).timeout(20_000)));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(replies.flatMap((r) => r.body as string[])).toHaveLength(40);
  }, 60_000);
});
