import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TenantService } from '@o2o/core';
import {
  CsvImportService, ImportAggregateFold, ImportRunFinalizer, ImportRunLedger, LearnerIndexDeferral, syntheticEventsCsv,
} from '@o2o/ingest';
import { rawQuery } from '@o2o/persistence';
import { availableDatabases, createTestDatabase, DatabaseKind, TestDatabase } from '@o2o/testing';
import { aggregateRows } from './support/ingest.fixtures';
import { AUTH, createTestApp, TEST_ADMIN_TOKEN } from './support/test-app';

const CLI = resolve(__dirname, '../dist/apps/cli/src/main.js');
const ISSUER = 'https://crash.example.edu';
const ROWS = 60_000;
const IDENTITY_SECRET = 'test-identity-secret-0123456789abcdef';

/** A second connection that reads what the importing process has committed so far. */
async function reader(db: TestDatabase): Promise<{ count(sql: string): Promise<number>; close(): Promise<void> }> {
  if (db.kind === 'sqlite') {
    const file = join(db.dataDir, 'o2o-bridge.sqlite');
    let sqlite: Database.Database | undefined;
    return {
      count: async (sql) => {
        if (!sqlite && !existsSync(file)) return 0;
        sqlite ??= new Database(file, { readonly: true, fileMustExist: true });
        try {
          return Number((sqlite.prepare(sql).get() as { n: number }).n);
        } catch {
          return 0; // the importing process has not created the table yet
        }
      },
      close: async () => { sqlite?.close(); },
    };
  }
  const client = new Client({ connectionString: db.env.DATABASE_URL });
  await client.connect();
  return {
    count: async (sql) => Number((await client.query(sql).catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n),
    close: () => client.end(),
  };
}

describe.each(availableDatabases())('a CSV import killed half-way on %s', (kind: DatabaseKind) => {
  it('is finished at the next boot: committed events stay, the learner index is back, aggregates equal the rebuild, a re-run adds the rest once', async () => {
    // The process killed here is the built CLI: `npm test` builds before it runs the suites.
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
    const db = await createTestDatabase(kind);
    const file = join(mkdtempSync(join(tmpdir(), 'o2o-crash-')), 'history.csv');
    await pipeline(syntheticEventsCsv({ rows: ROWS }), createWriteStream(file));
    const events = await reader(db);
    const env = { PATH: process.env.PATH, DATA_DIR: db.dataDir, ADMIN_API_TOKEN: TEST_ADMIN_TOKEN, IDENTITY_SECRET, LOG_LEVEL: 'silent', ...db.env };
    const child = spawn(process.execPath, [CLI, 'import', '--issuer', ISSUER, '--events', file, '--batch-size', '10000'], { env, stdio: 'ignore' });
    const exited = new Promise((done) => child.on('exit', done));
    try {
      // SIGKILL as soon as the first transactions are committed: no finally block, no shutdown hook runs.
      let committed = 0;
      while (committed === 0) {
        await new Promise((r) => setTimeout(r, 20));
        committed = await events.count('SELECT COUNT(*) AS n FROM learning_event');
      }
      child.kill('SIGKILL');
      await exited;
      const kept = await events.count('SELECT COUNT(*) AS n FROM learning_event');
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(ROWS);
      expect(await events.count(`SELECT COUNT(*) AS n FROM ingest_import_run WHERE status = 'running'`)).toBe(1);
      // What the dead import deferred: its learners' aggregates (and on SQLite the learner index it dropped).
      expect(await events.count('SELECT COUNT(*) AS n FROM learner_aggregate')).toBe(0);
      if (kind === 'sqlite') {
        expect(await events.count(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'IDX_learning_event_tenantId_learnerId_occurredAt'`)).toBe(0);
      }
      await events.close();

      const t = await createTestApp(kind, { IDENTITY_SECRET }, { db });
      try {
        const m = t.app.get(DataSource).manager;
        const one = async (sql: string) => Number((await rawQuery<{ n: unknown }>(m, sql))[0].n);
        expect(await one(`SELECT COUNT(*) AS n FROM ingest_import_run WHERE status = 'recovered'`)).toBe(1);
        if (kind === 'sqlite') {
          expect(await one(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'IDX_learning_event_tenantId_learnerId_occurredAt'`)).toBe(1);
        }
        const tenantId = (await t.app.get(TenantService).resolve('default')).id;
        const recovered = await aggregateRows(t, tenantId);
        expect(Object.values(recovered).reduce((n, row) => n + Number(row.eventCount), 0)).toBe(kept);
        const rebuilt = await t.http().post('/api/v1/ingest/aggregates/rebuild').set(AUTH);
        expect(rebuilt.body).toMatchObject({ events: kept });
        expect(await aggregateRows(t, tenantId)).toEqual(recovered);

        const rerun = await t.app.get(CsvImportService).import(tenantId, 'events', createReadStream(file), { issuer: ISSUER, fileKey: 'history.csv' });
        expect(rerun).toMatchObject({ rows: ROWS, imported: ROWS - kept, duplicates: kept, rejected: 0 });
        const complete = await aggregateRows(t, tenantId);
        expect(Object.values(complete).reduce((n, row) => n + Number(row.eventCount), 0)).toBe(ROWS);
        await t.http().post('/api/v1/ingest/aggregates/rebuild').set(AUTH).expect(200);
        expect(await aggregateRows(t, tenantId)).toEqual(complete);
        expect(await one(`SELECT COUNT(*) AS n FROM ingest_import_run WHERE status = 'running'`)).toBe(0);
      } finally {
        await t.close();
      }
    } finally {
      child.kill('SIGKILL');
      await db.drop();
    }
  }, 120_000);
});

