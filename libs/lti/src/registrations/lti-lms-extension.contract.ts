import type { LmsPlugin } from '@o2o/plugin-sdk';

/** The tool's own URLs as an LMS plugin sees them when it shapes a registration or a configuration document. */
export interface ToolEndpoints {
  base: string;
  login: string;
  launch: string;
  keys: string;
  /** host[:port] of the launch URL. */
  domain: string;
  name: string;
  description: string;
  scopes: string[];
}

/**
 * What libs/lti asks of an LMS plugin beyond plugin-sdk's LmsPlugin, all optional. Plugins implement these methods
 * structurally (they do not import libs/lti); a plugin without them gets the LTI specification's defaults.
 */
export interface LtiLmsExtension {
  /** Name shown to admins ("Moodle", "Canvas"). */
  displayName?: string;
  /** Shapes the Dynamic Registration request for this LMS (privacy level, placements, domain rules…). */
  registrationRequest?(base: Record<string, unknown>, context: { tool: ToolEndpoints; platformConfiguration: Record<string, unknown> }): Record<string, unknown>;
  /** Problems with a platform configuration that the generic checks would get wrong for this LMS; undefined = use them. */
  checkPlatformConfiguration?(configuration: Record<string, unknown>, configurationUrl: string): string[] | undefined;
  /** Documents served at /lti/<name> (Canvas' developer-key JSON at /lti/canvas.json). */
  configurationDocuments?(tool: ToolEndpoints): Record<string, Record<string, unknown>>;
  /** Setup notes for the admin page, in the reader's language. */
  setupHints?(locale: string): string[];
}

export function ltiExtensionOf(plugin: LmsPlugin | undefined): LtiLmsExtension {
  return (plugin ?? {}) as LtiLmsExtension;
}
