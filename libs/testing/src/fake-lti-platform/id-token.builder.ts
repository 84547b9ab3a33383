import { LTI_SPEC } from './lti-spec.constants';
import { filterPersonalData } from './privacy.filter';
import type { PlatformUrls } from './platform.urls';
import type {
  DeepLinkingSettingsInput,
  LtiContext,
  PlatformInfo,
  PlatformUser,
  RegisteredTool,
  ResourceLinkInfo,
} from './fake-lti-platform.types';

export type LtiIdTokenClaims = Record<string, unknown>;

export interface LaunchPresentationInput {
  document_target?: 'iframe' | 'window' | 'frame';
  return_url?: string;
  locale?: string;
  width?: number;
  height?: number;
}

/** Everything one id_token is made of, already resolved (no defaults are guessed here). */
export interface IdTokenInput {
  tool: RegisteredTool;
  deploymentId: string;
  user: PlatformUser;
  roles: string[];
  /** Undefined = no context claim (the context claim is optional in LTI 1.3 Core, e.g. a launch from a user's dashboard). */
  context?: LtiContext;
  targetLinkUri: string;
  custom?: Record<string, string>;
  launchPresentation?: LaunchPresentationInput;
  nonce: string;
  nowSeconds: number;
  ttlSeconds: number;
  /** Resource link launches. */
  resourceLink?: ResourceLinkInfo;
  lineItemUrl?: string;
  /** Deep linking requests. */
  deepLinking?: DeepLinkingSettingsInput & { deep_link_return_url: string };
}

const AGS_SCOPES: readonly string[] = [
  LTI_SPEC.scope.agsLineItem,
  LTI_SPEC.scope.agsLineItemReadonly,
  LTI_SPEC.scope.agsResultReadonly,
  LTI_SPEC.scope.agsScore,
];

/**
 * Claims of LtiResourceLinkRequest and LtiDeepLinkingRequest id_tokens (LTI 1.3 Core, Deep Linking
 * 2.0, NRPS 2.0, AGS 2.0). The result is a plain object a mutation can break.
 */
export class IdTokenBuilder {
  constructor(
    private readonly platform: PlatformInfo,
    private readonly urls: PlatformUrls,
  ) {}

  resourceLinkRequest(input: IdTokenInput): LtiIdTokenClaims {
    if (!input.resourceLink) throw new Error('resourceLinkRequest needs a resourceLink');
    const claims = this.common(input, LTI_SPEC.messageType.resourceLink);
    claims[LTI_SPEC.claim.resourceLink] = { ...input.resourceLink };
    if (input.context) this.addServices(claims, input, input.lineItemUrl);
    return claims;
  }

  deepLinkingRequest(input: IdTokenInput): LtiIdTokenClaims {
    if (!input.deepLinking) throw new Error('deepLinkingRequest needs deepLinking settings');
    const claims = this.common(input, LTI_SPEC.messageType.deepLinkingRequest);
    // accept_presentation_document_targets is required by Deep Linking 2.0; the rest has sensible defaults.
    claims[LTI_SPEC.claim.dlSettings] = {
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: true,
      auto_create: false,
      ...input.deepLinking,
    };
    if (input.context) this.addServices(claims, input);
    return claims;
  }

  private common(input: IdTokenInput, messageType: string): LtiIdTokenClaims {
    const { tool, user, context } = input;
    const personal = filterPersonalData(user, tool.privacyLevel);
    const claims: LtiIdTokenClaims = {
      iss: this.platform.issuer,
      aud: tool.clientId,
      azp: tool.clientId,
      sub: user.id,
      exp: input.nowSeconds + input.ttlSeconds,
      iat: input.nowSeconds,
      nonce: input.nonce,
    };
    for (const field of ['name', 'given_name', 'family_name', 'middle_name', 'email', 'picture'] as const) {
      if (personal[field] !== undefined) claims[field] = personal[field];
    }
    if (user.locale) claims.locale = user.locale;

    claims[LTI_SPEC.claim.messageType] = messageType;
    claims[LTI_SPEC.claim.version] = LTI_SPEC.version;
    claims[LTI_SPEC.claim.deploymentId] = input.deploymentId;
    claims[LTI_SPEC.claim.targetLinkUri] = input.targetLinkUri;
    claims[LTI_SPEC.claim.roles] = [...input.roles];
    if (context) {
      claims[LTI_SPEC.claim.context] = { id: context.id, label: context.label, title: context.title, type: context.type };
    }
    claims[LTI_SPEC.claim.launchPresentation] = {
      document_target: 'iframe',
      locale: user.locale ?? 'en',
      return_url: context ? this.urls.launchReturn(context.id) : `${this.urls.baseUrl}/`,
      ...input.launchPresentation,
    };
    const lis: Record<string, string> = {};
    if (personal.lis_person_sourcedid) lis.person_sourcedid = personal.lis_person_sourcedid;
    if (context) lis.course_offering_sourcedid = `${this.platform.guid}:${context.id}`;
    if (Object.keys(lis).length) claims[LTI_SPEC.claim.lis] = lis;

    const custom = this.substitute({ ...tool.customParameters, ...input.custom }, input, personal);
    if (Object.keys(custom).length) claims[LTI_SPEC.claim.custom] = custom;
    claims[LTI_SPEC.claim.toolPlatform] = {
      guid: this.platform.guid,
      name: this.platform.name,
      version: this.platform.version,
      product_family_code: this.platform.productFamilyCode,
      url: this.platform.baseUrl,
    };
    return claims;
  }

  private addServices(claims: LtiIdTokenClaims, input: IdTokenInput, lineItemUrl?: string): void {
    const { tool, context } = input;
    if (!context) return;
    if (tool.scopes.includes(LTI_SPEC.scope.nrpsMembershipReadonly)) {
      claims[LTI_SPEC.claim.nrps] = { context_memberships_url: this.urls.nrps(context.id), service_versions: ['2.0'] };
    }
    const agsScopes = tool.scopes.filter((s) => AGS_SCOPES.includes(s));
    if (agsScopes.length) {
      const endpoint: Record<string, unknown> = { scope: agsScopes, lineitems: this.urls.lineItems(context.id, tool) };
      if (lineItemUrl) endpoint.lineitem = lineItemUrl;
      claims[LTI_SPEC.claim.agsEndpoint] = endpoint;
    }
  }

  /** The few LTI substitution variables our tool asks for; unknown ones pass through verbatim as on Moodle. */
  private substitute(
    custom: Record<string, string>,
    input: IdTokenInput,
    personal: Partial<PlatformUser>,
  ): Record<string, string> {
    const values: Record<string, string | undefined> = {
      '$User.id': input.user.id,
      '$Context.id': input.context?.id,
      '$ResourceLink.id': input.resourceLink?.id,
      // Personal values follow the privacy level, or custom parameters would leak what the claims hide.
      '$Person.name.full': personal.name,
      '$Person.email.primary': personal.email,
    };
    return Object.fromEntries(Object.entries(custom).map(([k, v]) => [k, values[v] ?? v]));
  }
}
