/** Claims of an LTI launch, normalised so core code never needs to know which LMS sent them. */
export interface NormalizedLaunchClaims {
  roles: ('learner' | 'instructor' | 'administrator')[];
  locale: string | null;
  courseTitle: string | null;
  courseId: string | null;
}

/**
 * Everything specific to one LMS. The registry picks the plugin for an issuer; core asks it, never the LMS name.
 * Example:
 * ```ts
 * const lms = registry.lmsForIssuer('https://moodle.example.edu');
 * const claims = lms.normalizeClaims(idToken);
 * ```
 */
export interface LmsPlugin {
  readonly id: string;
  /** True when this plugin knows how to talk to the platform behind `issuer` / its registration payload. */
  recognises(hint: { issuer?: string; productFamilyCode?: string }): boolean;
  normalizeClaims(idToken: Record<string, unknown>): NormalizedLaunchClaims;
  /** Extra headers this LMS wants on service calls (NRPS, AGS). */
  serviceHeaders(): Record<string, string>;
}

export const LMS_PLUGIN_CLAIM = {
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
  launchPresentation: 'https://purl.imsglobal.org/spec/lti/claim/launch_presentation',
} as const;
