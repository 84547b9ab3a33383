import request from 'supertest';
import { FakeLtiPlatform } from './fake-lti-platform';
import { KNOWN_BAD_LAUNCHES } from './known-bad-launches.catalogue';
import { VALID_LAUNCH_VARIATIONS } from './valid-launch-variations.catalogue';
import { LtiBrowser } from './lti-browser.client';
import { autoSubmitForm } from './auto-submit-form.util';
import { LTI_SPEC } from './lti-spec.constants';
import { StrictLtiToolFixture } from './strict-lti-tool.fixture';

const EXPECTED_REASON: Record<string, RegExp> = {
  'no-kid': /no kid/,
  'unknown-kid': /no applicable key/,
  'wrong-signature': /signature verification failed/,
  hs256: /"alg"/,
  expired: /"exp"/,
  'iat-too-old': /"iat".*too far in the past/,
  'iat-in-future': /"iat".*should be in the past/,
  'wrong-iss': /"iss"/,
  'wrong-aud': /"aud"/,
  'aud-array-missing-azp': /azp/,
  'aud-array-wrong-azp': /azp/,
  'missing-deployment-id': /deployment_id/,
  'unknown-deployment-id': /deployment_id/,
  'missing-message-type': /message_type/,
  'wrong-message-type': /message_type/,
  'missing-version': /version/,
  'wrong-version': /version/,
  'missing-roles': /roles/,
  'missing-resource-link-id': /resource_link/,
  'missing-sub': /"sub"/,
  'missing-nonce': /"nonce"/,
  'nonce-replayed': /nonce replayed/,
  'nonce-not-issued': /nonce not the one issued/,
  'no-state-cookie': /no state cookie/,
  'state-mismatch': /no state cookie/,
  'target-link-uri-mismatch': /target_link_uri/,
};