describe('the learner index during CSV imports on sqlite', () => {
  it('is dropped for an import large against the table and built again at its end, and kept for a small one', async () => {
    const t = await createTestApp('sqlite');
    try {
      const m = t.app.get(DataSource).manager;
      const tenantId = (await t.app.get(TenantService).resolve('default')).id;
      const imports = t.app.get(CsvImportService);
      const lastRun = async () => (await rawQuery<{ learnerIndexDeferred: unknown; status: string }>(m,
        'SELECT "learnerIndexDeferred", "status" FROM "ingest_import_run" ORDER BY "startedAt" DESC, "rowid" DESC LIMIT 1'))[0];
      const indexes = async () => Number((await rawQuery<{ n: unknown }>(m,
        `SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'IDX_learning_event_tenantId_learnerId_occurredAt'`))[0].n);

      await imports.import(tenantId, 'events', syntheticEventsCsv({ rows: 12_000 }), { issuer: ISSUER, fileKey: 'big.csv', batchSize: 4000 });
      expect(await lastRun()).toMatchObject({ learnerIndexDeferred: 1, status: 'done' });
      expect(await indexes()).toBe(1);

      const small = ['learner_id,course_id,event_type,occurred_at', 'late-1,py101,viewed,2026-11-01T09:00:00Z', 'late-2,py101,viewed,2026-11-01T09:00:00Z'];
      const summary = await imports.import(tenantId, 'events', Readable.from([small.join('\n') + '\n']), { issuer: ISSUER, fileKey: 'small.csv' });
      expect(summary).toMatchObject({ imported: 2 });
      expect(await lastRun()).toMatchObject({ learnerIndexDeferred: 0, status: 'done' });
      expect(await indexes()).toBe(1);
      // The index serves the per-learner reads again (not a scan of the table).
      const plan = await rawQuery<{ detail: string }>(m,
        'EXPLAIN QUERY PLAN SELECT * FROM "learning_event" WHERE "tenantId" = ? AND "learnerId" = ?', [tenantId, 'x']);
      expect(plan.map((p) => p.detail).join(' ')).toContain('IDX_learning_event_tenantId_learnerId_occurredAt');
    } finally {
      await t.close();
    }
  });

  it('is built once, by the last of two overlapping imports to finish, and aggregates equal the rebuild', async () => {
    const t = await createTestApp('sqlite');
    try {
      const m = t.app.get(DataSource).manager;
      const tenantId = (await t.app.get(TenantService).resolve('default')).id;
      const imports = t.app.get(CsvImportService);
      const restore = jest.spyOn(t.app.get(LearnerIndexDeferral), 'restore');
      const file = (prefix: string) => Readable.from([['learner_id,course_id,event_type,occurred_at',
        ...Array.from({ length: 3000 }, (_, i) => `${prefix}-${i % 300},py101,viewed,${new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString()}`)].join('\n') + '\n']);
      // Small transactions, so the two imports' transactions take turns in SQLite's write queue.
      const both = await Promise.all(['a', 'b'].map((p) => imports.import(tenantId, 'events', file(p), { issuer: ISSUER, fileKey: `${p}.csv`, batchSize: 500 })));
      expect(both.map((s) => s.imported)).toEqual([3000, 3000]);
      const runs = await rawQuery<{ learnerIndexDeferred: unknown; status: string }>(m, 'SELECT "learnerIndexDeferred", "status" FROM "ingest_import_run"');
      expect(runs).toEqual([{ learnerIndexDeferred: 1, status: 'done' }, { learnerIndexDeferred: 1, status: 'done' }]);
      // The first to finish left the index to the one still writing; only the last built it.
      expect(restore).toHaveBeenCalledTimes(1);
      await expect(restore.mock.results[0].value).resolves.toBe(true);
      expect(Number((await rawQuery<{ n: unknown }>(m,
        `SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'IDX_learning_event_tenantId_learnerId_occurredAt'`))[0].n)).toBe(1);
      const imported = await aggregateRows(t, tenantId);
      await t.http().post('/api/v1/ingest/aggregates/rebuild').set(AUTH).expect(200);
      expect(await aggregateRows(t, tenantId)).toEqual(imported);
    } finally {
      await t.close();
    }
  });

  it('is built when two runs that dropped it end at the same moment (neither leaves it to the other)', async () => {
    const t = await createTestApp('sqlite');
    try {
      const m = t.app.get(DataSource).manager;
      const tenantId = (await t.app.get(TenantService).resolve('default')).id;
      const ledger = t.app.get(ImportRunLedger);
      const index = t.app.get(LearnerIndexDeferral);
      const now = new Date();
      const runs = [await ledger.start(tenantId, 'events', 'a.csv', now), await ledger.start(tenantId, 'events', 'b.csv', now)];
      await m.transaction(async (tm) => {
        await index.drop(tm);
        for (const run of runs) await ledger.markLearnerIndexDeferred(tm, run);
      });
      expect(await index.exists()).toBe(false);
      // Both finish concurrently: each once saw the other still running. Only the later close may decide.
      const finalizer = t.app.get(ImportRunFinalizer);
      await Promise.all(runs.map((run) => finalizer.finish(run, 'done', new ImportAggregateFold('UTC'))));
      expect(await index.exists()).toBe(true);
      expect(await rawQuery(m, 'SELECT "status" FROM "ingest_import_run"')).toEqual([{ status: 'done' }, { status: 'done' }]);
    } finally {
      await t.close();
    }
  });
});
