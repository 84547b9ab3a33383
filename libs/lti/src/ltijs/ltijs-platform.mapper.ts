import type { KeyObject } from 'node:crypto';
import type { LtiRegistration } from '../entities/lti-registration.entity';
import type { LtijsDocument, LtijsPlatformDocument } from './ltijs.types';

/** A registration as ltijs' `platform` document; `verifiedKey` replaces the key set URL for one launch. */
export function toPlatformDocument(r: LtiRegistration, verifiedKey?: KeyObject): LtijsPlatformDocument {
  return {
    platformName: r.name,
    platformUrl: r.issuer,
    clientId: r.clientId,
    authEndpoint: r.authLoginUrl,
    accesstokenEndpoint: r.authTokenUrl,
    ...(r.authServer ? { authorizationServer: r.authServer } : {}),
    kid: r.id,
    authConfig: verifiedKey ? { method: 'RSA_KEY', key: verifiedKey } : { method: r.authMethod, key: r.authKey },
  };
}

/** The registration columns a ltijs `platform` document (or a modification of one) sets. */
export function registrationFields(doc: LtijsDocument): Partial<LtiRegistration> {
  const out: Partial<LtiRegistration> = {};
  if (typeof doc.platformName === 'string') out.name = doc.platformName;
  if (typeof doc.platformUrl === 'string') out.issuer = doc.platformUrl;
  if (typeof doc.clientId === 'string') out.clientId = doc.clientId;
  if (typeof doc.authEndpoint === 'string') out.authLoginUrl = doc.authEndpoint;
  if (typeof doc.accesstokenEndpoint === 'string') out.authTokenUrl = doc.accesstokenEndpoint;
  if (typeof doc.authorizationServer === 'string') out.authServer = doc.authorizationServer;
  const auth = doc.authConfig as { method?: LtiRegistration['authMethod']; key?: unknown } | undefined;
  if (auth?.method) out.authMethod = auth.method;
  if (typeof auth?.key === 'string') out.authKey = auth.key;
  return out;
}
