import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdentityService, TenantService } from '@o2o/core';
import { rawQuery } from '@o2o/persistence';
import { availableDatabases } from '@o2o/testing';
import {
  aggregateOf, aggregateRows, createIngestCredential, ensureTenant, pseudonymousTablesText, TestCredential,
} from './support/ingest.fixtures';
import { AUTH, createTestApp, TestApp } from './support/test-app';

const CONTEXT = 'http://purl.imsglobal.org/ctx/caliper/v1p2';
const SECTION = 'https://canvas.example.edu/courses/42';
const person = (n: number) => ({ id: `https://canvas.example.edu/users/${n}`, type: 'Person', name: `Student ${n}`, email: `student${n}@example.edu` });

function event(overrides: Record<string, unknown> = {}) {
  return {
    '@context': CONTEXT, id: `urn:uuid:${randomUUID()}`, type: 'ViewEvent', action: 'Viewed', actor: person(1),
    object: { id: `${SECTION}/pages/intro`, type: 'Page', isPartOf: { id: SECTION, type: 'CourseSection' } },
    eventTime: '2026-11-20T10:15:00.000Z', ...overrides,
  };
}
const envelope = (data: unknown[]) => ({ sensor: 'https://canvas.example.edu/sensors/1', sendTime: '2026-11-20T11:00:00.000Z', dataVersion: CONTEXT, data });

