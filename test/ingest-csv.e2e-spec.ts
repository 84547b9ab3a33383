import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { DomainEvent, DomainEventBus, IdentityService, TenantService } from '@o2o/core';
import { CsvImportService, syntheticEventsCsv } from '@o2o/ingest';
import { rawQuery } from '@o2o/persistence';
import { availableDatabases, createTestDatabase } from '@o2o/testing';
import { aggregateOf, aggregateRows, ensureTenant, pseudonymousTablesText } from './support/ingest.fixtures';
import { AUTH, createTestApp, TEST_ADMIN_TOKEN, TestApp } from './support/test-app';

const ISSUER = 'https://moodle.example.edu';
const EVENTS = [
  'Learner ID,course_id,event_type,occurred_at,value,duration_seconds,score,amount,currency',
  'ann.lee@example.com,py101,viewed,2026-11-01T09:00:00+08:00,lesson-1,600,,,', // line 2
  'ann.lee@example.com,py101,scored,2026-11-02T09:00:00+08:00,quiz-1,,42/50,,',
  'Zhang Wei,py101,purchased,2026-11-01T10:00:00Z,py101,,,199.00,CNY',
  'Zhang Wei,py101,COMPLETED,2026-11-03 10:00:00+08:00,,,,,', // line 5
  'ann.lee@example.com,py101,viewed,not-a-time,lesson-2,,,,', // line 6: bad time
  'u3,py101,teleported,2026-11-01T09:00:00Z,,,,,', // line 7: bad type
  'u3,,viewed,2026-11-01T09:00:00Z,,,,,', // line 8: course required
  '',
  'u3,py101,viewed,2026-11-01T09:00:00Z,"lesson 3, part ""a""",-5,,,', // line 10: negative duration
  'u4,py101,viewed,2026-11-04T09:00:00Z,"lesson 3, part ""a""",,,,', // line 11
  'u4,py101,viewed,2026-11-04T09:00:00Z,"lesson 3, part ""a""",,,,', // line 12: the same event again
].join('\r\n') + '\r\n';
/** 2,000 rows over 37 learners (each in many batches), with durations, scores, purchases and completions. */
const MANY_ROWS = 2000;
function manyRowsCsv(): string[] {
  const types = ['viewed', 'scored', 'completed', 'purchased', 'logged_in', 'passed', 'media_played'];
  const lines = ['learner_id,course_id,event_type,occurred_at,value,duration_seconds,score,amount,currency'];
  for (let i = 0; i < MANY_ROWS; i++) {
    const type = types[i % types.length];
    const course = type === 'logged_in' ? '' : `course-${i % 5}`;
    const time = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 * 7).toISOString();
    const score = type === 'scored' ? `${i % 51}/50` : '';
    const purchase = type === 'purchased' ? `${(i % 90) + 0.5},CNY` : ',';
    lines.push(`learner-${i % 37},${course},${type},${time},lesson-${i % 11},${i % 4 ? (i % 900) + 0.25 : ''},${score},${purchase}`);
  }
  return lines.map((line) => `${line}\n`);
}

const OUTCOMES = [
  'learner_id,course_id,result,rating,occurred_at',
  'ann.lee@example.com,py101,passed,4.5,2026-11-30T00:00:00Z',
  'Zhang Wei,py101,dropped,,2026-11-30T00:00:00Z',
  'u9,py101,maybe,,',
].join('\n');

