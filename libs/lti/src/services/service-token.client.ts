import { createPrivateKey, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import type { LtiRegistration } from '../entities/lti-registration.entity';
import { TypeormLtijsStore } from '../ltijs/typeorm-ltijs.store';
import { LmsCallError } from './lms-call.error';

interface CachedToken {
  token: string;
  expiresAt: number;
}

/**
 * OAuth 2.0 client credentials with a signed JWT assertion (LTI Security Framework §4.1), for NRPS and AGS calls.
 * The assertion has a random jti (ltijs uses Math.random) and the platform's authorization server as audience when it
 * names one (Canvas). Tokens are reused until shortly before they expire.
 */
@Injectable()
export class ServiceTokenClient {
  private readonly cache = new Map<string, CachedToken>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: TypeormLtijsStore,
  ) {}

  async token(registration: LtiRegistration, scopes: string[], headers: Record<string, string>): Promise<string> {
    const key = `${registration.id}\u0000${[...scopes].sort().join(' ')}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > Date.now() + 30_000) return cached.token;
    const assertion = await this.assertion(registration);
    let res: Response;
    try {
      res = await fetch(registration.authTokenUrl, {
        method: 'POST',
        signal: AbortSignal.timeout(this.config.lti.serviceTimeoutMs),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion,
          scope: scopes.join(' '),
        }),
      });
    } catch (err) {
      throw new LmsCallError(`token endpoint unreachable: ${(err as Error).message}`, null, true);
    }
    const text = await res.text();
    if (!res.ok) throw LmsCallError.fromStatus('token endpoint', res.status, text);
    const body = JSON.parse(text) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new LmsCallError('token endpoint answered without access_token', res.status, false);
    this.cache.set(key, { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 });
    return body.access_token;
  }

  /** Forgets a token the platform refused (expired early, revoked): the next call asks for a new one. */
  forget(registration: LtiRegistration): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${registration.id}\u0000`)) this.cache.delete(key);
  }

  private async assertion(registration: LtiRegistration): Promise<string> {
    const keys = await this.store.keyRepository.get('private', registration.id);
    if (!keys) throw new LmsCallError(`no private key for registration ${registration.id}`, null, false);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', kid: registration.id, typ: 'JWT' })
      .setIssuer(registration.clientId).setSubject(registration.clientId)
      .setAudience(registration.authServer || registration.authTokenUrl)
      .setIssuedAt(now).setExpirationTime(now + 300)
      .sign(createPrivateKey(String(keys[0].key)));
  }
}
