import { LTI_SPEC } from './lti-spec.constants';
import type { PlatformUrls } from './platform.urls';
import type { PlatformInfo } from './fake-lti-platform.types';

const CANVAS_LINK_PLACEMENTS = [
  'account_navigation',
  'assignment_menu',
  'assignment_selection',
  'course_navigation',
  'global_navigation',
  'link_selection',
  'module_menu',
  'user_navigation',
];
const CANVAS_DL_PLACEMENTS = ['assignment_selection', 'editor_button', 'link_selection', 'module_index_menu_modal', 'submission_type_selection'];

/** A representative subset of the substitution variables each LMS lists. */
const VARIABLES = {
  moodle: ['Context.id', 'Context.title', 'Context.label', 'Context.sourcedId', 'CourseSection.title', 'ResourceLink.id', 'ResourceLink.title', 'User.id', 'User.username', 'Person.name.full', 'Person.name.given', 'Person.name.family', 'Person.email.primary', 'Person.sourcedId', 'Membership.role'],
  canvas: ['ResourceLink.id', 'ResourceLink.title', 'Context.id', 'Context.title', 'User.id', 'Person.name.full', 'Person.email.primary', 'Canvas.course.id', 'Canvas.user.id', 'Canvas.api.domain', 'com.instructure.PostMessageToken', 'Canvas.environment.test'],
  generic: ['ResourceLink.id', 'Context.id', 'User.id', 'Person.name.full', 'Person.email.primary'],
};

/**
 * The platform's OpenID configuration (LTI Dynamic Registration 1.0 plus OIDC Discovery), shaped
 * like Moodle's mod/lti/openid-configuration.php or Canvas's /api/lti/security/openid-configuration.
 */
export function buildOpenIdConfiguration(platform: PlatformInfo, urls: PlatformUrls, authorizationServer: string): object {
  const canvas = platform.flavour === 'canvas';
  const messages = canvas
    ? [
        { type: LTI_SPEC.messageType.resourceLink, placements: CANVAS_LINK_PLACEMENTS },
        { type: LTI_SPEC.messageType.deepLinkingRequest, placements: CANVAS_DL_PLACEMENTS },
      ]
    : [{ type: LTI_SPEC.messageType.resourceLink }, { type: LTI_SPEC.messageType.deepLinkingRequest, placements: ['ContentArea'] }];
  const platformConfiguration: Record<string, unknown> = {
    product_family_code: platform.productFamilyCode,
    version: platform.version,
    messages_supported: messages,
    variables: VARIABLES[platform.flavour],
  };
  if (canvas) platformConfiguration[LTI_SPEC.registration.canvasAccountName] = 'Fake University';

  const config: Record<string, unknown> = {
    issuer: platform.issuer,
    authorization_endpoint: urls.auth,
    registration_endpoint: urls.registration,
    jwks_uri: urls.jwks,
    token_endpoint: urls.token,
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', ...Object.values(LTI_SPEC.scope)],
    response_types_supported: ['id_token'],
    subject_types_supported: canvas ? ['public'] : ['public', 'pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: canvas
      ? ['sub', 'iss', 'name', 'given_name', 'family_name', 'nickname', 'picture', 'email', 'locale']
      : ['sub', 'iss', 'name', 'given_name', 'family_name', 'email'],
    [LTI_SPEC.registration.platformConfiguration]: platformConfiguration,
  };
  if (canvas) config.authorization_server = authorizationServer;
  return config;
}