describe.each(availableDatabases())('CSV history import on %s', (kind) => {
  let t: TestApp;
  let tenantId: string;
  const ingested: DomainEvent[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    tenantId = (await t.app.get(TenantService).resolve('default')).id;
    t.app.get(DomainEventBus).subscribe('LearningEventsIngested', (e) => { ingested.push(e as DomainEvent); });
  });
  afterAll(() => t.close());

  const upload = (path: string, body: string, query: Record<string, string> = { issuer: ISSUER }) =>
    t.http().post(`/api/v1/ingest/csv/${path}`).query(query).set(AUTH).set('Content-Type', 'text/csv').send(body);

  it('imports the valid rows, reports the malformed ones by line and column, and imports nothing twice', async () => {
    const first = await upload('events', EVENTS, { issuer: ISSUER, file: 'moodle.csv' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ file: 'moodle.csv', kind: 'events', rows: 10, imported: 5, duplicates: 1, rejected: 4, learnersCreated: 3 });
    expect(first.body.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [6, 'occurred_at'], [7, 'event_type'], [8, 'course_id'], [10, 'duration_seconds'],
    ]);
    expect(first.body.errors[1].reason).toContain('teleported');
    expect(ingested.at(-1)!.payload).toMatchObject({ tenantId, count: 5 });
    const again = await upload('events', EVENTS);
    expect(again.body).toMatchObject({ imported: 0, duplicates: 6, rejected: 4, learnersCreated: 0 });
    // Re-exported with other formatting and order: still the same events.
    const reformatted = ['occurred_at,event_type,learner_id,course_id,score', '2026-11-02T01:00:00.000Z,Scored,ann.lee@example.com,py101,84%'].join('\n');
    const moved = await upload('events', reformatted.replace('84%', '42/50'));
    expect(moved.body).toMatchObject({ imported: 1 }); // activity differs (no value column): a different event
    expect((await upload('events', reformatted.replace('84%', '42/50'))).body).toMatchObject({ imported: 0, duplicates: 1 });
  });

  it('imports outcomes as result and rating events and keeps aggregates right', async () => {
    const res = await upload('outcomes', OUTCOMES);
    expect(res.body).toMatchObject({ kind: 'outcomes', rows: 3, imported: 2, duplicates: 0, rejected: 1 });
    expect(res.body.errors[0]).toMatchObject({ line: 4, column: 'result' });
    expect((await upload('outcomes', OUTCOMES)).body).toMatchObject({ imported: 0, duplicates: 2 });
    const ann = (await t.app.get(IdentityService).learnerFor(tenantId, ISSUER, 'ann.lee@example.com')).learner;
    expect(await aggregateOf(t, ann.id)).toMatchObject({
      countsByType: { viewed: 1, scored: 2, passed: 1, rated: 1 }, eventCount: 5, minutes: 10, scoreMean: 0.84, ratingMean: 0.875,
      coursesActive: 1, coursesCompleted: 1, completionRate: 1,
    });
    const zhang = (await t.app.get(IdentityService).learnerFor(tenantId, ISSUER, 'Zhang Wei')).learner;
    expect(await aggregateOf(t, zhang.id)).toMatchObject({
      countsByType: { purchased: 1, completed: 1, other: 1 }, coursesBought: 1, purchaseCount: 1, amounts: { CNY: 199 },
      completionRate: 1, firstActivityAt: '2026-11-01T10:00:00.000Z',
    });
  });

  it('refuses a file whose header does not match, and a body that is not CSV', async () => {
    const header = await upload('events', 'learner,course_id,event_type,occurred_at,colour\nx,y,viewed,2026-01-01T00:00:00Z,red\n');
    expect(header.status).toBe(400);
    expect(header.body.code).toBe('CSV_HEADER_INVALID');
    expect(header.body.message).toMatch(/missing required column\(s\): learner_id.*unknown column\(s\): learner, colour/);
    const json = await t.http().post('/api/v1/ingest/csv/events').query({ issuer: ISSUER }).set(AUTH).send({ rows: [] });
    expect(json.status).toBe(415);
    const noIssuer = await t.http().post('/api/v1/ingest/csv/events').set(AUTH).set('Content-Type', 'text/csv').send(EVENTS);
    expect(noIssuer.status).toBe(400);
    expect(noIssuer.body.errors[0].field).toBe('issuer');
    expect((await t.http().post('/api/v1/ingest/csv/events').query({ issuer: ISSUER }).set('Content-Type', 'text/csv').send(EVENTS)).status).toBe(401);
  });

  it('keeps learner ids that are e-mails or names out of every event and aggregate table', async () => {
    for (const [table, text] of Object.entries(await pseudonymousTablesText(t))) {
      for (const needle of ['ann.lee@', 'Zhang Wei', 'example.com']) {
        expect({ table, found: text.includes(needle) ? needle : null }).toEqual({ table, found: null });
      }
    }
  });

  it('keeps tenants apart and aggregates equal to a backfill', async () => {
    await ensureTenant(t, 'tenant-b');
    const b = await upload('events', EVENTS).set('X-Tenant', 'tenant-b');
    expect(b.body).toMatchObject({ imported: 5, learnersCreated: 3 });
    const incremental = await aggregateRows(t, tenantId);
    expect((await t.http().post('/api/v1/ingest/aggregates/rebuild').set(AUTH)).body).toMatchObject({ learners: 3 });
    expect(await aggregateRows(t, tenantId)).toEqual(incremental);
  });

  it('streams 20,000 generated rows through the import service in batches', async () => {
    ingested.length = 0;
    const summary = await t.app.get(CsvImportService).import(tenantId, 'events', syntheticEventsCsv({ rows: 20_000, invalidEvery: 1000 }),
      { issuer: 'https://bench.example.edu', fileKey: 'synthetic.csv', batchSize: 5000 });
    expect(summary).toMatchObject({ rows: 20_000, rejected: 20, imported: 19_980, duplicates: 0, learnersCreated: 19_980 });
    expect(summary.batches).toBe(4); // one transaction per 5,000 rows on both databases

    expect(ingested).toHaveLength(summary.batches);
    const count = await rawQuery<{ n: unknown }>(t.app.get(DataSource).manager,
      'SELECT COUNT(*) AS "n" FROM "learning_event" WHERE "tenantId" = ? AND "activityId" LIKE ?', [tenantId, '%lesson%']);
    expect(Number(count[0].n)).toBeGreaterThanOrEqual(19_980);
  });
  it('survives an import that dies half-way: committed batches stay, the re-run adds the rest once, aggregates equal the rebuild', async () => {
    await ensureTenant(t, 'tenant-c');
    const tenantC = (await t.app.get(TenantService).resolve('tenant-c')).id;
    const lines = manyRowsCsv();
    const imports = t.app.get(CsvImportService);
    const options = { issuer: 'https://many.example.edu', fileKey: 'many.csv', batchSize: 100 };
    // The input fails after 1,250 rows, as a dropped upload or a disk error would.
    const dying = Readable.from((function* () {
      yield* lines.slice(0, 1251);
      throw new Error('the upload was interrupted');
    })());
    await expect(imports.import(tenantC, 'events', dying, options)).rejects.toThrow('interrupted');
    const countEvents = async () => Number((await rawQuery<{ n: unknown }>(t.app.get(DataSource).manager,
      'SELECT COUNT(*) AS "n" FROM "learning_event" WHERE "tenantId" = ?', [tenantC]))[0].n);
    const kept = await countEvents();
    // Whole batches of 100 (never a part of one); rows parsed but not yet committed when the input failed are not.
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(1250);
    expect(kept % 100).toBe(0);
    const countAfter = await countEvents();
    expect(countAfter).toBe(kept); // nothing still being written after the import reported its failure
    const rerun = await imports.import(tenantC, 'events', Readable.from(lines), options);
    expect(rerun).toMatchObject({ rows: MANY_ROWS, imported: MANY_ROWS - kept, duplicates: kept, rejected: 0 });
    expect(await countEvents()).toBe(MANY_ROWS);
    const incremental = await aggregateRows(t, tenantC);
    expect(Object.keys(incremental)).toHaveLength(37);
    expect(Object.values(incremental).reduce((n, row) => n + Number(row.eventCount), 0)).toBe(MANY_ROWS);
    const rebuilt = await t.http().post('/api/v1/ingest/aggregates/rebuild').set(AUTH).set('X-Tenant', 'tenant-c');
    expect(rebuilt.body).toMatchObject({ learners: 37, events: MANY_ROWS });
    expect(await aggregateRows(t, tenantC)).toEqual(incremental);
  });
});

