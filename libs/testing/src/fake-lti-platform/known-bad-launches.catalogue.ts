import { randomBytes } from 'node:crypto';
import { LTI_SPEC } from './lti-spec.constants';
import type { LaunchCase } from './launch-mutation.types';

const C = LTI_SPEC.claim;
const CERT = '1EdTech LTI 1.3 certification, known bad payloads';
const SEC = 'Security Framework 1.0 §5.1.3 (authentication response validation)';

const removeClaim =
  (name: string) =>
  (claims: Record<string, unknown>): void => {
    delete claims[name];
  };
const setClaim =
  (name: string, value: unknown) =>
  (claims: Record<string, unknown>): void => {
    claims[name] = value;
  };

/**
 * Launches a correct tool must refuse. Each case is data (`id`, `title`, `reference`) plus the
 * mutation that produces it, so an e2e test can run them all with `it.each(KNOWN_BAD_LAUNCHES)`.
 */
export const KNOWN_BAD_LAUNCHES: readonly LaunchCase[] = [
  { id: 'no-kid', title: 'No kid in the JWT header', expect: 'reject', requirement: 'MUST', reference: CERT, mutation: { sign: { kid: null } } },
  {
    id: 'unknown-kid',
    title: 'kid not in the platform JWKS',
    expect: 'reject',
    requirement: 'MUST',
    reference: CERT,
    mutation: { sign: { kid: 'unknown-kid-0000' } },
  },
  {
    id: 'wrong-signature',
    title: 'Signed by another key under the current kid',
    expect: 'reject',
    requirement: 'MUST',
    reference: SEC,
    mutation: { sign: { key: 'foreign' } },
  },
  {
    id: 'hs256',
    title: 'HS256 with the platform public key as HMAC secret (algorithm confusion)',
    expect: 'reject',
    requirement: 'MUST',
    reference: `${SEC}: RS256, no MAC algorithms (there is no shared secret in LTI 1.3)`,
    mutation: { sign: { alg: 'HS256' } },
  },
  {
    id: 'expired',
    title: 'exp and iat in the past (timestamps incorrect)',
    expect: 'reject',
    requirement: 'MUST',
    reference: CERT,
    mutation: { claims: (c, ctx) => void Object.assign(c, { iat: ctx.nowSeconds - 3600, exp: ctx.nowSeconds - 1800 }) },
  },
  {
    id: 'iat-too-old',
    title: 'iat a day old while exp is still in the future',
    expect: 'reject',
    requirement: 'SHOULD',
    reference: `${SEC}: iat may be used to reject tokens issued too long ago`,
    mutation: { claims: (c, ctx) => void Object.assign(c, { iat: ctx.nowSeconds - 86_400, exp: ctx.nowSeconds + 300 }) },
  },
  {
    id: 'iat-in-future',
    title: 'iat an hour in the future',
    expect: 'reject',
    requirement: 'SHOULD',
    reference: `${SEC}: iat`,
    mutation: { claims: (c, ctx) => void Object.assign(c, { iat: ctx.nowSeconds + 3600, exp: ctx.nowSeconds + 7200 }) },
  },
  { id: 'wrong-iss', title: 'iss of another platform', expect: 'reject', requirement: 'MUST', reference: SEC, mutation: { claims: setClaim('iss', 'https://evil.example.com') } },
  {
    id: 'wrong-aud',
    title: 'aud is another client',
    expect: 'reject',
    requirement: 'MUST',
    reference: SEC,
    mutation: { claims: (c) => void Object.assign(c, { aud: 'someone-else', azp: 'someone-else' }) },
  },
  {
    id: 'aud-array-missing-azp',
    title: 'aud array with several audiences and no azp',
    expect: 'reject',
    requirement: 'SHOULD',
    reference: `${SEC}: azp present when there are multiple audiences`,
    mutation: {
      claims: (c, ctx) => {
        c.aud = [ctx.tool.clientId, 'someone-else'];
        delete c.azp;
      },
    },
    ltijsGap: 'ltijs accepts an aud array without azp',
  },
  {
    id: 'aud-array-wrong-azp',
    title: 'aud array whose azp is another client',
    expect: 'reject',
    requirement: 'SHOULD',
    reference: `${SEC}: azp must be the tool's client_id`,
    mutation: { claims: (c, ctx) => void Object.assign(c, { aud: [ctx.tool.clientId, 'someone-else'], azp: 'someone-else' }) },
  },
  { id: 'missing-deployment-id', title: 'deployment_id claim missing', expect: 'reject', requirement: 'MUST', reference: CERT, mutation: { claims: removeClaim(C.deploymentId) } },
  {
    id: 'unknown-deployment-id',
    title: 'deployment_id the tool never saw',
    expect: 'reject',
    requirement: 'MUST',
    reference: 'LTI 1.3 Core: deployment_id identifies a deployment the tool knows',
    mutation: { claims: setClaim(C.deploymentId, 'unknown-deployment') },
    ltijsGap: 'ltijs accepts any deployment_id',
  },
  { id: 'missing-message-type', title: 'message_type claim missing', expect: 'reject', requirement: 'MUST', reference: CERT, mutation: { claims: removeClaim(C.messageType) } },
  {
    id: 'wrong-message-type',
    title: 'message_type not an LTI message (invalid LTI message)',
    expect: 'reject',
    requirement: 'MUST',
    reference: CERT,
    mutation: { claims: setClaim(C.messageType, 'LtiUnknownRequest') },
  },
  { id: 'missing-version', title: 'version claim missing', expect: 'reject', requirement: 'MUST', reference: CERT, mutation: { claims: removeClaim(C.version) } },
  { id: 'wrong-version', title: 'version 1.2.0', expect: 'reject', requirement: 'MUST', reference: CERT, mutation: { claims: setClaim(C.version, '1.2.0') } },
  { id: 'missing-roles', title: 'roles claim missing', expect: 'reject', requirement: 'MUST', reference: CERT, mutation: { claims: removeClaim(C.roles) } },
  {
    id: 'missing-resource-link-id',
    title: 'resource_link without id',
    expect: 'reject',
    requirement: 'MUST',
    reference: CERT,
    mutation: { claims: (c) => void (c[C.resourceLink] = { title: (c[C.resourceLink] as { title?: string })?.title }) },
  },
  { id: 'missing-sub', title: 'sub missing (user claim missing)', expect: 'reject', requirement: 'MUST', reference: CERT, mutation: { claims: removeClaim('sub') } },
  { id: 'missing-nonce', title: 'nonce missing', expect: 'reject', requirement: 'MUST', reference: SEC, mutation: { claims: removeClaim('nonce') } },
  {
    id: 'nonce-replayed',
    title: 'nonce of an earlier successful launch',
    expect: 'reject',
    requirement: 'SHOULD',
    reference: `${SEC}: the tool should not accept a nonce twice`,
    mutation: {
      flow: { requiresPriorLaunch: true },
      claims: (c, ctx) => {
        if (!ctx.previousNonces.length) throw new Error('nonce-replayed needs a prior launch');
        c.nonce = ctx.previousNonces[0];
      },
    },
  },
  {
    id: 'nonce-not-issued',
    title: 'fresh nonce that is not the one the tool sent',
    expect: 'reject',
    requirement: 'MUST',
    reference: 'OpenID Connect Core §3.2.2.11: nonce must equal the one sent in the authentication request',
    mutation: { claims: setClaim('nonce', randomBytes(16).toString('hex')) },
    ltijsGap: 'ltijs does not bind the id_token nonce to the login nonce',
  },
  {
    id: 'no-state-cookie',
    title: 'form_post arrives without the state cookie set at login',
    expect: 'reject',
    requirement: 'MUST',
    reference: 'OpenID Connect Core / RFC 6749 §10.12: state binds the response to the browser (CSRF)',
    mutation: { flow: { dropStateCookie: true } },
  },
  {
    id: 'state-mismatch',
    title: 'state in the form_post differs from the one the tool issued',
    expect: 'reject',
    requirement: 'MUST',
    reference: 'OpenID Connect Core §3.1.2.7 / RFC 6749 §10.12',
    mutation: { flow: { forgeState: true } },
  },
  {
    id: 'target-link-uri-mismatch',
    title: 'target_link_uri claim points outside the tool',
    expect: 'reject',
    requirement: 'SHOULD',
    reference: 'LTI 1.3 Core target_link_uri claim: defence against open redirects',
    mutation: { claims: setClaim(C.targetLinkUri, 'https://evil.example.com/launch') },
    ltijsGap: 'ltijs does not compare target_link_uri',
  },
];
