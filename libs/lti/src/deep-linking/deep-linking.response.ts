import { createPrivateKey, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { CLAIM } from '../launch/lti-claims.constants';

export interface ContentItem {
  type: 'ltiResourceLink';
  title: string;
  text?: string;
  url: string;
  custom?: Record<string, string>;
  lineItem?: { scoreMaximum: number; label: string; resourceId: string; tag: string };
}

export interface DeepLinkingResponseInput {
  clientId: string;
  issuer: string;
  deploymentId: string;
  kid: string;
  privateKeyPem: string;
  items: ContentItem[];
  data?: string;
  message?: string;
}

/**
 * The LtiDeepLinkingResponse JWT (Deep Linking 2.0 §4): signed with the registration's key, a CSPRNG nonce, the
 * request's `data` echoed, and the error-message claim spelled as the specification spells it.
 */
export function signDeepLinkingResponse(input: DeepLinkingResponseInput): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    nonce: randomBytes(16).toString('base64url'),
    [CLAIM.deploymentId]: input.deploymentId,
    [CLAIM.messageType]: 'LtiDeepLinkingResponse',
    [CLAIM.version]: '1.3.0',
    [CLAIM.dlContentItems]: input.items,
  };
  if (input.data !== undefined) claims[CLAIM.dlData] = input.data;
  if (input.message) claims[CLAIM.dlMsg] = input.message;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: input.kid, typ: 'JWT' })
    .setIssuer(input.clientId).setAudience(input.issuer).setIssuedAt(now).setExpirationTime(now + 300)
    .sign(createPrivateKey(input.privateKeyPem));
}
