import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { TenantService } from '@o2o/core';
import { CsvImportService, syntheticEventsCsv } from '@o2o/ingest';
import { availableDatabases } from '@o2o/testing';
import { CsvSourceIdTimeKey1733300000410 } from '../libs/ingest/src/migrations/1733300000410-csv-source-id-time-key.migration';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Files imported before CSV ids gained their time key must still import nothing twice: the migration rewrites each
 * stored `csv:<sha256>` to exactly the id today's parser derives for the same row.
 */
describe.each(availableDatabases())('CSV ids across the time-key upgrade on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(() => t.close());

  const csvIds = async (): Promise<string[]> => (await t.app.get(DataSource).query(
    `SELECT "sourceId" FROM "learning_event" WHERE "source" = 'csv' ORDER BY "id"`)).map((r: { sourceId: string }) => r.sourceId);

  it('rewrites ids of the old shape to the parser\'s ids, and a re-import after the upgrade stores nothing', async () => {
    const tenantId = (await t.app.get(TenantService).resolve('default')).id;
    const imports = t.app.get(CsvImportService);
    const options = { issuer: 'https://upgrade.example.edu', fileKey: 'history.csv' };
    // Whole seconds from the generator, and milliseconds and an offset from a hand-written file.
    const precise = () => Readable.from(['learner_id,course_id,event_type,occurred_at,value,duration_seconds,score,amount,currency\n',
      'ms-1,py101,viewed,2026-03-01T08:15:30.123Z,,,,,\n', 'ms-2,py101,viewed,2026-03-01 16:15:30.999+08:00,,,,,\n',
      'ms-3,py101,viewed,2026-03-01T08:15:31.007Z,,,,,\n']);
    const first = await imports.import(tenantId, 'events', syntheticEventsCsv({ rows: 600 }), options);
    const second = await imports.import(tenantId, 'events', precise(), { ...options, fileKey: 'precise.csv' });
    expect(second).toMatchObject({ imported: 3, rejected: 0 });
    const current = await csvIds();
    expect(current).toHaveLength(first.imported + 3);
    expect(current.every((id) => /^csv:[0-9a-f]{12}:[0-9a-f]{64}$/.test(id))).toBe(true);

    // Back to the ids a database from before the change holds, then the upgrade as `npm start` runs it.
    const migration = new CsvSourceIdTimeKey1733300000410();
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      await migration.down(runner);
      const old = await csvIds();
      expect(old.every((id) => /^csv:[0-9a-f]{64}$/.test(id))).toBe(true);
      expect(old).toEqual(current.map((id) => `csv:${id.slice(17)}`));
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await csvIds()).toEqual(current);

    const again = await imports.import(tenantId, 'events', syntheticEventsCsv({ rows: 600 }), options);
    expect(again).toMatchObject({ imported: 0, duplicates: first.imported });
    expect(await imports.import(tenantId, 'events', precise(), { ...options, fileKey: 'precise.csv' }))
      .toMatchObject({ imported: 0, duplicates: 3 });
  });
});
