import { decodeJwt } from 'jose';
import { LTI_SPEC } from './lti-spec.constants';
import { httpIo, type FakeRequest, type FakeResponse } from './http-io.util';
import type { AccessTokenStore } from './access-token.store';
import type { PlatformClock } from './platform.clock';
import type { PlatformRegistry } from './platform.registry';
import type { ToolKeyResolver } from './tool-key.resolver';

export interface TokenRequestRecord {
  at: Date;
  clientId?: string;
  requestedScopes: string[];
  grantedScopes: string[];
  outcome: 'issued' | string;
}

export interface TokenHandlerDeps {
  registry: PlatformRegistry;
  tokens: AccessTokenStore;
  keys: ToolKeyResolver;
  clock: PlatformClock;
  /** Accepted values of the assertion `aud`: the token endpoint URL and the authorization server id. */
  audiences: () => string[];
}

/**
 * OAuth 2.0 client credentials grant with a JWT client assertion (Security Framework 1.0 §4.1,
 * RFC 7523). Errors follow RFC 6749 §5.2: 400 for request problems, 401 `invalid_client` when the
 * client could not be authenticated.
 */
export class TokenFakeHandler {
  readonly requests: TokenRequestRecord[] = [];
  /** jti -> exp, so a replayed assertion is refused until it would have expired anyway. */
  private readonly usedJti = new Map<string, number>();

  constructor(private readonly deps: TokenHandlerDeps) {}

  async handle(req: FakeRequest): Promise<FakeResponse> {
    const form = httpIo.form(req);
    const requestedScopes = (form.scope ?? '').split(/\s+/).filter(Boolean);
    const fail = (status: number, error: string, description: string, clientId?: string): FakeResponse => {
      this.requests.push({ at: this.deps.clock.date(), clientId, requestedScopes, grantedScopes: [], outcome: error });
      return { ...httpIo.error(status, error, description), headers: { 'Cache-Control': 'no-store' } };
    };

    if (httpIo.mediaType(req) !== 'application/x-www-form-urlencoded') {
      return fail(400, 'invalid_request', 'body must be application/x-www-form-urlencoded');
    }
    if (form.grant_type !== 'client_credentials') {
      return fail(400, 'unsupported_grant_type', `grant_type must be client_credentials, got ${form.grant_type}`);
    }
    if (form.client_assertion_type !== LTI_SPEC.oauth.clientAssertionType) {
      return fail(400, 'invalid_request', 'client_assertion_type must be the jwt-bearer URN');
    }
    if (!form.client_assertion) return fail(400, 'invalid_request', 'client_assertion is missing');
    if (!requestedScopes.length) return fail(400, 'invalid_scope', 'scope is missing');

    let claimedClient: string | undefined;
    try {
      const unverified = decodeJwt(form.client_assertion);
      claimedClient = typeof unverified.iss === 'string' ? unverified.iss : undefined;
    } catch {
      return fail(401, 'invalid_client', 'client_assertion is not a JWT');
    }
    const tool = claimedClient ? this.deps.registry.tool(claimedClient) : undefined;
    if (!tool) return fail(401, 'invalid_client', `unknown client ${claimedClient}`, claimedClient);

    try {
      const { payload } = await this.deps.keys.verify(form.client_assertion, tool, {
        issuer: tool.clientId,
        subject: tool.clientId,
        audience: this.deps.audiences(),
        requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat', 'jti'],
      });
      const jti = String(payload.jti);
      this.forgetExpiredJti();
      if (this.usedJti.has(jti)) return fail(401, 'invalid_client', `jti ${jti} already used`, tool.clientId);
      this.usedJti.set(jti, Number(payload.exp));
    } catch (err) {
      return fail(401, 'invalid_client', `client assertion rejected: ${(err as Error).message}`, tool.clientId);
    }

    // RFC 6749 §3.3: the server may grant less than asked; it refuses only when nothing is left.
    const granted = requestedScopes.filter((s) => tool.scopes.includes(s));
    if (!granted.length) {
      return fail(400, 'invalid_scope', `none of the requested scopes is granted to ${tool.clientId}`, tool.clientId);
    }
    const issued = this.deps.tokens.issue(tool.clientId, granted);
    this.requests.push({
      at: this.deps.clock.date(),
      clientId: tool.clientId,
      requestedScopes,
      grantedScopes: granted,
      outcome: 'issued',
    });
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
      body: {
        access_token: issued.token,
        token_type: 'Bearer',
        expires_in: issued.expiresAt - issued.issuedAt,
        scope: granted.join(' '),
      },
    };
  }

  private forgetExpiredJti(): void {
    const now = this.deps.clock.nowSeconds();
    for (const [jti, exp] of this.usedJti) if (exp < now - 60) this.usedJti.delete(jti);
  }
}
