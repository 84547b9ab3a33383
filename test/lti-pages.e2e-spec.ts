import { availableDatabases, LTI_SPEC } from '@o2o/testing';
import { createSession } from './support/fixtures';
import { LtiHarness, startLtiHarness } from './support/lti-harness';
import { formsOf, submit } from './support/lti-page';
import { AUTH } from './support/test-app';

describe.each(availableDatabases())('LTI course pages on %s', (kind) => {
  let h: LtiHarness;
  let sessionId: string;
  const launchAs = (user: string, extra: Record<string, unknown> = {}) => h.platform.launch({ user: { id: user }, context: 'course-1', ...extra });

  beforeAll(async () => {
    h = await startLtiHarness(kind);
    // The first launch creates the course; sessions of its topic are then suggested.
    expect((await launchAs('u-ines', { roles: [LTI_SPEC.role.instructor] })).status).toBe(200);
    const courses = await h.t.http().get('/api/v1/courses').set(AUTH);
    const courseId = courses.body.find((c: { title: string }) => c.title === 'Python for data analysis').id;
    sessionId = (await createSession(h.t, { title: 'Numpy bootcamp', topic: 'data-analysis', capacity: 1, waitlistLimit: 5, courseId })).id;
  });
  afterAll(() => h.close());

  it('books a seat, joins the waitlist, cancels and promotes, all inside the LMS frame', async () => {
    const ann = await launchAs('u-ann');
    expect(ann.body).toContain('Numpy bootcamp');
    expect(ann.body).toContain('1 seats left of 1');
    const booked = await submit(ann.browser, ann, 'book', { sessionId });
    expect(booked.status).toBe(200);
    expect(booked.body).toContain('You are booked for Numpy bootcamp.');
    expect(booked.body).toMatch(/id="bookings"[\s\S]*Numpy bootcamp[\s\S]*Booked/);

    const bo = await launchAs('u-bo', { launchPresentation: { locale: 'zh_CN' } });
    expect(bo.body).toContain('已满,候补 0 人');
    const waiting = await submit(bo.browser, bo, 'book', { sessionId });
    expect(waiting.body).toContain('你在 Numpy bootcamp 的候补名单中排第 1 位。');
    expect(waiting.body).toContain('候补第 1 位');

    const cancelled = await submit(ann.browser, booked, 'cancel');
    expect(cancelled.body).toContain('Your booking for Numpy bootcamp is cancelled.');
    const boAgain = await submit(bo.browser, waiting, 'view');
    expect(boAgain.body).toMatch(/data-booking-status="confirmed"/);
  });

  it('shows, from the launch\'s own read, a reason drawn from the learner\'s booking history and their live bookings', async () => {
    // Ann's cancelled booking still counts as history for the catalogue ranker; Bo holds the seat now.
    const ann = await launchAs('u-ann');
    expect(ann.body).toMatch(/id="suggestions"[\s\S]*Numpy bootcamp[\s\S]*you joined data-analysis sessions before/);
    expect(ann.body).not.toContain('id="bookings"');
    const bo = await launchAs('u-bo');
    expect(bo.body).toMatch(/id="bookings"[\s\S]*data-booking-status="confirmed"><h3>Numpy bootcamp/);
    expect(bo.body).not.toMatch(/id="suggestions"[\s\S]*Numpy bootcamp[\s\S]*id="bookings"/);
  });

  it('gives a one-time chat link code', async () => {
    const ann = await launchAs('u-ann');
    const page = await submit(ann.browser, ann, 'link-code');
    expect(page.body).toMatch(/Your code: [A-Z2-9]{8}/);
  });

  it('refuses a forged form for someone else\'s booking and an unknown session token', async () => {
    const bo = await launchAs('u-bo');
    const boBooking = formsOf(bo).find((f) => f.action.endsWith('/cancel'))!;
    const ann = await launchAs('u-ann');
    const annForm = formsOf(ann)[0];
    const forged = await ann.browser.navigate({ method: 'POST', url: boBooking.action, form: { ...boBooking.fields, session: annForm.fields.session } });
    expect(forged[0].status).toBe(403);
    expect(forged[0].body).toContain('does not allow this');
    const expired = await ann.browser.navigate({ method: 'POST', url: boBooking.action, form: { ...boBooking.fields, session: 'x'.repeat(43) } });
    expect(expired[0].status).toBe(401);
    expect(expired[0].body).toContain('session with this tool has ended');
  });

  it('lets the instructor see bookings and waitlists, mark attendance and create a session', async () => {
    const ines = await launchAs('u-ines', { roles: [LTI_SPEC.role.instructor] });
    expect(ines.body).toContain('Sessions of Python for data analysis');
    const bookings = await submit(ines.browser, ines, 'show-session', { sessionId });
    expect(bookings.body).toMatch(/王博[\s\S]*Booked/);
    h.t.clock.set(new Date(Date.parse((await h.t.http().get(`/api/v1/sessions/${sessionId}`).set(AUTH)).body.startsAt)));
    const marked = await submit(ines.browser, bookings, 'attendance', { sessionId }, { status: 'present' });
    expect(marked.body).toContain('Attendance saved');
    expect(marked.body).toMatch(/<option value="present" selected>/);
    h.t.clock.set(new Date('2026-12-04T08:00:00Z'));

    const created = await submit(ines.browser, marked, 'create-session', {}, {
      title: 'SQL clinic', topic: 'data-analysis', format: 'workshop', city: 'Hangzhou', startsAt: '2026-12-20T14:00',
      durationMinutes: '90', timeZone: 'Asia/Shanghai', capacity: '12', waitlistLimit: '4',
    });
    expect(created.body).toContain('Session SQL clinic created.');
    expect(created.body).toMatch(/SQL clinic<\/td><td>[^<]*Dec 20, 2026, 2:00/);
    const bad = await submit(ines.browser, created, 'create-session', {}, { title: 'x', topic: 'y', format: 'lab', city: 'z', startsAt: 'soon',
      durationMinutes: '60', timeZone: 'Asia/Shanghai', capacity: '1', waitlistLimit: '0' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('startsAt');
  });

  it('lets an instructor switch to the learner page but not a learner to the instructor page', async () => {
    const ines = await launchAs('u-ines', { roles: [LTI_SPEC.role.instructor] });
    const asLearner = await submit(ines.browser, ines, 'view', { view: 'learner' });
    expect(asLearner.body).toContain('Suggested for you');
    const ann = await launchAs('u-ann');
    const form = formsOf(ann)[0];
    const sneaky = await ann.browser.navigate({ method: 'POST', url: form.action.replace(/\/app\/.*/, '/app/view'), form: { session: form.fields.session, view: 'instructor' } });
    expect(sneaky[0].body).toContain('Suggested for you');
    expect(sneaky[0].body).not.toContain('Create a session');
  });

  it('resizes the LMS frame and labels every control', async () => {
    const page = await launchAs('u-ines', { roles: [LTI_SPEC.role.instructor] });
    expect(page.body).toContain("subject:'lti.frameResize'");
    for (const id of page.body.matchAll(/<(?:input|select) id="([^"]+)"/g)) expect(page.body).toContain(`for="${id[1]}"`);
  });
});

describe('LTI admin pages', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness('sqlite');
  });
  afterAll(() => h.close());

  it('shows an LMS administrator the registrations and the URLs with copy buttons', async () => {
    const admin = await h.platform.launch({ user: { id: 'u-admin' }, context: 'course-1', roles: [LTI_SPEC.role.institutionAdministrator, LTI_SPEC.role.instructor] });
    expect(admin.status).toBe(200);
    expect(admin.body).toContain('LTI registrations');
    expect(admin.body).toContain(`value="${h.toolUrl}/lti/login"`);
    expect(admin.body).toContain(`data-copy="${h.toolUrl}/lti/keys"`);
    expect(admin.body).toContain('aria-label="Copy Public keyset URL (JWKS)"');
    expect(admin.body).not.toContain('op" value="activate"');
  });

  it('lets the o2o-bridge admin sign in with the token and activate a pending registration', async () => {
    const signIn = await h.t.http().get('/lti/admin');
    expect(signIn.status).toBe(200);
    expect(signIn.text).toContain('<label for="token">');
    const bad = await h.t.http().post('/lti/admin').type('form').send({ token: 'wrong-token-0123456789', tenant: 'default' });
    expect(bad.status).toBe(401);
    const pending = await h.t.http().post('/api/v1/lti/platforms').set(AUTH).send({
      issuer: 'https://moodle.other.example', clientId: 'c-2', name: 'Other Moodle', authLoginUrl: 'https://moodle.other.example/mod/lti/auth.php',
      authTokenUrl: 'https://moodle.other.example/mod/lti/token.php', jwksUrl: 'https://moodle.other.example/mod/lti/certs.php', deploymentIds: ['7'],
    });
    expect(pending.body.active).toBe(false);
    const page = await h.t.http().post('/lti/admin').type('form').send({ token: 'test-admin-token-0123456789', tenant: 'default' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Other Moodle');
    expect(page.text).toContain('Waiting for activation');
    const activated = await h.t.http().post('/lti/admin').type('form')
      .send({ token: 'test-admin-token-0123456789', tenant: 'default', op: 'activate', id: pending.body.id });
    expect(activated.text).toContain('Other Moodle is active.');
    expect((await h.t.http().get(`/api/v1/lti/platforms/${pending.body.id}`).set(AUTH)).body.active).toBe(true);
  });
});
