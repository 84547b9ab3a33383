import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import type { LtiDeployment } from '../entities/lti-deployment.entity';
import type { LtiRegistration } from '../entities/lti-registration.entity';
import { PlatformKeySetCache } from '../registrations/platform-key-set.cache';
import { RegistrationDirectory } from '../registrations/registration.directory';
import { ToolUrls } from '../registrations/tool-urls.value';
import { CLAIM, MESSAGE_TYPES } from './lti-claims.constants';
import { LtiRejection } from './lti-rejection.error';
import { NonceBinder } from './nonce.binder';

const CLOCK_SKEW_S = 60;

export interface LaunchFacts {
  registration: LtiRegistration;
  deployment: LtiDeployment;
  /** The payload as sent; ltijs verifies the signature next, with `key`. */
  claims: Record<string, unknown>;
  key: KeyObject;
  nonce: string;
  stateHasQuery: boolean;
  /**
   * No state cookie, but the login kept state and nonce in LTI Platform Storage: the browser must read them back
   * there and post them to the second step (`/lti/launch/storage`) before ltijs may see this launch.
   */
  awaitingPlatformStorage: boolean;
}

/** `cookie`: the form_post from the platform; `platform-storage`: its re-post with the values read from platform storage. */
export type StateProof = 'cookie' | 'platform-storage';

/**
 * The checks ltijs 5.9.9 does not make, before ltijs sees the form_post: known and active registration, known
 * deployment, azp when aud is an array, RS256 with a kid the platform publishes (from our cached key set), iat
 * neither too old nor in the future, the nonce bound to this browser's login, a target_link_uri of ours, and the
 * LTI claims ltijs checks loosely. No database write happens here.
 */
