import { decodeJwt } from 'jose';
import { LTI_SPEC } from './lti-spec.constants';
import { httpIo, type FakeRequest, type FakeResponse } from './http-io.util';
import type { LaunchPreparer } from './launch.preparer';
import type { PlatformRegistry } from './platform.registry';
import type { ToolKeyResolver } from './tool-key.resolver';
import type { PlatformInfo } from './fake-lti-platform.types';

export interface ContentItem {
  type: string;
  [field: string]: unknown;
}

export interface DeepLinkingReturn {
  at: Date;
  launchId?: string;
  clientId?: string;
  status: number;
  claims?: Record<string, unknown>;
  contentItems: ContentItem[];
  accepted: ContentItem[];
  rejected: { item: ContentItem; reason: string }[];
  msg?: string;
  errormsg?: string;
  error?: string;
}

const C = LTI_SPEC.claim;

/**
 * Deep Linking 2.0 return endpoint (LtiDeepLinkingResponse): the tool posts form field `JWT`, signed with its own key.
 * The platform checks the signature against the tool's JWKS, the audience (its issuer), the deployment
 * and the `data` round-trip, then keeps the content items it can use. Moodle flavour keeps only
 * `ltiResourceLink` items, as Moodle does.
 */
export class DeepLinkingFakeHandler {
  readonly returns: DeepLinkingReturn[] = [];

  constructor(
    private readonly platform: PlatformInfo,
    private readonly registry: PlatformRegistry,
    private readonly preparer: LaunchPreparer,
    private readonly keys: ToolKeyResolver,
    private readonly now: () => Date,
  ) {}

  async handle(req: FakeRequest): Promise<FakeResponse> {
    const launchId = req.url.searchParams.get('launch') ?? undefined;
    const base: DeepLinkingReturn = { at: this.now(), launchId, status: 400, contentItems: [], accepted: [], rejected: [] };
    const fail = (error: string): FakeResponse => {
      this.returns.push({ ...base, error });
      return httpIo.html(400, 'Deep linking failed', `<p>${httpIo.escapeHtml(error)}</p>`);
    };
    if (req.method !== 'POST') return fail('deep linking response must be POSTed');
    const jwt = httpIo.form(req).JWT;
    if (!jwt) return fail('form field JWT is missing');
    const launch = this.preparer.byMessageHint(launchId);
    if (!launch?.deepLinking) return fail('deep_link_return_url does not belong to a deep linking request');

    let clientId: string | undefined;
    try {
      clientId = String(decodeJwt(jwt).iss ?? '');
    } catch {
      return fail('JWT is not a JWT');
    }
    base.clientId = clientId;
    const tool = this.registry.tool(clientId);
    if (!tool || tool.clientId !== launch.tool.clientId) return fail(`iss ${clientId} is not the tool that was launched`);

    let claims: Record<string, unknown>;
    try {
      const verified = await this.keys.verify(jwt, tool, {
        issuer: tool.clientId,
        audience: this.platform.issuer,
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'nonce'],
      });
      claims = verified.payload;
    } catch (err) {
      return fail(`JWT rejected: ${(err as Error).message}`);
    }
    base.claims = claims;
    if (claims[C.messageType] !== LTI_SPEC.messageType.deepLinkingResponse) return fail(`message_type must be LtiDeepLinkingResponse`);
    if (claims[C.version] !== LTI_SPEC.version) return fail('version must be 1.3.0');
    if (claims[C.deploymentId] !== launch.deploymentId) return fail('deployment_id does not match the request');
    const sentData = launch.deepLinking.data;
    if (sentData !== undefined && claims[C.dlData] !== sentData) return fail('data claim does not echo the request data');

    const items = (claims[C.dlContentItems] ?? []) as ContentItem[];
    if (!Array.isArray(items)) return fail('content_items must be an array');
    const result: DeepLinkingReturn = {
      ...base,
      status: 200,
      contentItems: items,
      msg: claims[C.dlMsg] as string | undefined,
      errormsg: claims[C.dlErrorMsg] as string | undefined,
    };
    const acceptTypes = this.platform.flavour === 'moodle' ? ['ltiResourceLink'] : (launch.deepLinking.accept_types ?? []);
    for (const item of items) {
      const reason = !item || typeof item.type !== 'string'
        ? 'content item without type'
        : !acceptTypes.includes(item.type)
          ? `type ${item.type} is not accepted (${acceptTypes.join(', ')})`
          : undefined;
      if (reason) result.rejected.push({ item, reason });
      else result.accepted.push(item);
    }
    if (launch.deepLinking.accept_multiple === false && result.accepted.length > 1) {
      result.rejected.push(...result.accepted.splice(1).map((item) => ({ item, reason: 'accept_multiple is false' })));
    }
    if (items.length && !result.accepted.length) {
      result.status = 400;
      result.error = 'no usable content item';
    }
    this.returns.push(result);
    const summary = `<p>${result.accepted.length} item(s) added, ${result.rejected.length} rejected</p>`;
    return httpIo.html(result.status, result.status === 200 ? 'Content added' : 'Deep linking failed', summary);
  }
}
