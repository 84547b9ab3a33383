import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { LtiRejection } from '../launch/lti-rejection.error';
import { cookiePolicy } from './cookie.policy';
import { memoizeJsonwebtokenKeys } from './jsonwebtoken-key.memo';
import { createLtijsProvider } from './ltijs-provider.factory';
import type { LtijsError, LtijsIdToken, LtijsProvider } from './ltijs.types';
import { TypeormLtijsStore } from './typeorm-ltijs.store';

type LaunchHandler = (token: LtijsIdToken, req: Request, res: Response) => Promise<void>;
type Responder = (req: Request, res: Response, err: LtiRejection) => Promise<void>;

/** ltijs' failure messages, as the reason a person reads. */
function rejectionOf(err: LtijsError | undefined): LtiRejection {
  const message = String(err?.details?.message ?? err?.details?.description ?? 'unknown');
  if (/signature/i.test(message)) return new LtiRejection('TOKEN_SIGNATURE', 401, {}, message);
  if (/jwt expired/i.test(message)) return new LtiRejection('TOKEN_EXPIRED', 401, {}, message);
  if (/TOKEN_TOO_OLD/.test(message)) return new LtiRejection('TOKEN_TOO_OLD', 401, {}, message);
  if (/MISSING_VALIDATION_COOKIE/.test(message)) return new LtiRejection('STATE_COOKIE_MISSING', 401, {}, message);
  if (/NONCE_ALREADY_RECEIVED/.test(message)) return new LtiRejection('NONCE_REPLAYED', 401, {}, message);
  if (/UNREGISTERED_PLATFORM/.test(message)) return new LtiRejection('PLATFORM_UNKNOWN', 401, {}, message);
  if (/PLATFORM_NOT_ACTIVATED/.test(message)) return new LtiRejection('PLATFORM_INACTIVE', 403, {}, message);
  return new LtiRejection('LAUNCH_INVALID', 401, { reason: message }, message);
}

/**
 * One ltijs Provider per application, set up on our database plugin in serverless, ltiaas mode (the launch is
 * answered directly; later page requests carry our own session token). Its routes are /login, /launch, /keys and
 * /register under the /lti mount; its callbacks hand over to our launch completion, dynamic registration and error
 * pages.
 */
@Injectable()
export class LtijsHost {
  readonly provider: LtijsProvider;
  private launch?: LaunchHandler;
  private deepLinking?: LaunchHandler;
  private registration?: (req: Request, res: Response) => Promise<void>;
  private respondError?: Responder;

  constructor(@Inject(APP_CONFIG) config: AppConfig, store: TypeormLtijsStore) {
    this.provider = createLtijsProvider();
    memoizeJsonwebtokenKeys();
    this.provider.setup(config.lti.encryptionKey, { plugin: store }, {
      appRoute: '/launch', loginRoute: '/login', keysetRoute: '/keys', dynRegRoute: '/register',
      cors: false, ltiaas: true, devMode: false, tokenMaxAge: config.lti.idTokenMaxAgeSeconds,
      cookies: cookiePolicy(config),
      // Needed for ltijs to route /register at all; the registration itself is ours (onDynamicRegistration).
      dynReg: { url: `${config.publicUrl}/lti`, name: 'o2o-bridge', autoActivate: false },
    });
    const fail = (req: Request, res: Response, err: LtiRejection) => this.fail(req, res, err);
    this.provider.onConnect((token, req, res) => this.launch?.(token, req, res));
    this.provider.onDeepLinking((token, req, res) => (this.deepLinking ?? this.launch)?.(token, req, res));
    this.provider.onDynamicRegistration((req, res) => this.registration?.(req, res));
    this.provider.onInvalidToken((req, res) => fail(req, res, rejectionOf(res.locals.err as LtijsError)));
    this.provider.onSessionTimeout((req, res) => fail(req, res, new LtiRejection('SESSION_EXPIRED', 401)));
    this.provider.onUnregisteredPlatform((req, res) => fail(req, res, new LtiRejection('PLATFORM_UNKNOWN', 400)));
    this.provider.onInactivePlatform((req, res) => fail(req, res, new LtiRejection('PLATFORM_INACTIVE', 403)));
  }

  private fail(req: Request, res: Response, err: LtiRejection): Promise<void> {
    return this.respondError?.(req, res, err) ?? Promise.resolve();
  }

  handlers(h: { launch: LaunchHandler; deepLinking: LaunchHandler; registration: (req: Request, res: Response) => Promise<void>; error: Responder }): void {
    this.launch = h.launch;
    this.deepLinking = h.deepLinking;
    this.registration = h.registration;
    this.respondError = h.error;
  }

  /**
   * Runs ltijs' Express 4 app on this request. Resolves when the response is sent; a request ltijs does not route
   * comes back as a rejection. ltijs answers some failures with JSON: those become our error page.
   */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = req as Request;
    const response = res as Response & { send: (body: unknown) => Response };
    const prototypes = [Object.getPrototypeOf(req), Object.getPrototypeOf(res)];
    // Nest already parsed the body; ltijs' body-parser 1.x would wait for a stream that is gone ("stream is not readable").
    if ((request as { body?: unknown }).body !== undefined) (request as unknown as { _body: boolean })._body = true;
    // Express 5 computes req.query in a prototype getter that disappears when ltijs swaps in Express 4's prototype
    // (after Express 4's own query parser already saw it defined): pin the parsed query on the request itself.
    Object.defineProperty(req, 'query', { value: { ...(request.query ?? {}) }, writable: true, configurable: true, enumerable: true });
    const host = this;
    return new Promise<void>((resolve, reject) => {
      res.once('finish', () => resolve());
      res.once('close', () => resolve());
      response.send = function send(this: Response, body: unknown) {
        if (this.statusCode >= 400 && body && typeof body === 'object' && !Buffer.isBuffer(body)) {
          const details = (body as { details?: { message?: string } }).details;
          void host.fail(request, this, new LtiRejection(this.statusCode >= 500 ? 'LTI_INTERNAL' : 'LAUNCH_INVALID',
            this.statusCode >= 500 ? 500 : 400, { reason: details?.message ?? 'error' }, JSON.stringify(body)));
          return this;
        }
        return Object.getPrototypeOf(this).send.call(this, body);
      };
      this.provider.app(request, res as Response, ((err?: unknown) => {
        Object.setPrototypeOf(req, prototypes[0]);
        Object.setPrototypeOf(res, prototypes[1]);
        reject(err ?? new LtiRejection('PAGE_NOT_FOUND', 404));
      }) as NextFunction);
    });
  }
}
