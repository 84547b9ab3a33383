import { randomBytes, randomInt } from 'node:crypto';
import { jwtVerify, createLocalJWKSet } from 'jose';
import { LTI_SPEC } from './lti-spec.constants';
import { httpIo, type FakeRequest, type FakeResponse } from './http-io.util';
import { buildOpenIdConfiguration } from './platform-configuration.factory';
import { validateToolRegistration } from './tool-registration.validator';
import type { PlatformClock } from './platform.clock';
import type { PlatformKeyStore } from './platform-key.store';
import type { PlatformRegistry } from './platform.registry';
import type { PlatformUrls } from './platform.urls';
import type { PlatformInfo, PrivacyLevel, RegisteredTool } from './fake-lti-platform.types';

export interface DynamicRegistrationRecord {
  at: Date;
  status: number;
  request: unknown;
  response?: Record<string, unknown>;
  error?: string;
  clientId?: string;
  deploymentId?: string;
  privacyLevel?: PrivacyLevel;
  placements: string[];
  tool?: RegisteredTool;
}

export interface DynamicRegistrationDeps {
  platform: PlatformInfo;
  urls: PlatformUrls;
  registry: PlatformRegistry;
  keys: PlatformKeyStore;
  clock: PlatformClock;
  authorizationServer: string;
  /** Canvas documents that the OpenID configuration itself needs the registration token. */
  configurationNeedsToken: boolean;
}

/**
 * LTI Dynamic Registration 1.0, platform side: the OpenID configuration and the registration endpoint.
 * Registration tokens are platform-signed JWTs (as Moodle's are) and single-use; Moodle flavour answers
 * errors as plain text the way Moodle's openid-registration.php does, the others as RFC 7591 JSON.
 */
export class DynamicRegistrationFakeHandler {
  readonly registrations: DynamicRegistrationRecord[] = [];
  private readonly usedTokens = new Set<string>();

  constructor(private readonly deps: DynamicRegistrationDeps) {}

  async issueRegistrationToken(ttlSeconds = 3600): Promise<string> {
    const now = this.deps.clock.nowSeconds();
    const clientId = this.deps.platform.flavour === 'canvas' ? `1000000000${randomInt(1000, 9999)}` : randomBytes(8).toString('hex');
    return this.deps.keys.sign({ sub: clientId, scope: 'reg', iat: now, exp: now + ttlSeconds, jti: randomBytes(8).toString('hex') });
  }

  async openidConfiguration(req: FakeRequest): Promise<FakeResponse> {
    if (req.method !== 'GET') return httpIo.error(405, 'method_not_allowed', 'GET');
    if (this.deps.configurationNeedsToken) {
      const token = httpIo.bearer(req) ?? req.url.searchParams.get('registration_token') ?? undefined;
      const check = token ? await this.checkToken(token, false) : { error: 'registration token required' };
      if ('error' in check) return httpIo.error(401, 'invalid_token', check.error);
    }
    return httpIo.json200(buildOpenIdConfiguration(this.deps.platform, this.deps.urls, this.deps.authorizationServer));
  }

  async register(req: FakeRequest): Promise<FakeResponse> {
    const request = httpIo.json(req);
    const record = (status: number, extra: Partial<DynamicRegistrationRecord>): void => {
      this.registrations.push({ at: this.deps.clock.date(), status, request: request ?? req.rawBody, placements: [], ...extra });
    };
    const fail = (status: number, error: string): FakeResponse => {
      record(status, { error });
      if (this.deps.platform.flavour === 'moodle') return { status, body: error, contentType: 'text/plain; charset=utf-8' };
      return httpIo.error(status, status === 401 ? 'invalid_token' : 'invalid_client_metadata', error);
    };
    if (req.method !== 'POST') return fail(405, 'registration must be POSTed');
    const token = httpIo.bearer(req);
    if (!token) return fail(401, 'missing_registration_token');
    const check = await this.checkToken(token, true);
    if ('error' in check) return fail(401, check.error);
    if (httpIo.mediaType(req) !== 'application/json') return fail(400, 'Content-Type must be application/json');

    const validation = validateToolRegistration(request, this.deps.platform.flavour);
    if (!validation.ok) return fail(400, validation.error);
    this.usedTokens.add(token);

    const { request: r, config } = validation;
    const supported: string[] = Object.values(LTI_SPEC.scope);
    const scopes = (r.scope ?? '').split(/\s+/).filter((s) => supported.includes(s));
    const dlMessage = config.messages?.find((m) => m.type === LTI_SPEC.messageType.deepLinkingRequest);
    const tool = this.deps.registry.registerTool(
      {
        clientId: check.clientId,
        name: r.client_name,
        loginUrl: r.initiate_login_uri!,
        redirectUris: r.redirect_uris!,
        targetLinkUri: config.target_link_uri,
        deepLinkingUrl: dlMessage?.target_link_uri ?? config.target_link_uri,
        jwksUrl: r.jwks_uri,
        scopes,
        privacyLevel: validation.privacyLevel,
        customParameters: config.custom_parameters,
      },
      validation.placements,
    );
    const deploymentId = tool.deploymentIds[0];
    const response: Record<string, unknown> = {
      ...r,
      client_id: tool.clientId,
      scope: scopes.join(' '),
      [LTI_SPEC.registration.toolConfiguration]: { ...config, deployment_id: deploymentId },
    };
    record(200, {
      response,
      clientId: tool.clientId,
      deploymentId,
      privacyLevel: validation.privacyLevel,
      placements: validation.placements,
      tool,
    });
    return httpIo.json200(response);
  }

  private async checkToken(token: string, forRegistration: boolean): Promise<{ clientId: string } | { error: string }> {
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(this.deps.keys.jwks() as never), {
        algorithms: ['RS256'],
        currentDate: this.deps.clock.date(),
      });
      if (payload.scope !== 'reg' || typeof payload.sub !== 'string') return { error: 'not a registration token' };
      if (forRegistration && (this.usedTokens.has(token) || this.deps.registry.tool(payload.sub))) return { error: 'token_already_used' };
      return { clientId: payload.sub };
    } catch (err) {
      return { error: `invalid registration token: ${(err as Error).message}` };
    }
  }
}
