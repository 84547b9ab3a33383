import { DataSource } from 'typeorm';
import { availableDatabases, LTI_SPEC } from '@o2o/testing';
import { eventually } from './support/eventually';
import { LtiHarness, startLtiHarness } from './support/lti-harness';
import { submit } from './support/lti-page';

const learnerRole = [LTI_SPEC.role.learner];

describe.each(availableDatabases())('roster import (Names and Roles) on %s', (kind) => {
  let h: LtiHarness;
  let db: DataSource;
  const imports = () => db.query('SELECT * FROM "lti_roster_import" ORDER BY "startedAt" ASC, "trigger" ASC');
  const lastImport = async (count: number) => eventually(async () => {
    const rows = await imports();
    expect(rows.filter((r: { status: string }) => r.status === 'done').length).toBeGreaterThanOrEqual(count);
    return rows.filter((r: { status: string }) => r.status === 'done')[count - 1];
  }, { clock: h.t.clock, advanceMs: 100 });

  beforeAll(async () => {
    h = await startLtiHarness(kind, { platform: { pageSize: 2 }, env: { LTI_ROSTER_SYNC_MINUTES: '60' } });
    db = h.t.app.get(DataSource);
    for (const id of ['u-x1', 'u-x2', 'u-x3']) h.platform.registry.upsertMember('course-1', { id, name: `Member ${id}`, roles: learnerRole });
  });
  afterAll(() => h.close());

  it('imports every page when a course is launched for the first time, as pseudonymous learners', async () => {
    const page = await h.platform.launch({ user: { id: 'u-ines' }, context: 'course-1', roles: [LTI_SPEC.role.instructor] });
    expect(page.status).toBe(200);
    const report = await lastImport(1);
    expect(report).toMatchObject({ trigger: 'launch', members: 6, added: 6, removed: 0, pages: 3 });
    const calls = h.platform.calls({ endpoint: 'nrps' }).filter((c) => c.status === 200);
    expect(calls.map((c) => c.query.page ?? '1')).toEqual(['1', '2', '3']);
    const learners = await db.query('SELECT l."pseudonym", i."subject" FROM "learner" l JOIN "learner_identity" i ON i."learnerId" = l."id"');
    expect(learners).toHaveLength(6);
    for (const l of learners) expect(l.pseudonym).toMatch(/^[0-9a-f]{64}$/);
    const next = await eventually(async () => {
      const rows = await db.query(`SELECT "runAt" FROM "job" WHERE "name" = 'lti.nrps.import' AND "state" = 'queued'`);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(new Date(next[0].runAt).getTime() - h.t.clock.now().getTime()).toBeGreaterThan(59 * 60_000);
  });

  it('reports who joined and who left when the instructor imports on demand', async () => {
    const roster = h.platform.registry;
    roster.setRoster('course-1', roster.roster('course-1').filter((m) => m.id !== 'u-x1'));
    roster.setMemberStatus('course-1', 'u-x2', 'Inactive');
    for (const id of ['u-y1', 'u-y2']) roster.upsertMember('course-1', { id, name: `New ${id}`, roles: learnerRole });
    const ines = await h.platform.launch({ user: { id: 'u-ines' }, context: 'course-1', roles: [LTI_SPEC.role.instructor] });
    const queued = await submit(ines.browser, ines, 'roster-import');
    expect(queued.body).toContain('Roster import started');
    const report = await lastImport(2);
    expect(report).toMatchObject({ trigger: 'manual', members: 6, added: 2, removed: 2 });
    const enrolments = await db.query(`SELECT e."status", i."subject" FROM "lti_enrolment" e JOIN "learner_identity" i ON i."learnerId" = e."learnerId"`);
    const status = Object.fromEntries(enrolments.map((e: { subject: string; status: string }) => [e.subject, e.status]));
    expect(status).toMatchObject({ 'u-x1': 'removed', 'u-x2': 'removed', 'u-y1': 'active', 'u-y2': 'active', 'u-ann': 'active' });
    const page = await submit(ines.browser, queued, 'view', { view: 'instructor' });
    expect(page.body).toMatch(/6 members, 2 added, 2 removed/);
  });

  it('imports again on its schedule', async () => {
    h.t.clock.advance(61 * 60_000);
    const report = await lastImport(3);
    expect(report).toMatchObject({ trigger: 'schedule', added: 0, removed: 0 });
  });
});
