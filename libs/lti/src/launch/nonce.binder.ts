import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface NonceBinding {
  state: string;
  iss: string;
  clientId: string;
  targetLinkUri: string;
  /** `lti_deployment_id` of the login initiation ('' when the platform did not send one). */
  deploymentId: string;
}

export type NonceCheck =
  | { ok: true; stateHasQuery: boolean; platformStorage: boolean }
  | { ok: false; reason: 'NONCE_MISMATCH' | 'NONCE_EXPIRED' };

/** How long a platform may take between our login answer and the id_token arriving (user on a slow SSO page). */
const LOGIN_TTL_MS = 10 * 60_000;
const CLOCK_SKEW_MS = 60_000;

/**
 * The id_token nonce, issued by us at login and bound to that login: 128 random bits (CSPRNG; ltijs uses
 * Math.random) plus the login time and an HMAC over the state, issuer, client id, target link URI and deployment.
 * At launch the token's nonce must carry a valid MAC for the state the browser posts back and the token's own
 * claims, so a nonce from another login, a forged one, or a changed target_link_uri is refused without any
 * database read. Single use is recorded by the launch transaction (a unique insert of the nonce).
 */
export class NonceBinder {
  private readonly key: Buffer;

  constructor(secret: string, private readonly now: () => number = Date.now) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'o2o-bridge', 'lti login nonce binding', 32));
  }

  /**
   * `platformStorage`: the login page was told where the platform keeps LTI Platform Storage (lti_storage_target),
   * so a launch without the state cookie may prove its state from there instead. Inside the MAC like every flag.
   */
  issue(binding: NonceBinding & { stateHasQuery: boolean; platformStorage?: boolean }): string {
    const random = randomBytes(16).toString('base64url');
    const issuedAt = this.now().toString(36);
    const flags = `${binding.stateHasQuery ? 'q' : ''}${binding.deploymentId ? 'd' : ''}${binding.platformStorage ? 's' : ''}` || 'n';
    return `${random}.${issuedAt}.${flags}.${this.mac(random, issuedAt, flags, binding)}`;
  }

  verify(nonce: string, binding: NonceBinding): NonceCheck {
    const parts = nonce.split('.');
    if (parts.length !== 4) return { ok: false, reason: 'NONCE_MISMATCH' };
    const [random, issuedAt, flags, mac] = parts;
    const expected = Buffer.from(this.mac(random, issuedAt, flags, flags.includes('d') ? binding : { ...binding, deploymentId: '' }));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'NONCE_MISMATCH' };
    const age = this.now() - parseInt(issuedAt, 36);
    if (!(age >= -CLOCK_SKEW_MS)) return { ok: false, reason: 'NONCE_MISMATCH' };
    if (age > LOGIN_TTL_MS) return { ok: false, reason: 'NONCE_EXPIRED' };
    return { ok: true, stateHasQuery: flags.includes('q'), platformStorage: flags.includes('s') };
  }

  private mac(random: string, issuedAt: string, flags: string, b: NonceBinding): string {
    return createHmac('sha256', this.key)
      .update([random, issuedAt, flags, b.state, b.iss, b.clientId, b.targetLinkUri, b.deploymentId].join('\u0000'))
      .digest('base64url');
  }
}
