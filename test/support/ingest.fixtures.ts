import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TenantService } from '@o2o/core';
import { rawQuery } from '@o2o/persistence';
import { AUTH, TestApp } from './test-app';

export interface TestCredential {
  id: string;
  key: string;
  secret: string;
  authorization: string;
}

/** Issues an ingest credential through the admin API for a tenant (slug). */
export async function createIngestCredential(t: TestApp, kind: 'xapi' | 'caliper', tenant = 'default'): Promise<TestCredential> {
  const res = await t.http().post('/api/v1/ingest/credentials').set(AUTH).set('X-Tenant', tenant).send({ kind, label: `${kind} test` });
  if (res.status !== 201) throw new Error(`credential: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function ensureTenant(t: TestApp, slug: string) {
  return t.app.get(TenantService).ensure(slug, `Tenant ${slug}`);
}

/** A valid xAPI statement about a quiz in py101, by an e-mail identified learner unless `actor` is given. */
export function xapiStatement(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', name: 'Ann Lee', mbox: 'mailto:ann.lee@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/scored', display: { en: 'scored' } },
    object: { objectType: 'Activity', id: 'https://moodle.example.edu/mod/quiz/view.php?id=7',
      definition: { name: { en: 'Quiz 1' }, type: 'http://adlnet.gov/expapi/activities/assessment' } },
    result: { score: { scaled: 0.8, raw: 8, min: 0, max: 10 }, duration: 'PT5M' },
    context: { contextActivities: { grouping: [{ id: 'https://moodle.example.edu/course/view.php?id=101',
      definition: { type: 'http://id.tincanapi.com/activitytype/lms/course' } }] } },
    timestamp: '2026-11-30T09:00:00+08:00',
    ...overrides,
  };
}

/** Every row of the tables that must never hold identifying data, as one text per table. */
export async function pseudonymousTablesText(t: TestApp): Promise<Record<string, string>> {
  const ds = t.app.get(DataSource);
  const out: Record<string, string> = {};
  for (const table of ['learning_event', 'xapi_statement', 'caliper_raw_event', 'learner_aggregate', 'learner', 'domain_event']) {
    out[table] = JSON.stringify(await rawQuery(ds.manager, `SELECT * FROM "${table}"`));
  }
  return out;
}

/** The tenant's aggregate rows without the bookkeeping column, keyed by learner id. */
export async function aggregateRows(t: TestApp, tenantId: string): Promise<Record<string, Record<string, unknown>>> {
  const ds = t.app.get(DataSource);
  const rows = await rawQuery<Record<string, unknown>>(ds.manager, 'SELECT * FROM "learner_aggregate" WHERE "tenantId" = ? ORDER BY "learnerId"', [tenantId]);
  return Object.fromEntries(rows.map(({ updatedAt: _u, ...row }) => [row.learnerId as string, row]));
}

export async function aggregateOf(t: TestApp, learnerId: string, tenant = 'default') {
  const res = await t.http().get(`/api/v1/ingest/learners/${learnerId}/aggregate`).set(AUTH).set('X-Tenant', tenant);
  return res.body;
}
