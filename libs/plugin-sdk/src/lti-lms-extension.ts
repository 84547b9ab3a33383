import type { LmsPlugin } from './lms-plugin';

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
 * What the LTI capability asks of an LMS plugin beyond LmsPlugin, all optional; a plugin without them gets the LTI
 * specification's defaults. Example:
 * ```ts
 * class CanvasPlugin implements LmsPlugin, LtiLmsExtension {
 *   configurationDocuments(tool: ToolEndpoints) { return { 'canvas.json': developerKeyJson(tool) }; }
 * }
 * ```
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

/** The LTI extension of an LMS plugin (all of it optional). */
export function ltiExtensionOf(plugin: LmsPlugin | undefined): LtiLmsExtension {
  return (plugin ?? {}) as LtiLmsExtension;
}