describe.each(availableDatabases())('Caliper endpoint on %s', (kind) => {
  let t: TestApp;
  let token: TestCredential;
  let tokenB: TestCredential;
  let tenantA: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    tenantA = (await t.app.get(TenantService).resolve('default')).id;
    await ensureTenant(t, 'tenant-b');
    token = await createIngestCredential(t, 'caliper');
    tokenB = await createIngestCredential(t, 'caliper', 'tenant-b');
  });
  afterAll(() => t.close());

  const send = (cred: TestCredential, body: unknown) => t.http().post('/caliper').set('Authorization', cred.authorization).send(body as object);

  it('needs a Caliper bearer token of the tenant', async () => {
    const none = await t.http().post('/caliper').send(envelope([event()]));
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const xapi = await createIngestCredential(t, 'xapi');
    expect((await t.http().post('/caliper').set('Authorization', `Bearer ${xapi.secret}`).send(envelope([event()]))).status).toBe(401);
    expect((await t.http().post('/caliper').set(AUTH).send(envelope([event()]))).status).toBe(401);
  });

  it('normalises the platform events, stores the others raw and counts them; re-sends add nothing', async () => {
    const learner = (await t.app.get(IdentityService).learnerFor(tenantA, 'https://canvas.example.edu', 'https://canvas.example.edu/users/1')).learner;
    const assignable = { id: `${SECTION}/assignments/3`, type: 'Assessment', isPartOf: { id: SECTION, type: 'CourseSection' } };
    const data = [
      event({ type: 'SessionEvent', action: 'LoggedIn', object: { id: 'https://canvas.example.edu', type: 'SoftwareApplication' } }),
      event(),
      event({ type: 'NavigationEvent', action: 'NavigatedTo', eventTime: '2026-11-21T10:00:00.000Z' }),
      event({ type: 'AssessmentEvent', action: 'Submitted', object: assignable,
        generated: { id: `${SECTION}/assignments/3/attempts/1`, type: 'Attempt', assignee: person(1), assignable, duration: 'PT12M' } }),
      event({ type: 'GradeEvent', action: 'Graded', actor: { id: 'https://canvas.example.edu/autograder', type: 'SoftwareApplication' },
        object: { id: `${SECTION}/assignments/3/attempts/1`, type: 'Attempt', assignee: person(1), assignable },
        generated: { id: `${SECTION}/scores/1`, type: 'Score', scoreGiven: 45, maxScore: 50 } }),
      event({ type: 'MediaEvent', action: 'Ended', object: { id: `${SECTION}/videos/1`, type: 'VideoObject', isPartOf: { id: SECTION, type: 'CourseSection' } } }),
      event({ type: 'ForumEvent', action: 'Subscribed', object: { id: `${SECTION}/forums/1`, type: 'Forum' } }),
      event({ type: 'AnnotationEvent', action: 'Highlighted', actor: person(2), object: { id: `${SECTION}/pages/intro`, type: 'Page' } }),
    ];
    const res = await send(token, envelope(data));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      received: 8, events: { stored: 6, duplicates: 0 },
      unsupported: { stored: 2, duplicates: 0, byType: { 'ForumEvent.Subscribed': 1, 'AnnotationEvent.Highlighted': 1 } },
    });
    expect(await aggregateOf(t, learner.id)).toMatchObject({
      eventCount: 6, countsByType: { logged_in: 1, viewed: 1, navigated: 1, submitted: 1, scored: 1, media_completed: 1 },
      scoreMean: 0.9, minutes: 12, activeDays: 2, coursesActive: 1, coursesCompleted: 1,
    });
    const again = await send(token, envelope(data));
    expect(again.body).toEqual({ received: 8, events: { stored: 0, duplicates: 6 }, unsupported: { stored: 0, duplicates: 2, byType: {} } });
    expect((await aggregateOf(t, learner.id)).eventCount).toBe(6);
    const stats = await t.http().get('/api/v1/ingest/stats').set(AUTH);
    expect(stats.body.caliperUnsupported).toEqual({ 'AnnotationEvent.Highlighted': 1, 'ForumEvent.Subscribed': 1 });
    expect(stats.body.events.caliper).toBe(6);
  });

  it('accepts the vendor JSON media type', async () => {
    const res = await t.http().post('/caliper').set('Authorization', token.authorization)
      .set('Content-Type', 'application/vnd.imsglobal.caliper.v1p2+json').send(JSON.stringify(envelope([event()])));
    expect(res.status).toBe(200);
    expect(res.body.events.stored).toBe(1);
    const text = await t.http().post('/caliper').set('Authorization', token.authorization).set('Content-Type', 'text/plain').send('hello');
    expect(text.status).toBe(415);
     const vendor = 'application/vnd.imsglobal.caliper.v1p2+json';
    const broken = await t.http().post('/caliper').set('Authorization', token.authorization).set('Content-Type', vendor).send('{"sensor":');
    expect([broken.status, broken.body.code]).toEqual([400, 'MALFORMED_JSON']);
    const huge = await t.http().post('/caliper').set('Authorization', token.authorization).set('Content-Type', vendor)
      .send(JSON.stringify({ padding: 'x'.repeat(6 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
  });

  it('rejects an envelope with one invalid event entirely, naming the property', async () => {
    const count = async () => Number((await rawQuery<{ n: unknown }>(t.app.get(DataSource).manager, 'SELECT COUNT(*) AS "n" FROM "learning_event"'))[0].n);
    const before = await count();
    const res = await send(token, envelope([event(), event({ eventTime: 'yesterday' }), event({ id: 'not-a-urn' })]));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CALIPER_ENVELOPE_INVALID');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['data[1].eventTime', 'data[2].id']));
    expect(await count()).toBe(before);
    const bad = await send(token, { ...envelope([event()]), sendTime: 'now', extra: 1 });
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['sendTime']));
  });

  it('keeps tenants apart: the same event id sent by tenant B is B\'s own event', async () => {
    const shared = event({ actor: person(9) });
    expect((await send(token, envelope([shared]))).body.events.stored).toBe(1);
    expect((await send(tokenB, envelope([shared]))).body.events.stored).toBe(1);
    const tenantB = (await t.app.get(TenantService).resolve('tenant-b')).id;
    const rows = await rawQuery<{ tenantId: string; learnerTenant: string }>(t.app.get(DataSource).manager,
      'SELECT e."tenantId", l."tenantId" AS "learnerTenant" FROM "learning_event" e JOIN "learner" l ON l."id" = e."learnerId" WHERE e."sourceId" = ?',
      [shared.id]);
    expect(rows.map((r) => [r.tenantId, r.learnerTenant]).sort()).toEqual([[tenantA, tenantA], [tenantB, tenantB]].sort());
  });

  it('keeps names and e-mails out of events, raw events and aggregates', async () => {
    const res = await send(token, envelope([
      event({ actor: person(77) }),
      event({ type: 'ForumEvent', action: 'Subscribed', actor: person(78), object: { id: `${SECTION}/forums/2`, type: 'Forum' },
        extensions: { note: 'reach me at student78@example.edu' } }),
    ]));
    expect(res.status).toBe(200);
    for (const [table, text] of Object.entries(await pseudonymousTablesText(t))) {
      for (const needle of ['Student 77', 'Student 78', 'student77@', 'student78@', '@example.edu', 'users/78']) {
        expect({ table, found: text.includes(needle) ? needle : null }).toEqual({ table, found: null });
      }
    }
  });

  it('keeps aggregates equal to a backfill', async () => {
    const incremental = await aggregateRows(t, tenantA);
    expect(Object.keys(incremental).length).toBeGreaterThan(2);
    expect((await t.http().post('/api/v1/ingest/aggregates/rebuild').set(AUTH)).status).toBe(200);
    expect(await aggregateRows(t, tenantA)).toEqual(incremental);
  });
});
