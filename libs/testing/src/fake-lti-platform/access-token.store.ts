import { randomBytes } from 'node:crypto';
import type { PlatformClock } from './platform.clock';
import { httpIo, type FakeRequest, type FakeResponse } from './http-io.util';

export interface IssuedAccessToken {
  token: string;
  clientId: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
}

export type BearerCheck = { ok: true; token: IssuedAccessToken } | { ok: false; response: FakeResponse };

/**
 * Opaque access tokens from the /token endpoint and the bearer check used by NRPS and AGS.
 * Opaque on purpose: a tool must never parse them, and a JWT here would invite that.
 */
export class AccessTokenStore {
  private readonly tokens = new Map<string, IssuedAccessToken>();

  constructor(
    private readonly clock: PlatformClock,
    private readonly ttlSeconds: number,
  ) {}

  issue(clientId: string, scopes: string[]): IssuedAccessToken {
    const now = this.clock.nowSeconds();
    const issued: IssuedAccessToken = {
      token: randomBytes(24).toString('base64url'),
      clientId,
      scopes,
      issuedAt: now,
      expiresAt: now + this.ttlSeconds,
    };
    this.tokens.set(issued.token, issued);
    return issued;
  }

  issued(): IssuedAccessToken[] {
    return [...this.tokens.values()];
  }

  /** Makes a token unusable before its expiry (an admin revoking the tool). */
  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /**
   * RFC 6750 answers: 401 `invalid_token` for missing, unknown or expired tokens; 403
   * `insufficient_scope` when the token lacks every one of `anyOfScopes`.
   */
  check(req: FakeRequest, anyOfScopes: readonly string[]): BearerCheck {
    const value = httpIo.bearer(req);
    const token = value ? this.tokens.get(value) : undefined;
    if (!token || token.expiresAt <= this.clock.nowSeconds()) {
      const reason = !value ? 'missing bearer token' : !token ? 'unknown access token' : 'access token expired';
      return {
        ok: false,
        response: httpIo.error(401, 'invalid_token', reason, {
          'WWW-Authenticate': `Bearer error="invalid_token", error_description="${reason}"`,
        }),
      };
    }
    if (!anyOfScopes.some((s) => token.scopes.includes(s))) {
      return {
        ok: false,
        response: httpIo.error(403, 'insufficient_scope', `requires one of: ${anyOfScopes.join(' ')}`, {
          'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${anyOfScopes.join(' ')}"`,
        }),
      };
    }
    return { ok: true, token };
  }
}
