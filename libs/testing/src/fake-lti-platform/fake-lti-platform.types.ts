/**
 * Shared shapes of the fake platform. Types only: the behaviour lives in the handlers, so a test can
 * import these without pulling in the HTTP server.
 */

/** Which LMS the fake imitates where real platforms differ from each other. */
export type PlatformFlavour = 'generic' | 'moodle' | 'canvas';

/** Canvas vocabulary, also used to model Moodle's "share name / share e-mail" switches. */
export type PrivacyLevel = 'public' | 'name_only' | 'email_only' | 'anonymous';

export interface PlatformInfo {
  flavour: PlatformFlavour;
  issuer: string;
  baseUrl: string;
  name: string;
  version: string;
  guid: string;
  productFamilyCode: string;
}

export interface RegisterToolInput {
  clientId?: string;
  deploymentIds?: string[];
  name?: string;
  /** OIDC third-party login initiation URL of the tool. */
  loginUrl: string;
  /** Exact-match list; the first one is where launches are posted unless a launch says otherwise. */
  redirectUris: string[];
  /** Default target_link_uri (defaults to redirectUris[0]). */
  targetLinkUri?: string;
  /** Where the platform fetches the tool's public keys (client assertions, deep linking responses). */
  jwksUrl?: string;
  /** Alternative to jwksUrl: a static key set, as when an admin pastes a public key. */
  publicJwks?: { keys: Record<string, unknown>[] };
  /** Deep linking launch URL (defaults to targetLinkUri). */
  deepLinkingUrl?: string;
  /** Scopes the admin granted; defaults to every LTI service scope. */
  scopes?: string[];
  privacyLevel?: PrivacyLevel;
  customParameters?: Record<string, string>;
}

export interface RegisteredTool extends Required<Omit<RegisterToolInput, 'jwksUrl' | 'publicJwks'>> {
  jwksUrl?: string;
  publicJwks?: { keys: Record<string, unknown>[] };
  /** Moodle's numeric tool type id (used as `type_id` in Moodle service URLs). */
  typeId: number;
  placements: string[];
}

/** What the tool must be told about this platform (what an admin copies into the tool). */
export interface PlatformConfigForTool {
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Value the tool may put in the client assertion `aud` besides the token endpoint. */
  authorizationServer: string;
  jwksUri: string;
  openidConfigurationUrl: string;
}

export interface LtiContext {
  id: string;
  label?: string;
  title?: string;
  type?: string[];
}

export type MemberStatus = 'Active' | 'Inactive' | 'Deleted';

export interface PlatformUser {
  /** Becomes `sub` in id_tokens and `user_id` in NRPS. */
  id: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  middle_name?: string;
  email?: string;
  picture?: string;
  locale?: string;
  lis_person_sourcedid?: string;
}

export interface RosterMember extends PlatformUser {
  roles: string[];
  status?: MemberStatus;
}

export interface ResourceLinkInfo {
  id: string;
  title?: string;
  description?: string;
}

export interface DeepLinkingSettingsInput {
  accept_types?: string[];
  accept_presentation_document_targets?: string[];
  accept_media_types?: string;
  accept_multiple?: boolean;
  accept_lineitem?: boolean;
  auto_create?: boolean;
  title?: string;
  text?: string;
  data?: string;
}

export type EndpointName =
  | 'jwks'
  | 'auth'
  | 'token'
  | 'nrps'
  | 'ags.lineitems'
  | 'ags.lineitem'
  | 'ags.scores'
  | 'ags.results'
  | 'deep-linking'
  | 'openid-configuration'
  | 'registration'
  | 'platform-storage'
  | 'unknown';

export interface RecordedCall {
  seq: number;
  at: Date;
  endpoint: EndpointName;
  method: string;
  url: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON or form body when it parses, else the raw text. */
  body: unknown;
  status: number;
  responseBody: unknown;
  /** Set when the answer came from failure injection, not from the endpoint logic. */
  injected?: 'error' | 'rate-limit' | 'hang';
}
