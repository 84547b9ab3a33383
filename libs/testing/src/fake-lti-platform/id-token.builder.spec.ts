import { IdTokenBuilder, type IdTokenInput } from './id-token.builder';
import { LTI_SPEC } from './lti-spec.constants';
import { PlatformUrls } from './platform.urls';
import { PlatformRegistry } from './platform.registry';
import type { PlatformInfo } from './fake-lti-platform.types';

const C = LTI_SPEC.claim;
const platform: PlatformInfo = {
  flavour: 'moodle',
  issuer: 'https://moodle.example.edu',
  baseUrl: 'http://127.0.0.1:9',
  name: 'Fake Moodle',
  version: '4.5',
  guid: 'guid-1',
  productFamilyCode: 'moodle',
};

describe('IdTokenBuilder', () => {
  const registry = new PlatformRegistry();
  const tool = registry.registerTool({ clientId: 'c1', deploymentIds: ['d1'], loginUrl: 'https://tool/login', redirectUris: ['https://tool/launch'], customParameters: { uid: '$User.id', plain: 'x' } });
  const builder = new IdTokenBuilder(platform, new PlatformUrls(platform.baseUrl, 'moodle'));
  const input = (over: Partial<IdTokenInput> = {}): IdTokenInput => ({
    tool,
    deploymentId: 'd1',
    user: { id: 'u1', name: 'Ann Lee', given_name: 'Ann', family_name: 'Lee', email: 'ann@example.edu', lis_person_sourcedid: 'sis-1' },
    roles: [LTI_SPEC.role.learner],
    context: { id: 'course-1', label: 'C1', title: 'Course 1', type: [LTI_SPEC.contextType.courseOffering] },
    targetLinkUri: 'https://tool/launch',
    nonce: 'n-1',
    nowSeconds: 1_700_000_000,
    ttlSeconds: 300,
    resourceLink: { id: 'rl-1', title: 'Sessions' },
    lineItemUrl: 'http://127.0.0.1:9/ags/contexts/course-1/lineitems/1?type_id=1',
    ...over,
  });

  it('builds every required resource link claim', () => {
    const c = builder.resourceLinkRequest(input());
    expect(c).toMatchObject({ iss: platform.issuer, aud: 'c1', azp: 'c1', sub: 'u1', iat: 1_700_000_000, exp: 1_700_000_300, nonce: 'n-1' });
    expect(c[C.messageType]).toBe('LtiResourceLinkRequest');
    expect(c[C.version]).toBe('1.3.0');
    expect(c[C.deploymentId]).toBe('d1');
    expect(c[C.targetLinkUri]).toBe('https://tool/launch');
    expect(c[C.resourceLink]).toEqual({ id: 'rl-1', title: 'Sessions' });
    expect(c[C.roles]).toEqual([LTI_SPEC.role.learner]);
    expect(c[C.context]).toMatchObject({ id: 'course-1', label: 'C1', title: 'Course 1' });
    expect(c[C.launchPresentation]).toMatchObject({ document_target: 'iframe', locale: 'en' });
    expect(c[C.lis]).toEqual({ person_sourcedid: 'sis-1', course_offering_sourcedid: 'guid-1:course-1' });
    expect(c[C.custom]).toEqual({ uid: 'u1', plain: 'x' });
    expect(c[C.toolPlatform]).toMatchObject({ guid: 'guid-1', product_family_code: 'moodle' });
    expect(c[C.nrps]).toEqual({ context_memberships_url: `${platform.baseUrl}/nrps/contexts/course-1/memberships`, service_versions: ['2.0'] });
    expect(c[C.agsEndpoint]).toEqual({
      scope: [LTI_SPEC.scope.agsLineItem, LTI_SPEC.scope.agsLineItemReadonly, LTI_SPEC.scope.agsResultReadonly, LTI_SPEC.scope.agsScore],
      lineitems: `${platform.baseUrl}/ags/contexts/course-1/lineitems?type_id=${tool.typeId}`,
      lineitem: 'http://127.0.0.1:9/ags/contexts/course-1/lineitems/1?type_id=1',
    });
    expect(c).toMatchObject({ name: 'Ann Lee', email: 'ann@example.edu' });
  });

  it('builds deep linking settings with the return URL', () => {
    const c = builder.deepLinkingRequest(input({ resourceLink: undefined, deepLinking: { deep_link_return_url: 'http://127.0.0.1:9/dl', data: 'opaque' } }));
    expect(c[C.messageType]).toBe('LtiDeepLinkingRequest');
    expect(c[C.resourceLink]).toBeUndefined();
    expect(c[C.dlSettings]).toMatchObject({ deep_link_return_url: 'http://127.0.0.1:9/dl', accept_types: ['ltiResourceLink'], accept_presentation_document_targets: ['iframe', 'window'], data: 'opaque' });
  });

  it('omits context and service claims without a context', () => {
    const c = builder.resourceLinkRequest(input({ context: undefined }));
    expect(c[C.context]).toBeUndefined();
    expect(c[C.nrps]).toBeUndefined();
    expect(c[C.agsEndpoint]).toBeUndefined();
  });

  it('follows the tool privacy level, also for substituted custom parameters', () => {
    const anonymous = registry.registerTool({ clientId: 'anon', loginUrl: 'https://t/l', redirectUris: ['https://t/r'], privacyLevel: 'anonymous', customParameters: { who: '$Person.name.full' } });
    const c = builder.resourceLinkRequest(input({ tool: anonymous }));
    for (const f of ['name', 'given_name', 'family_name', 'email']) expect(c[f]).toBeUndefined();
    expect((c[C.lis] as Record<string, string>).person_sourcedid).toBeUndefined();
    expect(c[C.custom]).toEqual({ who: '$Person.name.full' });
    const emailOnly = registry.registerTool({ clientId: 'mail', loginUrl: 'https://t/l', redirectUris: ['https://t/r'], privacyLevel: 'email_only' });
    const e = builder.resourceLinkRequest(input({ tool: emailOnly }));
    expect(e.email).toBe('ann@example.edu');
    expect(e.name).toBeUndefined();
  });

  it('announces only the services whose scopes the tool was granted', () => {
    const nrpsOnly = registry.registerTool({ clientId: 'nrps', loginUrl: 'https://t/l', redirectUris: ['https://t/r'], scopes: [LTI_SPEC.scope.nrpsMembershipReadonly] });
    const c = builder.resourceLinkRequest(input({ tool: nrpsOnly }));
    expect(c[C.nrps]).toBeDefined();
    expect(c[C.agsEndpoint]).toBeUndefined();
  });
});
