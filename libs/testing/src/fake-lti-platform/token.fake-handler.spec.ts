import { generateKeyPair, SignJWT } from 'jose';
import { FakeLtiPlatform } from './fake-lti-platform';
import { LTI_SPEC } from './lti-spec.constants';
import { StrictLtiToolFixture } from './strict-lti-tool.fixture';

/** Response bodies are asserted field by field, so they are read loosely typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (res: Response): Promise<any> => res.json();

const NRPS = LTI_SPEC.scope.nrpsMembershipReadonly;
const SCORE = LTI_SPEC.scope.agsScore;

describe('POST /token (client credentials with JWT client assertion)', () => {
  let platform: FakeLtiPlatform;
  let tool: StrictLtiToolFixture;

  beforeAll(async () => {
    platform = await FakeLtiPlatform.start({ flavour: 'canvas' });
    tool = await StrictLtiToolFixture.start();
    platform.registerTool({ ...tool.registration(), clientId: 'tool-1', scopes: [NRPS, SCORE] });
    tool.config = platform.toolConfig('tool-1');
  });
  afterAll(async () => {
    await tool.stop();
    await platform.stop();
  });

  it('issues an opaque bearer token with expiry for a valid assertion, fetching the tool JWKS', async () => {
    const fetchesBefore = platform.toolKeys.fetches.length;
    const res = await tool.requestToken([NRPS]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: NRPS });
    expect(String(res.body.access_token).split('.')).toHaveLength(1);
    expect(platform.toolKeys.fetches.length).toBe(fetchesBefore + 1);
    expect(platform.toolKeys.fetches.at(-1)?.url).toBe(`${tool.baseUrl}/keys`);
    expect(platform.tokenRequests.at(-1)).toMatchObject({ clientId: 'tool-1', grantedScopes: [NRPS], outcome: 'issued' });
    expect(platform.calls({ endpoint: 'token' }).at(-1)?.body).toMatchObject({ grant_type: 'client_credentials', scope: NRPS });
  });

  it('accepts the advertised authorization server as aud (what ltijs sends after dynamic registration)', async () => {
    const res = await tool.requestToken([NRPS], await tool.clientAssertion({ aud: platform.authorizationServer }));
    expect(res.status).toBe(200);
  });

  it('grants the intersection of requested and allowed scopes, refuses when nothing is left', async () => {
    const partial = await tool.requestToken([NRPS, LTI_SPEC.scope.agsLineItem]);
    expect(partial.body.scope).toBe(NRPS);
    const none = await tool.requestToken([LTI_SPEC.scope.agsLineItem]);
    expect(none).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });

  it('refuses a replayed jti', async () => {
    const assertion = await tool.clientAssertion({ jti: 'same-jti' });
    expect((await tool.requestToken([NRPS], assertion)).status).toBe(200);
    const replay = await tool.requestToken([NRPS], assertion);
    expect(replay).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(String(replay.body.error_description)).toMatch(/jti/);
  });

  it.each([
    ['wrong aud', { aud: 'https://elsewhere.example.com/token' }, /aud/],
    ['expired', { exp: Math.floor(Date.now() / 1000) - 120, iat: Math.floor(Date.now() / 1000) - 180 }, /exp/],
    ['sub differs from iss', { sub: 'someone-else' }, /sub/],
    ['no jti', { jti: undefined }, /jti/],
    ['no exp', { exp: undefined }, /exp/],
  ])('refuses an assertion with %s', async (_name, overrides, reason) => {
    const res = await tool.requestToken([NRPS], await tool.clientAssertion(overrides));
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    expect(String(res.body.error_description)).toMatch(reason);
  });

  it('refuses an assertion signed by a key that is not in the tool JWKS', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ iss: 'tool-1', sub: 'tool-1', aud: platform.urls.token, iat: now, exp: now + 60, jti: 'forged' })
      .setProtectedHeader({ alg: 'RS256', kid: 'tool-key-1' })
      .sign(privateKey);
    const res = await tool.requestToken([NRPS], forged);
    expect(res).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('refuses unknown clients and malformed requests with RFC 6749 errors', async () => {
    expect((await tool.requestToken([NRPS], await tool.clientAssertion({ iss: 'nobody', sub: 'nobody' }))).status).toBe(401);
    const post = (form: Record<string, string>) =>
      fetch(platform.urls.token, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
    const wrongGrant = await post({ grant_type: 'password', scope: NRPS });
    expect(wrongGrant.status).toBe(400);
    expect((await json(wrongGrant)).error).toBe('unsupported_grant_type');
    const wrongType = await post({ grant_type: 'client_credentials', client_assertion_type: 'basic', client_assertion: 'x', scope: NRPS });
    expect((await json(wrongType)).error).toBe('invalid_request');
    const jsonBody = await fetch(platform.urls.token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(jsonBody.status).toBe(400);
  });

  it('issued tokens expire with the platform clock', async () => {
    const res = await tool.requestToken([NRPS]);
    const nrps = () => fetch(`${platform.baseUrl}/nrps/contexts/course-x/memberships`, { headers: { authorization: `Bearer ${res.body.access_token}` } });
    platform.registry.addContext({ id: 'course-x' });
    expect((await nrps()).status).toBe(200);
    platform.clock.advance(3601_000);
    try {
      const expired = await nrps();
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toMatch(/invalid_token/);
    } finally {
      platform.clock.reset();
    }
  });
});
