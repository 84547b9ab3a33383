import { CanvasLmsPlugin } from './canvas-lms.plugin';

const tool = {
  base: 'https://tool.example/lti', login: 'https://tool.example/lti/login', launch: 'https://tool.example/lti/launch',
  keys: 'https://tool.example/lti/keys', domain: 'tool.example', name: 'o2o-bridge', description: 'Offline sessions',
  scopes: [],
};
const CONFIG = 'https://purl.imsglobal.org/spec/lti-tool-configuration';

describe('CanvasLmsPlugin', () => {
  const canvas = new CanvasLmsPlugin();

  it('recognises Canvas by product family or by its shared issuers', () => {
    expect(canvas.recognises({ productFamilyCode: 'canvas' })).toBe(true);
    expect(canvas.recognises({ issuer: 'https://canvas.instructure.com' })).toBe(true);
    expect(canvas.recognises({ issuer: 'https://moodle.example', productFamilyCode: 'moodle' })).toBe(false);
  });

  it('normalises Canvas roles and keeps its BCP 47 locale', () => {
    const claims = canvas.normalizeClaims({
      'https://purl.imsglobal.org/spec/lti/claim/roles': [
        'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student', 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
        'http://purl.imsglobal.org/vocab/lis/v2/system/person#User',
      ],
      'https://purl.imsglobal.org/spec/lti/claim/launch_presentation': { locale: 'zh-Hans' },
      'https://purl.imsglobal.org/spec/lti/claim/context': { id: 'c1', title: 'Data' },
    });
    expect(claims).toEqual({ roles: ['learner'], locale: 'zh-Hans', courseId: 'c1', courseTitle: 'Data' });
  });

  it('asks for a privacy level and the course navigation, link, assignment and editor placements', () => {
    const request = canvas.registrationRequest({ [CONFIG]: { messages: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }] } }, { tool });
    expect(request[CONFIG]).toMatchObject({
      'https://canvas.instructure.com/lti/privacy_level': 'name_only',
      messages: [
        { type: 'LtiResourceLinkRequest', placements: ['course_navigation'] },
        { type: 'LtiDeepLinkingRequest', placements: ['link_selection', 'assignment_selection', 'editor_button'] },
      ],
    });
  });

  it('publishes the developer-key JSON configuration', () => {
    const json = canvas.configurationDocuments(tool)['canvas.json'] as Record<string, unknown> & { extensions: { privacy_level: string; settings: { placements: { placement: string }[] } }[] };
    expect(json).toMatchObject({ oidc_initiation_url: tool.login, target_link_uri: tool.launch, public_jwk_url: tool.keys });
    expect(json.extensions[0].privacy_level).toBe('name_only');
    expect(json.extensions[0].settings.placements.map((p) => p.placement)).toEqual(['course_navigation', 'link_selection', 'assignment_selection', 'editor_button']);
  });

  it('sends a User-Agent on API calls', () => {
    expect(canvas.serviceHeaders()['User-Agent']).toMatch(/o2o-bridge/);
  });

  it('accepts a configuration served from a school domain under the shared issuer', () => {
    expect(canvas.checkPlatformConfiguration({ issuer: 'https://canvas.instructure.com' }, 'https://school.instructure.com/api/lti/security/openid-configuration')).toEqual([]);
    expect(canvas.checkPlatformConfiguration({ issuer: 'https://lms.example' }, 'https://lms.example/x')).toBeUndefined();
  });
});
