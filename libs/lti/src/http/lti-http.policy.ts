import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Locale, resolveLocale } from '@o2o/i18n';
import { LtiRejection } from '../launch/lti-rejection.error';
import { renderErrorPage } from '../pages/error.page';
import { RegistrationDirectory } from '../registrations/registration.directory';
import { ToolUrls } from '../registrations/tool-urls.value';
import { randomFromPool } from './random-pool.util';

export interface PageOptions {
  status?: number;
  nonce: string;
  /** Frame ancestors of this registration only, when the page belongs to a launch. */
  registrationId?: string;
  /** Origins our forms submit to besides our own (the platform's auth or deep linking return URL). */
  formTargets?: string[];
}

export interface ErrorContext {
  locale?: Locale;
  returnUrl?: string;
  registrationId?: string;
}

/**
 * Everything /lti answers goes out through here: CORS and CSP limited to the registered LMS origins, no caching,
 * no sniffing, no referrer, and refusals as an en/zh page with a support reference (logged with the reason, never
 * stored). Responses are written with Node's own API because ltijs swaps the Express prototypes mid-request.
 */
@Injectable()
export class LtiHttpPolicy {
  private readonly logger = new Logger('LtiLaunch');
  readonly urls: ToolUrls;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: RegistrationDirectory,
  ) {
    this.urls = new ToolUrls(config.publicUrl);
  }

  newNonce(): string {
    return randomFromPool(16).toString('base64');
  }

  locale(req: IncomingMessage, hint?: string | null): Locale {
    return resolveLocale(hint || (req.headers['accept-language'] as string | undefined), this.config.defaultLocale);
  }

  /** CORS for registered LMS origins only (ltijs reflects any origin with credentials). True when it answered. */
  async cors(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Vary', 'Origin');
      const allowed = (await this.directory.snapshot()).frameOrigins();
      if (allowed.includes(origin)) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
      }
    }
    if (req.method !== 'OPTIONS') return false;
    if (res.hasHeader('Access-Control-Allow-Origin')) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.statusCode = 204;
    res.end();
    return true;
  }

  async sendPage(res: ServerResponse, html: string, options: PageOptions): Promise<void> {
    const snapshot = await this.directory.snapshot();
    const ancestors = ["'self'", ...snapshot.frameOrigins(options.registrationId)].join(' ');
    const forms = ["'self'", ...(options.formTargets ?? [])].join(' ');
    const nonce = `'nonce-${options.nonce}'`;
    res.statusCode = options.status ?? 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', `default-src 'none'; style-src ${nonce}; script-src ${nonce}; img-src 'self' data:; ` +
      `form-action ${forms}; frame-ancestors ${ancestors}; base-uri 'none'`);
    res.end(html);
  }

  /** Logs the refusal under a fresh support reference and shows the page; nothing is written to the database. */
  async sendError(req: IncomingMessage, res: ServerResponse, err: unknown, context: ErrorContext = {}): Promise<void> {
    const reference = randomBytes(5).toString('hex');
    const rejection = err instanceof LtiRejection ? err : new LtiRejection('LTI_INTERNAL', 500, {}, (err as Error)?.stack ?? String(err));
    const line = `${req.method} ${(req as { originalUrl?: string }).originalUrl ?? req.url} refused ${rejection.code} ` +
      `(reference ${reference})${rejection.detail ? `: ${rejection.detail}` : ''}`;
    if (rejection.status >= 500) this.logger.error(line);
    else this.logger.warn(line);
    if (res.headersSent) return;
    const nonce = this.newNonce();
    const html = renderErrorPage({
      locale: context.locale ?? this.locale(req), nonce, code: rejection.code, params: rejection.params, reference,
      returnUrl: context.returnUrl,
    });
    res.removeHeader('Location');
    await this.sendPage(res, html, { status: rejection.status, nonce, registrationId: context.registrationId });
  }
}
