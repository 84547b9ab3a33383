import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JobQueue, PermanentJobError } from '@o2o/jobs';
import { TransactionRunner } from '@o2o/persistence';
import { availableDatabases, redisAvailable, REDIS_TEST_URL } from '@o2o/testing';
import { createTestApp, TestApp } from './support/test-app';

const waitFor = async (check: () => Promise<boolean> | boolean, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

const drivers = [
  ...availableDatabases().map((db) => ({ name: `database queue on ${db}`, db, env: {} as Record<string, string> })),
  ...(redisAvailable() ? [{ name: 'BullMQ on Redis (PostgreSQL-free, SQLite store)', db: 'sqlite' as const, env: { REDIS_URL: REDIS_TEST_URL } }] : []),
];

describe.each(drivers)('jobs: $name', ({ db, env }) => {
  let t: TestApp;
  let jobs: JobQueue;
  const prefix = `t${Date.now()}`;
  beforeAll(async () => {
    t = await createTestApp(db, { JOBS_BACKOFF_BASE_MS: '20', JOBS_DEFAULT_ATTEMPTS: '3', ...env });
    jobs = t.app.get(JobQueue);
  });
  afterAll(() => t.close());

  // The test clock is frozen; move it on so backoff delays elapse (the BullMQ driver uses Redis time for delays).
  const settled = (id: string) => waitFor(async () => {
    t.clock.advance(1000);
    return ['completed', 'dead'].includes((await jobs.get(id))?.state ?? '');
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    let calls = 0;
    jobs.register(`${prefix}.flaky`, async () => {
      calls++;
      if (calls < 3) throw new Error(`boom ${calls}`);
      return { calls };
    });
    const { id } = await jobs.enqueue(`${prefix}.flaky`, {});
    await settled(id);
    const job = await jobs.get(id);
    expect(job).toMatchObject({ state: 'completed', attempts: 3, result: { calls: 3 } });
  });

  it('dead-letters a job after its attempts, and at once on a permanent error, with the reason', async () => {
    jobs.register(`${prefix}.broken`, async () => { throw new Error('always broken'); });
    jobs.register(`${prefix}.rejected`, async () => { throw new PermanentJobError('HTTP 403 from the LMS'); });
    const broken = await jobs.enqueue(`${prefix}.broken`, {}, { attempts: 2 });
    const rejected = await jobs.enqueue(`${prefix}.rejected`, {}, { attempts: 5 });
    await settled(broken.id);
    await settled(rejected.id);
    expect(await jobs.get(broken.id)).toMatchObject({ state: 'dead', attempts: 2, lastError: 'always broken' });
    expect(await jobs.get(rejected.id)).toMatchObject({ state: 'dead', attempts: 1, lastError: 'HTTP 403 from the LMS' });
  });

  it('runs a job once per idempotency key', async () => {
    let runs = 0;
    jobs.register(`${prefix}.once`, async () => { runs++; });
    const [a, b] = await Promise.all([
      jobs.enqueue(`${prefix}.once`, { n: 1 }, { idempotencyKey: `${prefix}:key-1` }),
      jobs.enqueue(`${prefix}.once`, { n: 1 }, { idempotencyKey: `${prefix}:key-1` }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.deduplicated, b.deduplicated].sort()).toEqual([false, true]);
    await settled(a.id);
    const c = await jobs.enqueue(`${prefix}.once`, {}, { idempotencyKey: `${prefix}:key-1` });
    expect(c).toEqual({ id: a.id, deduplicated: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toBe(1);
  });

  it('enqueues inside a transaction: the job exists only if the transaction commits (outbox)', async () => {
    const ran: string[] = [];
    jobs.register(`${prefix}.outbox`, async (p: { tag: string }) => { ran.push(p.tag); });
    const tx = t.app.get(TransactionRunner);
    const committed = await tx.run((m) => jobs.enqueue(`${prefix}.outbox`, { tag: 'kept' }, { manager: m, idempotencyKey: `${prefix}:outbox-kept` }));
    await expect(tx.run(async (m) => {
      await jobs.enqueue(`${prefix}.outbox`, { tag: 'rolled-back' }, { manager: m, idempotencyKey: `${prefix}:outbox-lost` });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    await settled(committed.id);
    await new Promise((r) => setTimeout(r, 300));
    expect(ran).toEqual(['kept']);
    expect(await jobs.get(committed.id)).toMatchObject({ state: 'completed' });
  });

  it('reports progress', async () => {
    jobs.register(`${prefix}.progress`, async (_p, ctx) => { await ctx.reportProgress(50, 'half'); return 'done'; });
    const { id } = await jobs.enqueue(`${prefix}.progress`, {});
    await settled(id);
    expect(await jobs.get(id)).toMatchObject({ state: 'completed', progress: 100, result: 'done' });
  });
});

describe('jobs: a job running when its process is killed runs again after restart and completes once', () => {
  // Built by `npm test` (it runs `npm run build` first): a real second process needs compiled JavaScript.
  const worker = resolve(__dirname, '../dist/test/fixtures/crashable-job.worker.js');

  it.each(availableDatabases())('on %s', async (db) => {
    const t = await createTestApp(db, { JOBS_RUN_IN_HOST: 'false' });
    const children: ChildProcess[] = [];
    try {
      const log = join(t.db.dataDir, 'crash.log');
      const env = JSON.stringify({
        DATA_DIR: t.db.dataDir, ...t.db.env, ADMIN_API_TOKEN: 'test-admin-token-0123456789',
        IDENTITY_SECRET: 'test-identity-secret-0123456789abcdef', JOBS_LEASE_SECONDS: '2', JOBS_POLL_INTERVAL_MS: '100',
        LOG_LEVEL: 'silent',
      });
      const lines = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
      const jobs = t.app.get(JobQueue);
      const { id } = await jobs.enqueue('test.crashable', { n: 1 });

      const first = spawn(process.execPath, [worker, env, log, 'hang'], { stdio: 'ignore' });
      children.push(first);
      await waitFor(() => lines().includes('started 1')).catch((e) => { throw new Error(`${e.message}: ${lines().join(' | ')}`); });
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      expect((await jobs.get(id))?.state).toBe('running');

      const second = spawn(process.execPath, [worker, env, log, 'complete'], { stdio: 'ignore' });
      children.push(second);
      await waitFor(async () => (await jobs.get(id))?.state === 'completed')
        .catch(async (e) => { throw new Error(`${e.message}: ${lines().join(' | ')} ${JSON.stringify(await jobs.get(id))}`); });
      await new Promise((r) => setTimeout(r, 500));
      expect(lines().filter((l) => l.startsWith('started'))).toEqual(['started 1', 'started 2']);
      expect(lines().filter((l) => l.startsWith('completed'))).toEqual([`completed ${id}`]);
      expect(await jobs.get(id)).toMatchObject({ state: 'completed', attempts: 2, result: { ok: true } });
    } finally {
      for (const c of children) c.kill('SIGKILL');
      await t.close();
    }
  });
});

describe('jobs: several worker processes share one database queue', () => {
  const worker = resolve(__dirname, '../dist/test/fixtures/crashable-job.worker.js');

  it.each(availableDatabases())('each of 40 jobs completes exactly once with two workers on %s', async (db) => {
    const t = await createTestApp(db, { JOBS_RUN_IN_HOST: 'false' });
    const children: ChildProcess[] = [];
    try {
      const log = join(t.db.dataDir, 'shared.log');
      const env = JSON.stringify({
        DATA_DIR: t.db.dataDir, ...t.db.env, ADMIN_API_TOKEN: 'test-admin-token-0123456789',
        IDENTITY_SECRET: 'test-identity-secret-0123456789abcdef', JOBS_POLL_INTERVAL_MS: '20', LOG_LEVEL: 'silent',
      });
      const jobs = t.app.get(JobQueue);
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) ids.push((await jobs.enqueue('test.crashable', { i })).id);
      for (let w = 0; w < 2; w++) children.push(spawn(process.execPath, [worker, env, log, 'complete'], { stdio: 'ignore' }));
      await waitFor(async () => {
        const done = await Promise.all(ids.map((id) => jobs.get(id)));
        return done.every((j) => j?.state === 'completed');
      }, 60_000);
      const completed = readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('completed')).map((l) => l.slice(10));
      expect(completed.sort()).toEqual([...ids].sort());
    } finally {
      for (const c of children) c.kill('SIGKILL');
      await t.close();
    }
  });
});
