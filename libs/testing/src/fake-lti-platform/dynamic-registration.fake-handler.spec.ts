import { FakeLtiPlatform } from './fake-lti-platform';
import { LTI_SPEC } from './lti-spec.constants';
import { StrictLtiToolFixture } from './strict-lti-tool.fixture';
import { moodleDomainOf } from './tool-registration.validator';

/** Response bodies are asserted field by field, so they are read loosely typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (res: Response): Promise<any> => res.json();

const TC = LTI_SPEC.registration.toolConfiguration;
const PC = LTI_SPEC.registration.platformConfiguration;

const registrationBody = (over: Record<string, unknown> = {}, config: Record<string, unknown> = {}) => ({
  application_type: 'web',
  response_types: ['id_token'],
  grant_types: ['implicit', 'client_credentials'],
  initiate_login_uri: 'https://tool.example.com/lti/login',
  redirect_uris: ['https://tool.example.com/lti/launch'],
  client_name: 'O2O Bridge',
  jwks_uri: 'https://tool.example.com/lti/keys',
  token_endpoint_auth_method: 'private_key_jwt',
  scope: `${LTI_SPEC.scope.agsScore} ${LTI_SPEC.scope.nrpsMembershipReadonly} https://example.com/unknown-scope`,
  [TC]: {
    domain: 'tool.example.com',
    target_link_uri: 'https://tool.example.com/lti/launch',
    claims: ['iss', 'sub', 'name'],
    messages: [{ type: 'LtiResourceLinkRequest', placements: ['course_navigation'] }, { type: 'LtiDeepLinkingRequest', placements: ['link_selection'] }],
    ...config,
  },
  ...over,
});

async function register(platform: FakeLtiPlatform, body: unknown, token?: string) {
  const bearer = token ?? (await platform.issueRegistrationToken());
  const res = await fetch(platform.urls.registration, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, token: bearer };
}

describe('dynamic registration, Moodle flavour', () => {
  let platform: FakeLtiPlatform;
  beforeAll(async () => {
    platform = await FakeLtiPlatform.start({ flavour: 'moodle' });
  });
  afterAll(() => platform.stop());

  it('publishes an OpenID configuration with the LTI platform configuration claim', async () => {
    const conf = await json(await fetch(platform.openidConfigurationUrl));
    expect(conf).toMatchObject({
      issuer: platform.issuer,
      authorization_endpoint: platform.urls.auth,
      token_endpoint: platform.urls.token,
      jwks_uri: platform.urls.jwks,
      registration_endpoint: platform.urls.registration,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
    expect(conf[PC].product_family_code).toBe('moodle');
    expect(conf[PC].messages_supported.map((m: { type: string }) => m.type)).toEqual(['LtiResourceLinkRequest', 'LtiDeepLinkingRequest']);
    expect(conf[PC].variables).toContain('Context.id');
  });

  it('registers a valid tool and returns client_id and deployment_id', async () => {
    const res = await register(platform, registrationBody());
    expect(res.status).toBe(200);
    const clientId = String(res.json?.client_id);
    expect((res.json?.[TC] as { deployment_id: string }).deployment_id).toBeTruthy();
    expect(res.json?.scope).toBe(`${LTI_SPEC.scope.agsScore} ${LTI_SPEC.scope.nrpsMembershipReadonly}`);
    const tool = platform.registry.requireTool(clientId);
    expect(tool).toMatchObject({ loginUrl: 'https://tool.example.com/lti/login', jwksUrl: 'https://tool.example.com/lti/keys', privacyLevel: 'name_only' });
  });

  it('refuses a domain that differs from the domain of target_link_uri (Moodle rule)', async () => {
    const res = await register(platform, registrationBody({}, { domain: 'other.example.com' }));
    expect(res).toMatchObject({ status: 400, text: 'domain_targetlinkuri_mismatch' });
    expect((await register(platform, registrationBody({}, { domain: 'www.tool.example.com' }))).status).toBe(200);
    expect(moodleDomainOf('http://127.0.0.1:3000/lti')).toBe('127.0.0.1:3000');
  });

  it.each([
    ['response_types without id_token', { response_types: ['code'] }, 'invalid_response_types'],
    ['token_endpoint_auth_method', { token_endpoint_auth_method: 'client_secret_basic' }, 'invalid_token_endpoint_auth_method'],
    ['application_type native', { application_type: 'native' }, 'invalid_application_type'],
    ['no redirect_uris', { redirect_uris: [] }, 'invalid_redirect_uris'],
    ['no jwks_uri', { jwks_uri: undefined }, 'jwks_uri'],
    ['no client_name', { client_name: undefined }, 'client_name'],
    ['no tool configuration', { [TC]: undefined }, TC],
  ])('refuses a registration with %s', async (_name, over, message) => {
    const res = await register(platform, registrationBody(over));
    expect(res.status).toBe(400);
    expect(res.text).toContain(message);
  });

  it('requires a valid, unused, unexpired registration token', async () => {
    const res = await fetch(platform.urls.registration, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(registrationBody()) });
    expect(res.status).toBe(401);
    const first = await register(platform, registrationBody());
    expect(first.status).toBe(200);
    expect(await register(platform, registrationBody(), first.token)).toMatchObject({ status: 401, text: 'token_already_used' });
    const short = await platform.issueRegistrationToken(60);
    platform.clock.advance(120_000);
    try {
      expect((await register(platform, registrationBody(), short)).status).toBe(401);
    } finally {
      platform.clock.reset();
    }
  });
});

describe('dynamic registration, Canvas flavour', () => {
  let platform: FakeLtiPlatform;
  beforeAll(async () => {
    platform = await FakeLtiPlatform.start({ flavour: 'canvas' });
  });
  afterAll(() => platform.stop());

  it('needs the registration token to read the OpenID configuration', async () => {
    expect((await fetch(platform.openidConfigurationUrl)).status).toBe(401);
    const token = await platform.issueRegistrationToken();
    const conf = await json(await fetch(platform.openidConfigurationUrl, { headers: { authorization: `Bearer ${token}` } }));
    expect(conf.issuer).toBe('https://canvas.instructure.com');
    expect(conf.authorization_server).toBe(platform.authorizationServer);
    expect(conf[PC].product_family_code).toBe('canvas');
    expect(conf[PC].messages_supported[0].placements).toContain('course_navigation');
  });

  it('defaults to the anonymous privacy level and records placements', async () => {
    const res = await register(platform, registrationBody());
    expect(res.status).toBe(200);
    expect(platform.registrations.at(-1)).toMatchObject({ privacyLevel: 'anonymous', placements: ['course_navigation', 'link_selection'] });
    await register(platform, registrationBody({}, { [LTI_SPEC.registration.canvasPrivacyLevel]: 'public' }));
    expect(platform.registrations.at(-1)?.privacyLevel).toBe('public');
  });

  it('answers RFC 7591 JSON errors and requires grant_types, scope, claims and messages', async () => {
    const noGrants = await register(platform, registrationBody({ grant_types: ['implicit'] }));
    expect(noGrants).toMatchObject({ status: 400, json: { error: 'invalid_client_metadata' } });
    expect((await register(platform, registrationBody({ scope: undefined }))).status).toBe(400);
    expect((await register(platform, registrationBody({}, { messages: undefined }))).status).toBe(400);
    // Canvas does not apply Moodle's domain rule.
    expect((await register(platform, registrationBody({}, { domain: 'other.example.com' }))).status).toBe(200);
  });
});

describe.each(['moodle', 'canvas'] as const)('registrationInitiation driver (%s)', (flavour) => {
  let platform: FakeLtiPlatform;
  let tool: StrictLtiToolFixture;
  beforeAll(async () => {
    platform = await FakeLtiPlatform.start({ flavour });
    tool = await StrictLtiToolFixture.start();
  });
  afterAll(async () => {
    await tool.stop();
    await platform.stop();
  });

  it('opens the tool URL with openid_configuration and registration_token; the tool registers and can launch', async () => {
    const result = await platform.registrationInitiation(`${tool.baseUrl}/register`);
    const opened = new URL(result.url);
    expect(opened.searchParams.get('openid_configuration')).toBe(platform.openidConfigurationUrl);
    expect(opened.searchParams.get('registration_token')).toBe(result.registrationToken);
    expect(result.status).toBe(200);
    expect(result.closeMessageSent).toBe(true);
    expect(result.registration?.clientId).toBe(tool.config?.clientId);
    expect(platform.calls({ endpoint: 'openid-configuration' })).toHaveLength(1);

    const launch = await platform.launch({ clientId: tool.config?.clientId });
    expect(launch.status).toBe(200);
  });
});
