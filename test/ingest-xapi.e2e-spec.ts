import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainEvent, DomainEventBus, IdentityService, TenantService } from '@o2o/core';
import { rawQuery } from '@o2o/persistence';
import { availableDatabases } from '@o2o/testing';
import {
  aggregateOf, aggregateRows, createIngestCredential, ensureTenant, pseudonymousTablesText, TestCredential, xapiStatement,
} from './support/ingest.fixtures';
import { AUTH, createTestApp, TestApp } from './support/test-app';

const V = { 'X-Experience-API-Version': '1.0.3' };

describe.each(availableDatabases())('xAPI LRS subset on %s', (kind) => {
  let t: TestApp;
  let a: TestCredential;
  let b: TestCredential;
  let tenantA: string;
  const ingested: DomainEvent[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    tenantA = (await t.app.get(TenantService).resolve('default')).id;
    await ensureTenant(t, 'tenant-b');
    a = await createIngestCredential(t, 'xapi');
    b = await createIngestCredential(t, 'xapi', 'tenant-b');
    t.app.get(DomainEventBus).subscribe('LearningEventsIngested', (e) => { ingested.push(e as DomainEvent); });
  });
  afterAll(() => t.close());

  const post = (cred: TestCredential, body: unknown) => t.http().post('/xapi/statements').set(V).set('Authorization', cred.authorization).send(body as object);
  const get = (cred: TestCredential, query: Record<string, string>) => t.http().get('/xapi/statements').query(query).set(V).set('Authorization', cred.authorization);
  const count = async (table: string) => Number((await rawQuery<{ n: unknown }>(t.app.get(DataSource).manager, `SELECT COUNT(*) AS "n" FROM "${table}"`))[0].n);

  it('serves /xapi/about without credentials and echoes the version on every response', async () => {
    const about = await t.http().get('/xapi/about');
    expect(about.status).toBe(200);
    expect(about.body.version).toContain('1.0.3');
    expect(about.headers['x-experience-api-version']).toBe('1.0.3');
    const missing = await t.http().post('/xapi/statements').set('Authorization', a.authorization).send(xapiStatement());
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('X-Experience-API-Version');
    expect(missing.headers['x-experience-api-version']).toBe('1.0.3');
    const old = await post(a, xapiStatement()).set('X-Experience-API-Version', '0.95');
    expect(old.status).toBe(400);
    expect(old.body.code).toBe('XAPI_VERSION_UNSUPPORTED');
  });

  it('needs the tenant\'s Basic credentials; revoked or wrong ones get 401 with a Basic challenge', async () => {
    const none = await t.http().post('/xapi/statements').set(V).send(xapiStatement());
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Basic/);
    const wrong = await t.http().post('/xapi/statements').set(V).auth(a.key, 'not-the-secret').send(xapiStatement());
    expect(wrong.status).toBe(401);
    const admin = await t.http().post('/xapi/statements').set(V).set(AUTH).send(xapiStatement());
    expect(admin.status).toBe(401);
    const spare = await createIngestCredential(t, 'xapi');
    expect((await post(spare, xapiStatement())).status).toBe(200);
    const revoked = await t.http().post(`/api/v1/ingest/credentials/${spare.id}/revoke`).set(AUTH);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBeTruthy();
    const list = await t.http().get('/api/v1/ingest/credentials').set(AUTH);
    expect(list.body.find((c: { id: string }) => c.id === spare.id)).not.toHaveProperty('secret');
    const after = await post(spare, xapiStatement());
    expect(after.status).toBe(401);
    expect(after.body.message).toContain('Basic');
  });

  it('stores one statement, serves it pseudonymised, and treats a re-post as a no-op and a different one as 409', async () => {
    const statement = xapiStatement();
    const res = await post(a, statement);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([statement.id]);
    const again = await t.http().put('/xapi/statements').query({ statementId: statement.id }).set(V).set('Authorization', a.authorization)
      .send({ ...statement, timestamp: '2026-11-30T01:00:00Z' }); // the same instant, written differently
    expect(again.status).toBe(204);
    const changed = await post(a, { ...statement, result: { score: { scaled: 0.1 } } });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('XAPI_STATEMENT_CONFLICT');
    const stored = await get(a, { statementId: statement.id });
    expect(stored.status).toBe(200);
    expect(stored.headers['x-experience-api-consistent-through']).toBeTruthy();
    expect(stored.body).toMatchObject({ id: statement.id, verb: statement.verb, object: statement.object, version: '1.0.0' });
    expect(stored.body.actor).toEqual({ objectType: 'Agent', account: { homePage: `${t.config.publicUrl}/pseudonyms`, name: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(stored.body.authority.account.name).toBe(a.key);
    expect(JSON.stringify(stored.body)).not.toMatch(/Ann Lee|ann\.lee@/);
    expect((await get(a, { statementId: randomUUID() })).status).toBe(404);
  });

  it('generates ids, and PUT needs a statementId that matches the body', async () => {
    const { id: _drop, ...withoutId } = xapiStatement();
    const res = await post(a, [withoutId, withoutId]);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    expect(res.body[0]).not.toBe(res.body[1]);
    const put = (q: Record<string, string>, body: object) => t.http().put('/xapi/statements').query(q).set(V).set('Authorization', a.authorization).send(body);
    expect((await put({}, withoutId)).body.errors[0].field).toBe('statementId');
    const mismatch = await put({ statementId: randomUUID() }, xapiStatement());
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.code).toBe('XAPI_STATEMENT_ID_MISMATCH');
    const id = randomUUID();
    expect((await put({ statementId: id }, withoutId)).status).toBe(204);
    expect((await get(a, { statementId: id })).status).toBe(200);
  });

  it('rejects a whole batch with 400 naming each bad property when one statement is invalid', async () => {
    const before = { statements: await count('xapi_statement'), events: await count('learning_event'), learners: await count('learner') };
    const good = xapiStatement({ actor: { mbox: 'mailto:new.person@example.com' } });
    const batch = [
      good,
      xapiStatement({ actor: { name: 'Nobody' } }),
      xapiStatement({ verb: { id: 'scored' } }),
      xapiStatement({ timestamp: '2026-13-45T00:00:00Z' }),
      xapiStatement({ result: { score: { scaled: 1.5 } } }),
    ];
    const res = await post(a, batch);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('XAPI_STATEMENTS_INVALID');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['statements[1].actor', 'statements[2].verb.id', 'statements[3].timestamp', 'statements[4].result.score.scaled']));
    expect(fields.some((f: string) => f.startsWith('statements[0]'))).toBe(false);
    const zh = await post(a, batch).set('Accept-Language', 'zh-CN');
    expect(zh.body.message).toContain('均未保存');
    expect((await get(a, { statementId: good.id })).status).toBe(404);
    expect({ statements: await count('xapi_statement'), events: await count('learning_event'), learners: await count('learner') }).toEqual(before);
    // A batch whose only problem is a conflicting id stores nothing either.
    const known = xapiStatement();
    await post(a, known);
    const fresh = xapiStatement();
    const conflict = await post(a, [fresh, { ...known, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } }]);
    expect(conflict.status).toBe(409);
    expect((await get(a, { statementId: fresh.id })).status).toBe(404);
  });

  it('keeps tenants apart: tenant A\'s credentials neither read nor overwrite tenant B\'s statements', async () => {
    const ofB = xapiStatement({ actor: { mbox: 'mailto:b.learner@example.org' } });
    expect((await post(b, ofB)).status).toBe(200);
    expect((await get(a, { statementId: ofB.id })).status).toBe(404);
    expect((await get(a, { statementId: ofB.id }).set('X-Tenant', 'tenant-b')).status).toBe(404);
    // The same id under A is A's own statement (no 409 across tenants); B's copy stays as it was.
    const sameIdInA = { ...ofB, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } };
    expect((await post(a, sameIdInA)).status).toBe(200);
    expect((await get(b, { statementId: ofB.id })).body.verb).toEqual(ofB.verb);
    expect((await get(a, { statementId: ofB.id })).body.verb).toEqual(sameIdInA.verb);
    const ds = t.app.get(DataSource);
    const learners = await rawQuery<{ tenantId: string }>(ds.manager,
      'SELECT DISTINCT l."tenantId" FROM "learning_event" e JOIN "learner" l ON l."id" = e."learnerId" WHERE e."tenantId" <> l."tenantId"');
    expect(learners).toEqual([]);
  });

  it('is one learner whether the platform identity arrives by LTI or as an xAPI account', async () => {
    const lti = await t.app.get(IdentityService).learnerFor(tenantA, 'https://moodle.example.edu', 'lti-sub-77');
    ingested.length = 0;
    const res = await post(a, xapiStatement({ actor: { account: { homePage: 'https://moodle.example.edu/', name: 'lti-sub-77' } } }));
    expect(res.status).toBe(200);
    const aggregate = await aggregateOf(t, lti.learner.id);
    expect(aggregate).toMatchObject({ eventCount: 1, countsByType: { scored: 1 }, scoreMean: 0.8, minutes: 5, coursesActive: 1 });
    expect(ingested).toHaveLength(1);
    expect(ingested[0].payload).toEqual({ tenantId: tenantA, count: 1, learnerIds: [lti.learner.id] });
  });

  it('voiding retracts the event: the statement moves to voidedStatementId and the aggregate is recomputed', async () => {
    const learner = (await t.app.get(IdentityService).learnerFor(tenantA, 'https://moodle.example.edu', 'voider')).learner;
    const actor = { account: { homePage: 'https://moodle.example.edu', name: 'voider' } };
    const first = xapiStatement({ actor, timestamp: '2026-11-01T10:00:00Z' });
    const second = xapiStatement({ actor, timestamp: '2026-11-02T10:00:00Z', result: { score: { scaled: 0.4 } } });
    await post(a, [first, second]);
    expect(await aggregateOf(t, learner.id)).toMatchObject({ eventCount: 2, currentStreak: 2, scoreMean: 0.6 });
    const voiding = { actor: { mbox: 'mailto:teacher@example.com' }, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
      object: { objectType: 'StatementRef', id: second.id } };
    expect((await post(a, voiding)).status).toBe(200);
    expect((await get(a, { statementId: second.id })).status).toBe(404);
    expect((await get(a, { voidedStatementId: second.id })).status).toBe(200);
    expect(await aggregateOf(t, learner.id)).toMatchObject({ eventCount: 1, currentStreak: 1, scoreMean: 0.8 });
  });

  it('keeps e-mails and names out of every event, statement and aggregate table', async () => {
    const people = [
      { name: 'Zhang Wei 张伟', mbox: 'mailto:zhang.wei@school.example.cn' },
      { name: 'Maria Garcia', mbox: 'mailto:Maria.Garcia@Example.org' },
    ];
    const batch = people.map((actor) => xapiStatement({
      actor, context: { instructor: { name: 'Prof Li Na', mbox: 'mailto:li.na@school.example.cn' } },
      result: { response: 'mail me at zhang.wei@school.example.cn', completion: true },
    }));
    expect((await post(a, batch)).status).toBe(200);
    const tables = await pseudonymousTablesText(t);
    for (const [table, text] of Object.entries(tables)) {
      for (const needle of ['zhang.wei@', 'maria.garcia@', 'Maria.Garcia@', 'li.na@', 'Zhang Wei', '张伟', 'Maria Garcia', 'Prof Li Na', 'ann.lee@', 'Ann Lee']) {
        expect({ table, found: text.includes(needle) ? needle : null }).toEqual({ table, found: null });
      }
    }
    const identities = await rawQuery<{ subject: string }>(t.app.get(DataSource).manager, 'SELECT "subject" FROM "learner_identity" WHERE "issuer" = ?', ['mailto']);
    expect(identities.map((r) => r.subject)).toEqual(expect.arrayContaining(['zhang.wei@school.example.cn', 'maria.garcia@example.org']));
  });

  it('keeps aggregates equal to a backfill from the stored events, also under concurrent posts', async () => {
    const actors = Array.from({ length: 6 }, (_, i) => ({ account: { homePage: 'https://moodle.example.edu', name: `conc-${i}` } }));
    const bodies = Array.from({ length: 12 }, (_, r) => Array.from({ length: 10 }, (_, i) => xapiStatement({
      actor: actors[(r + i) % actors.length], timestamp: new Date(Date.UTC(2026, 10, 1 + ((r * 3 + i) % 9), 8)).toISOString(),
      verb: { id: i % 3 ? 'http://adlnet.gov/expapi/verbs/completed' : 'http://adlnet.gov/expapi/verbs/scored' },
    })));
    const responses = await Promise.all(bodies.map((body) => post(a, body)));
    expect(responses.map((r) => r.status)).toEqual(bodies.map(() => 200));
    const incremental = await aggregateRows(t, tenantA);
    const rebuilt = await t.http().post('/api/v1/ingest/aggregates/rebuild').set(AUTH);
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body.learners).toBe(Object.keys(incremental).length);
    expect(await aggregateRows(t, tenantA)).toEqual(incremental);
    const stats = await t.http().get('/api/v1/ingest/stats').set(AUTH);
    expect(stats.body.events.xapi).toBeGreaterThan(120);
    expect(stats.body.voidedEvents).toBe(1);
  });
});
