import { FakeLtiPlatform } from './fake-lti-platform';
import { LTI_SPEC } from './lti-spec.constants';
import { StrictLtiToolFixture } from './strict-lti-tool.fixture';
import type { LtiIdTokenClaims } from './id-token.builder';

const C = LTI_SPEC.claim;

describe.each(['moodle', 'generic'] as const)('deep linking return (%s)', (flavour) => {
  let platform: FakeLtiPlatform;
  let tool: StrictLtiToolFixture;

  beforeAll(async () => {
    platform = await FakeLtiPlatform.start({ flavour });
    tool = await StrictLtiToolFixture.start();
    platform.registerTool({ ...tool.registration(), clientId: 'tool-1', deploymentIds: ['dep-1'] });
    tool.config = platform.toolConfig('tool-1');
  });
  afterAll(async () => {
    await tool.stop();
    await platform.stop();
  });

  /** Launches a deep linking request and returns its claims. */
  async function deepLinkingLaunch(settings: Record<string, unknown> = {}): Promise<LtiIdTokenClaims> {
    const result = await platform.launch({
      messageType: 'LtiDeepLinkingRequest',
      roles: [LTI_SPEC.role.instructor],
      deepLinking: { data: 'csrf-123', accept_types: ['ltiResourceLink', 'link'], ...settings },
    });
    expect(result.status).toBe(200);
    return result.claims!;
  }

  function response(request: LtiIdTokenClaims, items: object[], over: Record<string, unknown> = {}) {
    const now = Math.floor(Date.now() / 1000);
    const settings = request[C.dlSettings] as { data?: string };
    return {
      iss: 'tool-1',
      aud: platform.issuer,
      iat: now,
      exp: now + 60,
      nonce: 'dl-nonce-1',
      [C.deploymentId]: request[C.deploymentId],
      [C.messageType]: 'LtiDeepLinkingResponse',
      [C.version]: '1.3.0',
      [C.dlContentItems]: items,
      [C.dlData]: settings.data,
      ...over,
    };
  }

  async function post(request: LtiIdTokenClaims, jwt: string) {
    const url = (request[C.dlSettings] as { deep_link_return_url: string }).deep_link_return_url;
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ JWT: jwt }) });
  }

  const resourceLink = { type: 'ltiResourceLink', title: 'Offline session', url: 'http://127.0.0.1/launch?session=1', custom: { session: '1' } };
  const link = { type: 'link', url: 'https://example.com/page', title: 'Page' };

  it('takes the tool\'s auto-submitted response page through the browser', async () => {
    const result = await platform.launch({ messageType: 'LtiDeepLinkingRequest', deepLinking: { data: 'round-trip' } });
    expect(result.body).toContain('name="JWT"');
    const [returned] = await result.browser.submitForm(result.launchResponse!);
    expect(returned.status).toBe(200);
    expect(platform.deepLinkingReturns.at(-1)).toMatchObject({ status: 200, accepted: [{ type: 'ltiResourceLink', title: 'Offline session' }] });
  });

  it('sends deep linking settings in the request', async () => {
    const request = await deepLinkingLaunch();
    expect(request[C.messageType]).toBe('LtiDeepLinkingRequest');
    expect(request[C.dlSettings]).toMatchObject({ data: 'csrf-123', deep_link_return_url: expect.stringContaining('/deep-linking/return?launch=') });
    expect(request[C.resourceLink]).toBeUndefined();
  });

  it('verifies the tool-signed response and records content items', async () => {
    const request = await deepLinkingLaunch();
    const res = await post(request, await tool.sign(response(request, [resourceLink, link], { [C.dlMsg]: 'Added' })));
    const recorded = platform.deepLinkingReturns.at(-1)!;
    expect(recorded.msg).toBe('Added');
    if (flavour === 'moodle') {
      // Moodle takes only LTI resource links.
      expect(res.status).toBe(200);
      expect(recorded.accepted).toEqual([resourceLink]);
      expect(recorded.rejected[0]).toMatchObject({ item: link, reason: expect.stringMatching(/not accepted/) });
    } else {
      expect(recorded.accepted).toEqual([resourceLink, link]);
    }
  });

  it('fails when only unsupported items come back in Moodle mode', async () => {
    const request = await deepLinkingLaunch();
    const res = await post(request, await tool.sign(response(request, [link])));
    expect(res.status).toBe(flavour === 'moodle' ? 400 : 200);
  });

  it.each([
    ['wrong aud', { aud: 'https://other-platform.example.com' }, /aud/],
    ['missing nonce', { nonce: undefined }, /nonce/],
    ['wrong message_type', { [C.messageType]: 'LtiResourceLinkRequest' }, /message_type/],
    ['wrong deployment_id', { [C.deploymentId]: 'dep-2' }, /deployment_id/],
    ['data not echoed', { [C.dlData]: 'forged' }, /data/],
  ])('rejects a response with %s', async (_name, over, reason) => {
    const request = await deepLinkingLaunch();
    const payload = Object.fromEntries(Object.entries(response(request, [resourceLink], over)).filter(([, v]) => v !== undefined));
    const res = await post(request, await tool.sign(payload));
    expect(res.status).toBe(400);
    expect(platform.deepLinkingReturns.at(-1)?.error).toMatch(reason);
  });

  it('rejects a response signed with a key the tool JWKS does not contain', async () => {
    const request = await deepLinkingLaunch();
    const res = await post(request, await tool.sign(response(request, [resourceLink]), 'unknown-kid'));
    expect(res.status).toBe(400);
    expect(platform.deepLinkingReturns.at(-1)?.error).toMatch(/JWT rejected/);
  });

  it('keeps one item when accept_multiple is false', async () => {
    const request = await deepLinkingLaunch({ accept_multiple: false });
    await post(request, await tool.sign(response(request, [resourceLink, { ...resourceLink, title: 'Second' }])));
    const recorded = platform.deepLinkingReturns.at(-1)!;
    expect(recorded.accepted).toHaveLength(1);
    expect(recorded.rejected[0].reason).toMatch(/accept_multiple/);
  });
});
