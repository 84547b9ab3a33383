import { DataSource } from 'typeorm';
import { availableDatabases, KNOWN_BAD_LAUNCHES, LtiBrowser, LTI_SPEC, VALID_LAUNCH_VARIATIONS } from '@o2o/testing';
import { eventually } from './support/eventually';
import { launchTableCounts, LtiHarness, startLtiHarness } from './support/lti-harness';
import { AUTH } from './support/test-app';

describe.each(availableDatabases())('LTI launch security on %s', (kind) => {
  let h: LtiHarness;
  let user = 0;
  const counts = () => launchTableCounts(h);
  const freshUser = () => ({ id: `sec-user-${++user}`, name: `Sec User ${user}` });

  beforeAll(async () => {
    h = await startLtiHarness(kind);
    const first = await h.platform.launch({ user: { id: 'u-ann' }, context: 'course-1' });
    expect(first.status).toBe(200);
    // The first launch of a course imports its roster in the background; let it finish before counting rows.
    await eventually(async () => {
      const [{ n }] = await h.t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM "lti_roster_import" WHERE "status" = 'done'`);
      expect(Number(n)).toBe(1);
    });
  });
  afterAll(() => h.close());

  it.each(KNOWN_BAD_LAUNCHES.map((c) => [c.id, c] as const))('rejects %s with the error page and stores nothing', async (_id, launchCase) => {
    const before = await counts();
    const result = await h.platform.launch({ case: launchCase, user: freshUser(), context: 'course-1', followRedirects: false });
    expect(result.login.failure).toBeUndefined();
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expect(result.headers['content-type']).toMatch(/^text\/html/);
    expect(result.body).toMatch(/Support reference: [0-9a-f]{10}/);
    expect(result.body).not.toMatch(/"status"|at \w+ \(|Error:/);
    const after = await counts();
    if (launchCase.mutation.flow?.requiresPriorLaunch) {
      // The valid launch the case replays from is the only thing written.
      expect(after).toEqual({ ...before, lti_session: before.lti_session + 1, lti_store_record: before.lti_store_record + 3,
        learner: before.learner + 1, learner_identity: before.learner_identity + 1 });
    } else {
      expect(after).toEqual(before);
    }
  });

  it.each(VALID_LAUNCH_VARIATIONS.map((c) => [c.id, c] as const))('accepts %s', async (_id, launchCase) => {
    const result = await h.platform.launch({ case: launchCase, user: freshUser(), context: 'course-1' });
    expect(result.status).toBe(200);
    expect(result.body).toMatch(/Offline sessions|Sessions of|LTI registrations/);
  });

  it('shows the refusal in Chinese for a zh launch', async () => {
    const bad = KNOWN_BAD_LAUNCHES.find((c) => c.id === 'unknown-deployment-id')!;
    const result = await h.platform.launch({ case: bad, user: freshUser(), launchPresentation: { locale: 'zh_CN' }, followRedirects: false });
    expect(result.status).toBe(401);
    expect(result.body).toContain('lang="zh-CN"');
    expect(result.body).toContain('该工具部署尚未注册');
    expect(result.body).toMatch(/支持参考编号:[0-9a-f]{10}/);
  });

  it('refuses a form body over 1 MiB with the error page and reads the next request on the same server normally', async () => {
    const big = await h.t.http().post('/lti/launch').type('form').send(`id_token=${'a'.repeat(1024 * 1024 + 16)}&state=x`);
    expect(big.status).toBe(400);
    expect(big.text).toContain('<!DOCTYPE html>');
    expect(big.text).toMatch(/[0-9a-f]{10}/);
    const small = await h.t.http().post('/lti/launch').type('form').send('error=access_denied&error_description=no');
    expect(small.status).toBe(401);
    expect(small.text).toContain('<!DOCTYPE html>');
  });

  it('uses the nonce once, even when the same form_post arrives twice at once', async () => {
    const browser = new LtiBrowser();
    const login = await h.platform.initiateLogin(browser, { user: freshUser(), context: 'course-1' });
    const form = login.formPost!;
    const cookie = browser.cookies(form.action).map((c) => `${c.name}=${c.value}`).join('; ');
    const post = () => fetch(form.action, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form.fields), redirect: 'manual' });
    const before = await counts();
    const answers = await Promise.all([post(), post()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
    expect((await answers.find((a) => a.status === 401)!.text())).toContain('This launch was already used');
    const again = await post();
    expect(again.status).toBe(401);
    expect((await counts()).lti_session).toBe(before.lti_session + 1);
  });

  it('issues a CSPRNG state and a nonce bound to the login', async () => {
    const result = await h.platform.launch({ user: freshUser(), context: 'course-1' });
    const auth = result.login.authRecord!;
    expect(auth.request.state).toMatch(/^[0-9a-f]{50}$/);
    const [random, issuedAt, , mac] = auth.request.nonce.split('.');
    expect(Buffer.from(random, 'base64url')).toHaveLength(16);
    expect(parseInt(issuedAt, 36)).toBeGreaterThan(Date.now() - 60_000);
    expect(mac).toMatch(/^[\w-]{43}$/);
  });

  it('fetches the platform key set once, not per launch', async () => {
    const before = h.platform.calls({ endpoint: 'jwks' }).length;
    for (let i = 0; i < 3; i += 1) expect((await h.platform.launch({ user: freshUser(), context: 'course-1' })).status).toBe(200);
    expect(h.platform.calls({ endpoint: 'jwks' }).length).toBe(before);
  });

  it('sees a rotated platform key without a restart', async () => {
    await h.platform.keys.rotate();
    expect((await h.platform.launch({ user: freshUser(), context: 'course-1' })).status).toBe(200);
  });

  it('sets the state cookie SameSite=None; Secure (cross-site iframe)', async () => {
    const result = await h.platform.launch({ user: freshUser(), context: 'course-1' });
    const loginCookies = result.login.hops[0].setCookies;
    expect(loginCookies.find((c) => c.startsWith('state'))).toMatch(/SameSite=None/i);
    expect(loginCookies.find((c) => c.startsWith('state'))).toMatch(/Secure/i);
    expect(result.blockedCookies).toEqual([]);
  });

  it('limits CORS and frame-ancestors to registered LMS origins', async () => {
    const lms = new URL(h.platform.issuer).origin;
    const ok = await h.t.http().options('/lti/login').set('Origin', lms).set('Access-Control-Request-Method', 'POST');
    expect(ok.headers['access-control-allow-origin']).toBe(lms);
    const evil = await h.t.http().options('/lti/login').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const page = await h.platform.launch({ user: freshUser(), context: 'course-1' });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`frame-ancestors 'self' ${lms}`);
    expect(csp).not.toMatch(/frame-ancestors[^;]*\*/);
  });

  it('refuses logins for an inactive registration and an unknown issuer with a page', async () => {
    await h.t.http().post(`/api/v1/lti/platforms/${h.registrationId}/deactivate`).set(AUTH).expect(200);
    const inactive = await h.platform.launch({ user: freshUser(), context: 'course-1' });
    expect(inactive.status).toBe(403);
    expect(inactive.body).toContain('not activated yet');
    await h.t.http().post(`/api/v1/lti/platforms/${h.registrationId}/activate`).set(AUTH).expect(200);
    const unknown = await h.t.http().get('/lti/login').query({ iss: 'https://nobody.example', login_hint: 'x', target_link_uri: `${h.toolUrl}/lti/launch` });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('not registered with o2o-bridge');
  });

  it('answers a direct visit of the launch URL with a page, not JSON', async () => {
    const res = await h.t.http().get('/lti/launch').set('Accept-Language', 'zh-CN');
    expect(res.status).toBe(400);
    expect(res.text).toContain('请从学习平台中的课程打开本工具');
  });
});
