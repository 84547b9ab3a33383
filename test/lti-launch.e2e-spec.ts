import { DataSource } from 'typeorm';
import { LtiCleanupJob } from '@o2o/lti';
import { availableDatabases, LTI_SPEC } from '@o2o/testing';
import { createSession } from './support/fixtures';
import { LtiHarness, startLtiHarness } from './support/lti-harness';
import { AUTH } from './support/test-app';

describe.each(availableDatabases())('LTI launch over real HTTP on %s', (kind) => {
  let h: LtiHarness;

  beforeAll(async () => {
    h = await startLtiHarness(kind);
  });
  afterAll(() => h.close());

  it('lists the registration with the URLs to paste into the LMS', async () => {
    const res = await h.t.http().get('/api/v1/lti/platforms').set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({
      issuer: h.platform.issuer, clientId: 'o2o-bridge', deploymentIds: ['1'], active: true,
      tool: { loginUrl: `${h.toolUrl}/lti/login`, launchUrl: `${h.toolUrl}/lti/launch`, jwksUrl: `${h.toolUrl}/lti/keys` },
    });
  });

  it('serves the tool key set', async () => {
    const res = await h.t.http().get('/lti/keys');
    expect(res.status).toBe(200);
    expect(res.body.keys).toEqual([expect.objectContaining({ kid: h.registrationId, kty: 'RSA', alg: 'RS256', use: 'sig' })]);
  });

  it('launches a learner into the learner page', async () => {
    const result = await h.platform.launch({ user: { id: 'u-ann' }, context: 'course-1' });
    expect(result.login.failure).toBeUndefined();
    expect(result.status).toBe(200);
    expect(result.body).toContain('Offline sessions for Python for data analysis');
    expect(result.headers['content-security-policy']).toContain('frame-ancestors');
  });

  it('shows suggested sessions of the course topic', async () => {
    await createSession(h.t, { title: 'pandas lab', topic: 'data-analysis' });
    const result = await h.platform.launch({ user: { id: 'u-ann' }, context: 'course-1' });
    expect(result.status).toBe(200);
    expect(result.body).toContain('pandas lab');
  });

  it('speaks Chinese to a zh_CN launch', async () => {
    const result = await h.platform.launch({ user: { id: 'u-bo' }, context: 'course-1', launchPresentation: { locale: 'zh_CN' } });
    expect(result.status).toBe(200);
    expect(result.body).toContain('的线下活动');
    expect(result.body).toContain('lang="zh-CN"');
  });

  it('accepts a GET login initiation (generic LTI platforms)', async () => {
    const result = await h.platform.launch({ user: { id: 'u-ann' }, context: 'course-1', loginMethod: 'GET' });
    expect(result.login.hops[0].method).toBe('GET');
    expect(result.status).toBe(200);
  });

  it('forgets expired ltijs records and course-page sessions (hourly cleanup job)', async () => {
    const db = h.t.app.get(DataSource);
    const count = async (table: string) => Number((await db.query(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);
    const [records, sessions] = [await count('lti_store_record'), await count('lti_session')];
    expect(records).toBeGreaterThan(0);
    expect(sessions).toBeGreaterThan(0);
    await h.t.app.get(LtiCleanupJob).run(new Date(Date.now() + 25 * 3_600_000));
    expect([await count('lti_store_record'), await count('lti_session')]).toEqual([0, 0]);
    const jobs = await db.query(`SELECT COUNT(*) AS n FROM "job" WHERE "name" = 'lti.cleanup' AND "state" = 'queued'`);
    expect(Number(jobs[0].n)).toBe(1);
  });
});
