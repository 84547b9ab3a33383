import { availableDatabases, LTI_SPEC } from '@o2o/testing';
import { createSession } from './support/fixtures';
import { LtiHarness, startLtiHarness } from './support/lti-harness';
import { submit } from './support/lti-page';
import { AUTH } from './support/test-app';

describe.each(availableDatabases())('deep linking round trip on %s', (kind) => {
  let h: LtiHarness;
  let sessionId: string;
  const instructor = { user: { id: 'u-ines' }, context: 'course-1', roles: [LTI_SPEC.role.instructor] };

  beforeAll(async () => {
    h = await startLtiHarness(kind);
    expect((await h.platform.launch(instructor)).status).toBe(200);
    const courseId = (await h.t.http().get('/api/v1/courses').set(AUTH)).body[0].id;
    sessionId = (await createSession(h.t, { title: 'Docker workshop', topic: 'data-analysis', courseId })).id;
  });
  afterAll(() => h.close());

  it('adds one session with an attendance column; the LMS accepts the ltiResourceLink and its launch opens that session', async () => {
    const dl = await h.platform.launch({ ...instructor, messageType: 'LtiDeepLinkingRequest', deepLinking: { data: 'opaque-42', accept_lineitem: true } });
    expect(dl.status).toBe(200);
    expect(dl.body).toContain('Add offline sessions to this course');
    expect(dl.body).toContain('One session: Docker workshop');
    const back = await submit(dl.browser, dl, 'deep-link', {}, { choice: `session:${sessionId}`, lineItem: 'on' });
    expect(back.status).toBe(200);
    expect(String(back.headers['content-security-policy'])).toContain(`form-action 'self' ${new URL(h.platform.baseUrl).origin}`);
    const returned = await dl.browser.submitForm(back);
    expect(returned.at(-1)!.status).toBe(200);
    const record = h.platform.deepLinkingReturns.at(-1)!;
    expect(record.rejected).toEqual([]);
    expect(record.accepted).toEqual([expect.objectContaining({
      type: 'ltiResourceLink', title: 'Docker workshop', url: `${h.toolUrl}/lti/launch`,
      custom: { o2o_view: 'session', o2o_session_id: sessionId },
      lineItem: expect.objectContaining({ scoreMaximum: 1, resourceId: `o2o-session:${sessionId}`, tag: 'o2o-attendance' }),
    })]);
    expect(record.claims?.['https://purl.imsglobal.org/spec/lti-dl/claim/data']).toBe('opaque-42');

    const item = h.platform.ags.addLineItem('course-1', { label: 'Docker workshop', scoreMaximum: 1, resourceLinkId: 'rl-docker', resourceId: `o2o-session:${sessionId}` });
    const learner = await h.platform.launch({ user: { id: 'u-ann' }, context: 'course-1', resourceLink: { id: 'rl-docker' }, custom: { o2o_view: 'session', o2o_session_id: sessionId } });
    expect(learner.status).toBe(200);
    expect(learner.body).toMatch(/This activity[\s\S]*Docker workshop[\s\S]*Suggested for you/);
    expect(learner.claims?.['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint']).toMatchObject({ lineitem: expect.stringContaining(`/lineitems/${item.id}`) });
  });

  it('adds the suggestion view', async () => {
    const dl = await h.platform.launch({ ...instructor, messageType: 'LtiDeepLinkingRequest' });
    const back = await submit(dl.browser, dl, 'deep-link', {}, { choice: 'suggestions' });
    await dl.browser.submitForm(back);
    expect(h.platform.deepLinkingReturns.at(-1)!.accepted).toEqual([
      expect.objectContaining({ type: 'ltiResourceLink', title: 'Offline sessions', custom: { o2o_view: 'suggestions' } }),
    ]);
  });

  it('refuses deep linking to a learner with a page', async () => {
    const dl = await h.platform.launch({ user: { id: 'u-bo' }, context: 'course-1', messageType: 'LtiDeepLinkingRequest' });
    expect(dl.status).toBe(403);
    expect(dl.body).toContain('只有教师可以向课程添加内容');
  });
});