@Injectable()
export class LaunchGuard {
  private readonly urls: ToolUrls;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: RegistrationDirectory,
    private readonly keySets: PlatformKeySetCache,
  ) {
    this.urls = new ToolUrls(config.publicUrl);
  }

  async check(req: IncomingMessage & { body?: Record<string, unknown> }, binder: NonceBinder, proof: StateProof = 'cookie'): Promise<LaunchFacts> {
    const body = req.body ?? {};
    if (typeof body.id_token !== 'string') {
      if (typeof body.error === 'string') {
        throw new LtiRejection('PLATFORM_REFUSED', 401, { reason: String(body.error_description ?? body.error) }, String(body.error));
      }
      throw new LtiRejection('LAUNCH_NEEDS_LMS', 400);
    }
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claims: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(body.id_token);
      claims = decodeJwt(body.id_token) as Record<string, unknown>;
    } catch (err) {
      throw new LtiRejection('TOKEN_MALFORMED', 400, {}, (err as Error).message);
    }
    if (header.alg !== 'RS256') throw new LtiRejection('TOKEN_ALG', 401, {}, String(header.alg));
    if (!header.kid) throw new LtiRejection('TOKEN_NO_KID', 401);

    const registration = await this.registrationOf(claims);
    const snapshot = await this.directory.snapshot();
    const deploymentId = claims[CLAIM.deploymentId];
    if (typeof deploymentId !== 'string' || !deploymentId) throw new LtiRejection('DEPLOYMENT_MISSING', 400);
    const deployment = snapshot.deployment(registration.id, deploymentId);
    if (!deployment) throw new LtiRejection('DEPLOYMENT_UNKNOWN', 401, { deploymentId }, registration.id);

    if (!MESSAGE_TYPES.includes(claims[CLAIM.messageType] as never)) {
      throw new LtiRejection('MESSAGE_TYPE', 400, {}, String(claims[CLAIM.messageType]));
    }
    if (claims[CLAIM.version] !== '1.3.0') throw new LtiRejection('LTI_VERSION', 400, {}, String(claims[CLAIM.version]));
    this.checkTimes(claims);
    if (typeof claims.sub !== 'string' || !claims.sub) throw new LtiRejection('SUB_MISSING', 400);
    if (!Array.isArray(claims[CLAIM.roles])) throw new LtiRejection('ROLES_MISSING', 400);
    const link = claims[CLAIM.resourceLink] as { id?: unknown } | undefined;
    if (claims[CLAIM.messageType] === 'LtiResourceLinkRequest' && (typeof link?.id !== 'string' || !link.id)) {
      throw new LtiRejection('RESOURCE_LINK_MISSING', 400);
    }

    const targetLinkUri = claims[CLAIM.targetLinkUri];
    if (typeof targetLinkUri !== 'string' || !targetLinkUri) throw new LtiRejection('TARGET_LINK_URI_MISSING', 400);
    if (!this.urls.owns(targetLinkUri)) throw new LtiRejection('TARGET_LINK_URI_FOREIGN', 401, {}, targetLinkUri);

    const state = typeof body.state === 'string' ? body.state : '';
    if (!state) throw new LtiRejection('STATE_MISMATCH', 401, {}, 'no state in the form_post');
    if (typeof claims.nonce !== 'string' || !claims.nonce) throw new LtiRejection('NONCE_MISSING', 401);
    const bound = binder.verify(claims.nonce, {
      state, iss: registration.issuer, clientId: registration.clientId, targetLinkUri, deploymentId,
    });
    if (!bound.ok) throw new LtiRejection(bound.reason, 401);
    let awaitingPlatformStorage = false;
    if (proof === 'platform-storage') checkStorageProof(body, state, claims.nonce, bound.platformStorage);
    else if (!hasCookie(req, `state${state}`)) {
      if (!bound.platformStorage) throw new LtiRejection('STATE_COOKIE_MISSING', 401);
      awaitingPlatformStorage = true;
    }

    const key = await this.keySets.key(registration, header.kid);
    if (!key) throw new LtiRejection('TOKEN_UNKNOWN_KID', 401, {}, header.kid);
    return { registration, deployment, claims, key, nonce: claims.nonce, stateHasQuery: bound.stateHasQuery, awaitingPlatformStorage };
  }

  /** aud may be one client id, or several with azp naming ours (OIDC Core 3.1.3.7). */
  private async registrationOf(claims: Record<string, unknown>): Promise<LtiRegistration> {
    const iss = typeof claims.iss === 'string' ? claims.iss : '';
    const { aud, azp } = claims;
    let clientId: string;
    if (Array.isArray(aud)) {
      if (typeof azp !== 'string' || !aud.includes(azp)) throw new LtiRejection('TOKEN_AZP', 401, {}, `aud ${aud.join(',')} azp ${azp}`);
      clientId = azp;
    } else if (typeof aud === 'string') {
      if (azp !== undefined && azp !== aud) throw new LtiRejection('TOKEN_AZP', 401, {}, `aud ${aud} azp ${azp}`);
      clientId = aud;
    } else throw new LtiRejection('PLATFORM_UNKNOWN', 401, {}, 'no aud');
    const registration = (await this.directory.snapshot()).registration(iss, clientId);
    if (!registration) throw new LtiRejection('PLATFORM_UNKNOWN', 401, {}, `${iss} ${clientId}`);
    if (!registration.active) throw new LtiRejection('PLATFORM_INACTIVE', 403, {}, registration.id);
    return registration;
  }

  private checkTimes(claims: Record<string, unknown>): void {
    const now = Date.now() / 1000;
    const { iat, exp } = claims;
    if (typeof exp !== 'number' || typeof iat !== 'number') throw new LtiRejection('TOKEN_MALFORMED', 400, {}, 'iat/exp');
    if (exp < now - CLOCK_SKEW_S) throw new LtiRejection('TOKEN_EXPIRED', 401);
    if (iat > now + CLOCK_SKEW_S) throw new LtiRejection('TOKEN_IAT_FUTURE', 401);
    if (now - iat > this.config.lti.idTokenMaxAgeSeconds) throw new LtiRejection('TOKEN_TOO_OLD', 401);
  }
}

/**
 * The second step's stand-in for the state cookie: the login must have used platform storage (a flag inside the nonce's
 * MAC), and the state and nonce read back from the platform's storage must be this launch's own.
 */
function checkStorageProof(body: Record<string, unknown>, state: string, nonce: string, loginUsedStorage: boolean): void {
  if (!loginUsedStorage) throw new LtiRejection('STATE_MISMATCH', 401, {}, 'the login did not use platform storage');
  if (body.storage_state !== state) throw new LtiRejection('STATE_MISMATCH', 401, {}, 'platform storage state differs');
  if (body.storage_nonce !== nonce) throw new LtiRejection('STATE_MISMATCH', 401, {}, 'platform storage nonce differs');
}

/** Whether the request carries a cookie of that name (ltijs parses and verifies its signature afterwards). */
function hasCookie(req: IncomingMessage, name: string): boolean {
  const header = req.headers.cookie ?? '';
  return header.split(';').some((part) => part.trim().startsWith(`${name}=`));
}