describe('launch driver against a strict tool', () => {
  let platform: FakeLtiPlatform;
  let tool: StrictLtiToolFixture;

  beforeAll(async () => {
    platform = await FakeLtiPlatform.start({ flavour: 'moodle' });
    tool = await StrictLtiToolFixture.start();
    const registered = platform.registerTool({ ...tool.registration(), clientId: 'strict-tool', deploymentIds: ['dep-1'] });
    tool.config = platform.toolConfig(registered.clientId);
  });
  afterAll(async () => {
    await tool.stop();
    await platform.stop();
  });

  it('runs login -> /auth -> form_post and the tool accepts the id_token', async () => {
    const result = await platform.launch({ roles: [LTI_SPEC.role.instructor] });
    expect(result.status).toBe(200);
    expect(result.body).toBe('launched user-learner-1');
    expect(result.login.authRecord?.requestedNonce).toBe(result.claims?.nonce);
    expect(result.login.formPost?.action).toBe(`${tool.baseUrl}/launch`);
    expect(result.claims?.[LTI_SPEC.claim.roles]).toEqual([LTI_SPEC.role.instructor]);
    expect(result.blockedCookies).toEqual([]);
    // Moodle sends the login initiation as an auto-submitted POST form.
    expect(result.hops[0].method).toBe('POST');
  });

  it('launches an enrolled member by id with the roster data and roles, and enrols new users', async () => {
    platform.registry.addContext({ id: 'course-9' }, [{ id: 'u9', roles: [LTI_SPEC.role.mentor], name: 'Mia Mentor', email: 'mia@example.edu' }]);
    const result = await platform.launch({ context: 'course-9', user: { id: 'u9' } });
    expect(result.claims).toMatchObject({ sub: 'u9', name: 'Mia Mentor', email: 'mia@example.edu', [LTI_SPEC.claim.roles]: [LTI_SPEC.role.mentor] });
    await platform.launch({ context: 'course-9', user: { id: 'new-1', name: 'New' }, roles: [LTI_SPEC.role.learner] });
    expect(platform.registry.member('course-9', 'new-1')?.roles).toEqual([LTI_SPEC.role.learner]);
  });

  it('only listens on 127.0.0.1', () => {
    expect(platform.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(KNOWN_BAD_LAUNCHES.map((c) => [c.id, c] as const))('known bad launch %s is rejected by a strict tool', async (_id, launchCase) => {
    const result = await platform.launch({ case: launchCase });
    expect(result.status).toBe(401);
    // The tool must refuse for the reason the case is about, not by accident.
    expect(tool.rejected.at(-1)).toMatch(EXPECTED_REASON[launchCase.id]);
  });

  it.each(VALID_LAUNCH_VARIATIONS.map((c) => [c.id, c] as const))('valid variation %s is accepted', async (_id, launchCase) => {
    const result = await platform.launch({ case: launchCase });
    expect(result.status).toBe(200);
  });

  it('the auth endpoint refuses an unregistered redirect_uri with an error page, not a redirect', async () => {
    const prepared = platform.prepareLaunch();
    const auth = new URL(platform.authEndpoint);
    const q = { scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none', client_id: 'strict-tool', redirect_uri: 'https://evil.example.com/cb', login_hint: prepared.user.id, lti_message_hint: prepared.id, state: 's', nonce: 'n' };
    for (const [k, v] of Object.entries(q)) auth.searchParams.set(k, v);
    const res = await fetch(auth);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('evil.example.com/cb');
  });

  it.each([
    ['response_mode', 'query', 'invalid_request'],
    ['prompt', 'login', 'invalid_request'],
    ['scope', 'profile', 'invalid_scope'],
    ['response_type', 'code', 'unsupported_response_type'],
    ['nonce', '', 'invalid_request'],
    ['login_hint', 'someone-else', 'login_required'],
  ])('the auth endpoint answers an OIDC error form_post when %s=%s', async (param, value, error) => {
    const prepared = platform.prepareLaunch();
    const auth = new URL(platform.authEndpoint);
    const q: Record<string, string> = { scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none', client_id: 'strict-tool', redirect_uri: `${tool.baseUrl}/launch`, login_hint: prepared.user.id, lti_message_hint: prepared.id, state: 's1', nonce: 'n1' };
    q[param] = value;
    for (const [k, v] of Object.entries(q)) auth.searchParams.set(k, v);
    const form = autoSubmitForm.parse(await (await fetch(auth)).text());
    expect(form?.action).toBe(`${tool.baseUrl}/launch`);
    expect(form?.fields).toMatchObject({ error, state: 's1' });
    expect(form?.fields.id_token).toBeUndefined();
  });

  it('a message hint is single-use', async () => {
    const browser = new LtiBrowser();
    const prepared = platform.prepareLaunch();
    const first = await platform.initiateLogin(browser, prepared);
    expect(first.formPost?.fields.id_token).toBeDefined();
    const second = await platform.initiateLogin(browser, prepared);
    expect(second.formPost?.fields.error).toBe('invalid_request');
  });

  it('a state cookie without SameSite=None is dropped inside an LMS iframe, so the launch fails', async () => {
    tool.stateCookieAttributes = 'Path=/; HttpOnly; SameSite=Lax';
    try {
      const result = await platform.launch();
      expect(result.status).toBe(401);
      expect(result.blockedCookies[0].reason).toMatch(/cross-site iframe/);
      // The same tool works when opened in a new window: the login GET/POST sets a Lax cookie, but the
      // cross-site form_post does not carry it back either.
      const topLevel = await platform.launch({ browserOptions: { embedding: 'top-level' } });
      expect(topLevel.status).toBe(401);
    } finally {
      tool.stateCookieAttributes = 'Path=/; HttpOnly; SameSite=None; Secure; Max-Age=600';
    }
  });

  it('a browser that blocks third-party cookies breaks the iframe launch', async () => {
    const result = await platform.launch({ browserOptions: { embedding: 'iframe', blockThirdPartyCookies: true } });
    expect(result.status).toBe(401);
    expect(result.blockedCookies[0].reason).toBe('third-party cookies are blocked');
  });

  it('supports a manual flow with a supertest agent (data of the form_post is returned)', async () => {
    // superagent's jar never sends Secure cookies over http, unlike browsers on loopback.
    tool.stateCookieAttributes = 'Path=/; HttpOnly';
    const agent = request.agent(tool.baseUrl);
    const prepared = platform.prepareLaunch({ user: { id: 'teacher-7', name: 'T' }, roles: [LTI_SPEC.role.instructor] });
    const login = await agent.get('/login').query(prepared.loginParams).redirects(0);
    expect(login.status).toBe(302);
    const authPage = await fetch(login.headers.location);
    const form = autoSubmitForm.parse(await authPage.text())!;
    const launch = await agent.post(new URL(form.action).pathname).type('form').send(form.fields);
    tool.stateCookieAttributes = 'Path=/; HttpOnly; SameSite=None; Secure; Max-Age=600';
    expect(launch.status).toBe(200);
    expect(platform.authResponses.at(-1)?.claims?.sub).toBe('teacher-7');
  });
});
