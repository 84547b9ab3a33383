import type { PlatformFlavour, RegisteredTool } from './fake-lti-platform.types';

/**
 * Every URL the fake hands out. Moodle puts `?type_id=<tool type>` on its AGS URLs; the fake does the
 * same in Moodle flavour because tools that append `/scores` to the end of a line item URL (instead of
 * to its path) break exactly there.
 */
export class PlatformUrls {
  constructor(
    readonly baseUrl: string,
    private readonly flavour: PlatformFlavour,
  ) {}

  get jwks(): string {
    return `${this.baseUrl}/jwks`;
  }

  get auth(): string {
    return `${this.baseUrl}/auth`;
  }

  /** LTI Platform Storage frame (on the authorization endpoint's origin, as Canvas serves it). */
  get platformStorage(): string {
    return `${this.baseUrl}/platform-storage`;
  }

  get token(): string {
    return `${this.baseUrl}/token`;
  }

  get openidConfiguration(): string {
    return `${this.baseUrl}/.well-known/openid-configuration`;
  }

  get registration(): string {
    return `${this.baseUrl}/registration`;
  }

  deepLinkReturn(launchId: string): string {
    return `${this.baseUrl}/deep-linking/return?launch=${encodeURIComponent(launchId)}`;
  }

  launchReturn(contextId: string): string {
    return `${this.baseUrl}/course/${encodeURIComponent(contextId)}`;
  }

  nrps(contextId: string): string {
    return `${this.baseUrl}/nrps/contexts/${encodeURIComponent(contextId)}/memberships`;
  }

  lineItems(contextId: string, tool: RegisteredTool): string {
    return this.withTypeId(`${this.baseUrl}/ags/contexts/${encodeURIComponent(contextId)}/lineitems`, tool);
  }

  lineItem(contextId: string, lineItemId: string, tool: RegisteredTool, suffix = ''): string {
    const path = `${this.baseUrl}/ags/contexts/${encodeURIComponent(contextId)}/lineitems/${encodeURIComponent(lineItemId)}${suffix}`;
    return this.withTypeId(path, tool);
  }

  /** The tool-specific query Moodle adds (and requires back) on AGS URLs. */
  typeIdQuery(tool: RegisteredTool): string | undefined {
    return this.flavour === 'moodle' ? String(tool.typeId) : undefined;
  }

  private withTypeId(url: string, tool: RegisteredTool): string {
    const typeId = this.typeIdQuery(tool);
    return typeId ? `${url}?type_id=${typeId}` : url;
  }
}
