import { availableDatabases, LTI_SPEC } from '@o2o/testing';
import { LtiHarness, startLtiHarness } from './support/lti-harness';
import { formsOf, submit } from './support/lti-page';
import { AUTH } from './support/test-app';

/** Draft service plans (libs/planner, POST /api/v1/plans) on the LTI instructor page, read through core's PlanProposals port. */
describe.each(availableDatabases())('LTI instructor page plan proposals on %s', (kind) => {
  let h: LtiHarness;
  let courseId: string;
  let otherCourseId: string;
  const launchAs = (user: string, roles: string[], extra: Record<string, unknown> = {}) =>
    h.platform.launch({ user: { id: user }, context: 'course-1', roles, ...extra });

  beforeAll(async () => {
    h = await startLtiHarness(kind);
    // Launches create the course and three learners the plan can invite.
    expect((await launchAs('u-ines', [LTI_SPEC.role.instructor])).status).toBe(200);
    expect((await launchAs('u-ann', [LTI_SPEC.role.learner])).status).toBe(200);
    expect((await launchAs('u-bo', [LTI_SPEC.role.learner])).status).toBe(200);
    const courses = await h.t.http().get('/api/v1/courses').set(AUTH);
    courseId = courses.body.find((c: { title: string }) => c.title === 'Python for data analysis').id;
    const other = await h.t.http().post('/api/v1/courses').set(AUTH).send({ externalId: 'mkt-1', title: 'Marketing basics', topic: 'marketing' });
    expect(other.status).toBe(201);
    otherCourseId = other.body.id;
  });
  afterAll(() => h.close());

  it('shows an instructor none, then a draft plan\'s sessions for the course, and lets an administrator approve it', async () => {
    const before = await launchAs('u-ines', [LTI_SPEC.role.instructor]);
    expect(before.body).toContain('No plan proposals for this course.');

    const plan = await h.t.http().post('/api/v1/plans').set(AUTH).send({
      period: { start: '2026-12-10T00:00:00+08:00', end: '2026-12-20T00:00:00+08:00' },
      candidates: [
        { id: 'pandas-sh', title: 'Pandas lab', topic: 'data-analysis', courseId, city: 'Shanghai', capacity: 8, cost: 100, instructor: 'Li Wei',
          startsAt: '2026-12-12T14:00:00+08:00', endsAt: '2026-12-12T16:00:00+08:00', timeZone: 'Asia/Shanghai', required: true },
        { id: 'ads-hz', title: 'Ads workshop', topic: 'marketing', courseId: otherCourseId, city: 'Hangzhou', capacity: 8, cost: 100,
          instructor: 'Zhao Min', startsAt: '2026-12-13T10:00:00+08:00', endsAt: '2026-12-13T12:00:00+08:00', timeZone: 'Asia/Shanghai', required: true },
      ],
      budget: 500, minAttendance: 1, timeLimitSeconds: 20,
    });
    expect(plan.status).toBe(201);
    expect(plan.body.status).toBe('draft');
    const proposed = plan.body.sessions.find((s: { candidateId: string }) => s.candidateId === 'pandas-sh');
    expect(proposed.invitationCount).toBeGreaterThan(0);

    const ines = await launchAs('u-ines', [LTI_SPEC.role.instructor]);
    expect(ines.status).toBe(200);
    const section = /<section aria-labelledby="h-plans">[\s\S]*?<\/section>/.exec(ines.body)![0];
    expect(section).toContain(`data-plan="${plan.body.id}"`);
    expect(section).toContain('<td>Pandas lab</td><td>data-analysis</td><td>Shanghai</td><td>Dec 12, 2026, 2:00');
    expect(section).toContain(`${proposed.expectedAttendance.toFixed(1)} of 8 seats (${proposed.invitationCount} invited)`);
    expect(section).not.toContain('Ads workshop'); // the other course's session of the same plan
    expect(section).toContain('An administrator can approve this plan.');
    expect(formsOf(ines).some((f) => f.action.endsWith('/lti/app/approve-plan'))).toBe(false);

    // An instructor forging the approval form is refused and nothing is created.
    const forged = await ines.browser.navigate({ method: 'POST', url: `${h.toolUrl}/lti/app/approve-plan`,
      form: { ...formsOf(ines)[0].fields, view: 'instructor', planId: plan.body.id } });
    expect(forged[0].status).toBe(403);
    expect((await h.t.http().get(`/api/v1/plans/${plan.body.id}`).set(AUTH)).body.status).toBe('draft');

    const zh = await launchAs('u-ines', [LTI_SPEC.role.instructor], { launchPresentation: { locale: 'zh_CN' } });
    expect(zh.body).toContain('方案建议');
    expect(zh.body).toContain(`8 个名额中预计 ${proposed.expectedAttendance.toFixed(1)} 人`);
    expect(zh.body).toContain('此方案需由管理员批准。');

    const admin = await launchAs('u-admin', [LTI_SPEC.role.institutionAdministrator, LTI_SPEC.role.instructor]);
    const asInstructor = await submit(admin.browser, admin, 'view', { view: 'instructor' });
    expect(asInstructor.body).toContain('Approving opens all 2 sessions of this plan');
    const approved = await submit(admin.browser, asInstructor, 'approve-plan', { planId: plan.body.id });
    expect(approved.status).toBe(200);
    expect(approved.body).toContain('Plan approved: 2 sessions created, invitations on their way.');
    expect(approved.body).toMatch(/<td>Pandas lab<\/td><td>[^<]*Dec 12, 2026/); // now one of the course's sessions
    expect(approved.body).toContain('No plan proposals for this course.');
    const stored = (await h.t.http().get(`/api/v1/plans/${plan.body.id}`).set(AUTH)).body;
    expect(stored.status).toBe('approved');
    expect(stored.sessions.every((s: { sessionId: string | null }) => s.sessionId)).toBe(true);

    // The same form again (double click, back button): the plan is no longer a proposal, nothing more is created.
    const again = await submit(admin.browser, asInstructor, 'approve-plan', { planId: plan.body.id });
    expect(again.status).toBe(403);
    const sessions = (await h.t.http().get(`/api/v1/sessions?courseId=${courseId}`).set(AUTH)).body;
    expect(sessions.filter((s: { title: string }) => s.title === 'Pandas lab')).toHaveLength(1);
  });
});
