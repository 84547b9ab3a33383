import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { LtiHttpPolicy } from '../http/lti-http.policy';
import { LtiRequestScope, LtiRequestState } from '../ltijs/lti-request.scope';
import { cookiePolicy } from '../ltijs/cookie.policy';
import { LtijsHost } from '../ltijs/ltijs.host';
import type { LtiRegistration } from '../entities/lti-registration.entity';
import { renderLoginContinuePage } from '../pages/login-continue.page';
import { originOf } from '../registrations/origin-of.util';
import { RegistrationDirectory } from '../registrations/registration.directory';
import { LtiRejection } from './lti-rejection.error';
import { NonceBinder } from './nonce.binder';

/** Non-HttpOnly twin of the state cookie: the login page reads it to tell whether the browser keeps our cookies. */
export const PROBE_COOKIE = 'o2o_lti_probe';
const LOGIN_PARAMS = ['iss', 'login_hint', 'target_link_uri', 'lti_message_hint', 'client_id', 'lti_deployment_id', 'lti_storage_target'];

/**
 * OIDC third-party login initiation (GET or POST /lti/login). We check what ltijs does not (the registration is
 * active, the deployment is known, the target link is ours, client_id is present when an issuer has several
 * registrations), let ltijs create the state and its cookie, then replace its Math.random nonce by one bound to
 * this login and answer with a page that continues to the platform (when cookies are blocked: through LTI Platform
 * Storage where the login names it, else by offering a new window).
 */
@Injectable()
export class LoginFlow {
  private readonly binder: NonceBinder;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: RegistrationDirectory,
    private readonly host: LtijsHost,
    private readonly policy: LtiHttpPolicy,
  ) {
    this.binder = new NonceBinder(config.lti.encryptionKey);
  }

  get nonces(): NonceBinder {
    return this.binder;
  }

  async handle(req: IncomingMessage & { query?: Record<string, unknown>; body?: Record<string, unknown> }, res: ServerResponse): Promise<void> {
    const params: Record<string, string> = {};
    for (const source of [req.query ?? {}, req.body ?? {}]) {
      for (const [k, v] of Object.entries(source)) if (typeof v === 'string') params[k] = v;
    }
    if (!params.iss || !params.login_hint || !params.target_link_uri) throw new LtiRejection('LOGIN_PARAMS_MISSING', 400);
    const registration = await this.registrationFor(params);
    if (!this.policy.urls.owns(params.target_link_uri)) {
      throw new LtiRejection('TARGET_LINK_URI_FOREIGN', 400, {}, params.target_link_uri);
    }
    // ltijs hands the login to the first registration of the issuer when client_id is missing; make it ours.
    if (!params.client_id) {
      if (req.body && Object.keys(req.body).length) req.body.client_id = registration.clientId;
      // Express recomputes req.query from the URL, so a GET login gets the parameter in its URL.
      else req.url = `${req.url}${req.url?.includes('?') ? '&' : '?'}client_id=${encodeURIComponent(registration.clientId)}`;
    }

    await LtiRequestScope.run(async () => {
      const scope = LtiRequestScope.current()!;
      (res as unknown as { redirect: (url: string) => void }).redirect = (target: string) => {
        void this.continue(req, res, target, params, registration, scope).catch((err) => this.policy.sendError(req, res, err));
      };
      await this.host.handle(req, res);
    });
  }

  private async registrationFor(params: Record<string, string>): Promise<LtiRegistration> {
    const snapshot = await this.directory.snapshot();
    let registration: LtiRegistration | undefined;
    if (params.client_id) registration = snapshot.registration(params.iss, params.client_id);
    else {
      const candidates = snapshot.forIssuer(params.iss);
      if (candidates.length > 1) throw new LtiRejection('LOGIN_CLIENT_ID_REQUIRED', 400, {}, params.iss);
      registration = candidates[0];
    }
    if (!registration) throw new LtiRejection('PLATFORM_UNKNOWN', 400, {}, `${params.iss} ${params.client_id ?? ''}`);
    if (!registration.active) throw new LtiRejection('PLATFORM_INACTIVE', 403, {}, registration.id);
    if (params.lti_deployment_id && !snapshot.deployment(registration.id, params.lti_deployment_id)) {
      throw new LtiRejection('DEPLOYMENT_UNKNOWN', 400, { deploymentId: params.lti_deployment_id }, registration.id);
    }
    return registration;
  }

  private async continue(
    req: IncomingMessage, res: ServerResponse, target: string, params: Record<string, string>,
    registration: LtiRegistration, scope: LtiRequestState,
  ): Promise<void> {
    const auth = new URL(target);
    const authParams = Object.fromEntries(auth.searchParams);
    authParams.nonce = this.binder.issue({
      state: authParams.state, iss: registration.issuer, clientId: authParams.client_id, targetLinkUri: params.target_link_uri,
      deploymentId: params.lti_deployment_id ?? '', stateHasQuery: !!scope.stateStoredAtLogin,
      platformStorage: !!params.lti_storage_target,
    });
    auth.search = '';
    const cookies = cookiePolicy(this.config);
    const probe = `${PROBE_COOKIE}=1; Path=/lti; Max-Age=120; SameSite=${cookies.sameSite}${cookies.secure ? '; Secure' : ''}`;
    const existing = res.getHeader('Set-Cookie');
    res.setHeader('Set-Cookie', [...(Array.isArray(existing) ? existing : existing ? [String(existing)] : []), probe]);
    const again = new URL(this.policy.urls.login);
    // The new window is top-level: its cookie is first-party and it has no platform frame to store in.
    for (const name of LOGIN_PARAMS) if (params[name] && name !== 'lti_storage_target') again.searchParams.set(name, params[name]);
    const nonce = this.policy.newNonce();
    const storageOrigin = originOf(auth.toString());
    const html = renderLoginContinuePage({
      locale: this.policy.locale(req), nonce, authEndpoint: auth.toString(), authParams,
      newWindowUrl: again.toString(), probeCookie: PROBE_COOKIE,
      storage: params.lti_storage_target && storageOrigin ? { target: params.lti_storage_target.slice(0, 200), origin: storageOrigin } : undefined,
    });
    await this.policy.sendPage(res, html, { nonce, formTargets: [originOf(auth.toString())!] });
  }
}
