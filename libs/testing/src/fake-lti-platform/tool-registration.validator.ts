import { LTI_SPEC } from './lti-spec.constants';
import type { PlatformFlavour, PrivacyLevel } from './fake-lti-platform.types';

export interface ToolRegistrationRequest {
  application_type?: string;
  response_types?: string[];
  grant_types?: string[];
  initiate_login_uri?: string;
  redirect_uris?: string[];
  client_name?: string;
  jwks_uri?: string;
  logo_uri?: string;
  token_endpoint_auth_method?: string;
  scope?: string;
  [LTI_SPEC.registration.toolConfiguration]?: ToolConfigurationClaim;
  [other: string]: unknown;
}

export interface ToolConfigurationClaim {
  domain?: string;
  secondary_domains?: string[];
  target_link_uri?: string;
  custom_parameters?: Record<string, string>;
  description?: string;
  claims?: string[];
  messages?: { type: string; target_link_uri?: string; placements?: string[]; label?: string }[];
  [other: string]: unknown;
}

export type RegistrationValidation =
  | { ok: true; request: ToolRegistrationRequest; config: ToolConfigurationClaim; privacyLevel: PrivacyLevel; placements: string[] }
  | { ok: false; error: string };

/** Moodle's LTI_URL_DOMAIN_REGEX: host[:port] with scheme and a leading "www." stripped. */
export function moodleDomainOf(url: string): string | undefined {
  const match = /(?:https?:\/\/)?(?:www\.)?([^/]+)(?:\/|$)/i.exec(url);
  return match?.[1].toLowerCase();
}

const isUrl = (value: unknown): boolean => {
  try {
    return typeof value === 'string' && ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * Client registration checks (LTI Dynamic Registration 1.0 and OIDC Dynamic Client Registration),
 * with what each LMS adds: Moodle compares lti-tool-configuration.domain with the domain of
 * target_link_uri and maps `claims` to its name/e-mail switches; Canvas requires scope, claims and
 * messages and reads its privacy_level extension (anonymous when absent) and placements.
 */
export function validateToolRegistration(body: unknown, flavour: PlatformFlavour): RegistrationValidation {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: 'registration must be a JSON object' };
  const r = body as ToolRegistrationRequest;
  const config = r[LTI_SPEC.registration.toolConfiguration];
  const fail = (error: string): RegistrationValidation => ({ ok: false, error });

  if (flavour !== 'moodle' && r.application_type === undefined) return fail('missing required attribute application_type');
  if (r.application_type !== undefined && r.application_type !== 'web') return fail('invalid_application_type');
  if (!Array.isArray(r.response_types) || !r.response_types.includes('id_token')) return fail('invalid_response_types');
  if (flavour !== 'moodle') {
    const grants = Array.isArray(r.grant_types) ? r.grant_types : [];
    if (!grants.includes('implicit') || !grants.includes('client_credentials')) {
      return fail('grant_types must include implicit and client_credentials');
    }
  }
  if (!isUrl(r.initiate_login_uri)) return fail('missing required attribute initiate_login_uri');
  if (!Array.isArray(r.redirect_uris) || !r.redirect_uris.length || !r.redirect_uris.every(isUrl)) return fail('invalid_redirect_uris');
  if (typeof r.client_name !== 'string' || !r.client_name) return fail('missing required attribute client_name');
  if (!isUrl(r.jwks_uri)) return fail('missing required attribute jwks_uri');
  if (r.token_endpoint_auth_method !== 'private_key_jwt') return fail('invalid_token_endpoint_auth_method');
  if (!config || typeof config !== 'object') return fail(`missing required attribute ${LTI_SPEC.registration.toolConfiguration}`);
  if (typeof config.domain !== 'string' || !config.domain) return fail('missing_domain');
  if (!isUrl(config.target_link_uri)) return fail('missing required attribute target_link_uri');
  if (config.messages !== undefined && !Array.isArray(config.messages)) return fail('messages must be an array');

  if (flavour === 'moodle' && moodleDomainOf(config.domain) !== moodleDomainOf(config.target_link_uri!)) {
    return fail('domain_targetlinkuri_mismatch');
  }
  if (flavour === 'canvas') {
    if (typeof r.scope !== 'string') return fail('scope is required');
    if (!Array.isArray(config.claims)) return fail('claims is required');
    if (!Array.isArray(config.messages)) return fail('messages is required');
    const level = config[LTI_SPEC.registration.canvasPrivacyLevel];
    if (level !== undefined && !['public', 'name_only', 'email_only', 'anonymous'].includes(String(level))) {
      return fail(`invalid ${LTI_SPEC.registration.canvasPrivacyLevel}`);
    }
  }

  const placements = (config.messages ?? []).flatMap((m) => m.placements ?? []);
  return { ok: true, request: r, config, privacyLevel: privacyOf(config, flavour), placements };
}

function privacyOf(config: ToolConfigurationClaim, flavour: PlatformFlavour): PrivacyLevel {
  if (flavour === 'canvas') {
    return (config[LTI_SPEC.registration.canvasPrivacyLevel] as PrivacyLevel | undefined) ?? 'anonymous';
  }
  const claims = config.claims ?? [];
  const names = ['name', 'given_name', 'family_name'].some((c) => claims.includes(c));
  const email = claims.includes('email');
  if (names && email) return 'public';
  if (names) return 'name_only';
  return email ? 'email_only' : 'anonymous';
}