describe('CLI import and rebuild-aggregates', () => {
  const cli = resolve(__dirname, '../dist/apps/cli/src/main.js');
  (existsSync(cli) ? it : it.skip)('imports both files with a summary table and the first errors, then rebuilds the aggregates', async () => {
    const db = await createTestDatabase('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'o2o-csv-'));
    writeFileSync(join(dir, 'events.csv'), EVENTS);
    writeFileSync(join(dir, 'outcomes.csv'), OUTCOMES);
    const env = { PATH: process.env.PATH, DATA_DIR: db.dataDir, ADMIN_API_TOKEN: TEST_ADMIN_TOKEN, IDENTITY_SECRET: 'cli-identity-secret-0123456789abcdef', LOG_LEVEL: 'silent' };
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    try {
      const first = run('import', '--issuer', ISSUER, '--events', join(dir, 'events.csv'), '--outcomes', join(dir, 'outcomes.csv'));
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/events\.csv\s*│\s*events\s*│\s*10\s*│\s*5\s*│\s*1\s*│\s*4/);
      expect(first.stdout).toMatch(/outcomes\.csv\s*│\s*outcomes\s*│\s*3\s*│\s*2\s*│\s*0\s*│\s*1/);
      expect(first.stdout).toContain('teleported');
      const rebuilt = run('rebuild-aggregates');
      expect(rebuilt.status).toBe(0);
      expect(rebuilt.stdout).toMatch(/default\s*│\s*3\s*│/);
    } finally {
      await db.drop();
    }
  });
});
