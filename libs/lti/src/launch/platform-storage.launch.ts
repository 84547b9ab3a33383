import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { compactVerify } from 'jose';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { LtiHttpPolicy } from '../http/lti-http.policy';
import { renderStorageLaunchPage } from '../pages/storage-launch.page';
import { originOf } from '../registrations/origin-of.util';
import type { LaunchFacts } from './launch.guard';
import { LtiRejection } from './lti-rejection.error';

type FormRequest = IncomingMessage & { body?: Record<string, unknown> };

/** Path of the second step, under /lti. */
export const STORAGE_LAUNCH_PATH = '/launch/storage';

/**
 * The launch when the browser refused our state cookie and the login used LTI Platform Storage (lti-cs-oidc v0.1):
 * step one answers the platform's form_post with a page that reads state and nonce back from the platform's frame;
 * step two (`POST /lti/launch/storage`) gets the same id_token and state plus the values read, from our own page only,
 * and then runs the ordinary launch: the guard compares them with the state and the id_token's nonce (whose MAC
 * binds it to the state and says the login used platform storage), ltijs validates the token against a state
 * cookie we present for it, and the launch write records the nonce once (single use, as on the cookie path).
 */
@Injectable()
export class PlatformStorageLaunch {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policy: LtiHttpPolicy,
  ) {}

  /** Step one: nothing is written; a token that does not verify gets the error page rather than the reading page. */
  async firstStep(req: FormRequest, res: ServerResponse, facts: LaunchFacts): Promise<void> {
    const body = req.body ?? {};
    const idToken = String(body.id_token);
    try {
      await compactVerify(idToken, facts.key, { algorithms: ['RS256'] });
    } catch (err) {
      throw new LtiRejection('TOKEN_SIGNATURE', 401, {}, (err as Error).message);
    }
    const origin = originOf(facts.registration.authLoginUrl);
    if (!origin) throw new LtiRejection('STATE_COOKIE_MISSING', 401, {}, 'registration has no authorization origin');
    const target = typeof body.lti_storage_target === 'string' && body.lti_storage_target ? body.lti_storage_target.slice(0, 200) : '_parent';
    const nonce = this.policy.newNonce();
    const presentation = facts.claims['https://purl.imsglobal.org/spec/lti/claim/launch_presentation'] as { locale?: string } | undefined;
    const html = renderStorageLaunchPage({
      locale: this.policy.locale(req, presentation?.locale), nonce, action: `${this.policy.urls.base}${STORAGE_LAUNCH_PATH}`,
      fields: { id_token: idToken, state: String(body.state), lti_storage_target: target }, tokenNonce: facts.nonce,
      storage: { target, origin },
    });
    await this.policy.sendPage(res, html, { nonce, registrationId: facts.registration.id });
  }

  /**
   * Step two may only come from our own page (the one that read platform storage in this browser): a page elsewhere
   * could post a launch it captured in another browser. Fetch metadata says so where the browser sends it; otherwise
   * the Origin header must be ours (our pages send no referrer, so browsers may send `Origin: null` — then Sec-Fetch-Site
   * is required).
   */
  checkSameOrigin(req: IncomingMessage): void {
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    const ours = this.policy.urls.origin;
    if (site !== undefined && site !== 'same-origin') throw new LtiRejection('STORAGE_LAUNCH_FOREIGN', 403, {}, `Sec-Fetch-Site ${site}`);
    if (origin !== undefined && origin !== 'null' && origin !== ours) throw new LtiRejection('STORAGE_LAUNCH_FOREIGN', 403, {}, `Origin ${origin}`);
    if (site === undefined && origin !== ours) throw new LtiRejection('STORAGE_LAUNCH_FOREIGN', 403, {}, `Origin ${origin ?? 'none'}`);
  }

  /**
   * After the guard accepted the storage proof: ltijs validates the launch against its signed state cookie (value = the
   * issuer) and routes by path, so the request gets that cookie and ltijs' launch path. Same check, other carrier.
   */
  presentStateCookie(req: IncomingMessage & { url?: string }, facts: LaunchFacts, state: string): void {
    const iss = facts.registration.issuer;
    // cookie-parser's signed format (cookie-signature): "s:" + value + "." + base64 HMAC-SHA256 without padding.
    const signature = createHmac('sha256', this.config.lti.encryptionKey).update(iss).digest('base64').replace(/=+$/, '');
    const cookie = `state${state}=${encodeURIComponent(`s:${iss}.${signature}`)}`;
    req.headers.cookie = req.headers.cookie ? `${req.headers.cookie}; ${cookie}` : cookie;
    req.url = '/launch';
  }
}
