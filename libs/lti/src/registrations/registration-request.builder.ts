import { SCOPE } from '../launch/lti-claims.constants';
import type { ToolEndpoints } from './lti-lms-extension.contract';

export const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
export const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';

/**
 * The tool's Dynamic Registration request as LTI Dynamic Registration 1.0 describes it, before any LMS plugin adds
 * its own extensions: every service scope the platform offers, the launch and deep linking messages, and only the
 * personal claims the pages use (names for attendance lists; no e-mail).
 */
export function baseRegistrationRequest(tool: ToolEndpoints, platformConfiguration: Record<string, unknown>): Record<string, unknown> {
  const supported = Array.isArray(platformConfiguration.scopes_supported) ? (platformConfiguration.scopes_supported as string[]) : [];
  const wanted = [SCOPE.lineItem, SCOPE.lineItemReadonly, SCOPE.resultReadonly, SCOPE.score, SCOPE.nrps];
  const scopes = supported.length ? wanted.filter((s) => supported.includes(s)) : wanted;
  const claimsSupported = Array.isArray(platformConfiguration.claims_supported) ? (platformConfiguration.claims_supported as string[]) : [];
  const claims = ['iss', 'sub', 'name', 'given_name', 'family_name', 'locale'].filter((c) => !claimsSupported.length || claimsSupported.includes(c));
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: tool.login,
    redirect_uris: [tool.launch],
    client_name: tool.name,
    jwks_uri: tool.keys,
    logo_uri: `${tool.base}/icon.svg`,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: scopes.join(' '),
    [TOOL_CONFIGURATION]: {
      domain: tool.domain,
      target_link_uri: tool.launch,
      description: tool.description,
      claims,
      messages: [
        { type: 'LtiResourceLinkRequest', target_link_uri: tool.launch, label: tool.name },
        { type: 'LtiDeepLinkingRequest', target_link_uri: tool.launch, label: tool.name },
      ],
    },
  };
}
