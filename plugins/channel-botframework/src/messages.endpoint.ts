import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { readActivityBody } from './activity-body.reader';
import { validateActivity } from './activity.validator';
import { BotFrameworkAdapter } from './botframework.adapter';
import { BotTurnHandler } from './bot-turn.handler';
import { CHANNEL_TEXTS, channelLocale, channelText, type ChannelLocale } from './channel-texts';

const TENANT = /^([a-z0-9][a-z0-9-]{0,63}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const REQUEST_ID = /^[\w-]{1,100}$/;

/**
 * `POST /api/messages`, the Bot Framework messaging endpoint. Order matters: configuration, shape (400), token
 * (401), and only then the adapter and the engine, so a rejected request never runs anything or writes anything.
 * `?tenant=<slug>` picks the tenant for users who have not linked yet (one bot registration per tenant).
 *
 * Mounted on Express ahead of the host's body parsers, request logging and Nest routing (like /lti): every chat
 * turn comes through here, and that stack cost about as much CPU as the turn itself. So it reads its own body and
 * keeps the host's request id header; like /lti it logs refusals and failures, not every request (one line per
 * chat turn would cost more than the turn's own logic).
 */
@Injectable()
export class MessagesEndpoint {
  private readonly logger = new Logger('BotFrameworkMessages');
  private mounted = false;

  constructor(
    private readonly adapter: BotFrameworkAdapter,
    private readonly handler: BotTurnHandler,
  ) {}

  /** Called by the host's configureHttpApp (first in line) and, as a fallback, when the plugin module starts. */
  mount(app: { use: (path: string, handler: MessagesEndpoint['middleware']) => unknown }): void {
    if (this.mounted) return;
    this.mounted = true;
    app.use('/api/messages', this.middleware);
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    // Only the endpoint itself; anything else under the path goes on to the host (and its 404).
    if (req.method !== 'POST' || (req.path !== '/' && req.path !== '')) return next();
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    this.receive(req, res).catch((err) => {
      this.logger.error(`request ${id} failed: ${(err as Error)?.stack ?? err}`);
      if (!res.headersSent) problem(res, 500, 'INTERNAL', channelText(CHANNEL_TEXTS.turnFailed, channelLocale(req.headers['accept-language'])));
      else res.end();
    });
  };

  private async receive(req: Request, res: Response): Promise<void> {
    const read = await readActivityBody(req, res);
    if (!read.ok) {
      const message = channelText(CHANNEL_TEXTS[read.problem], channelLocale(req.headers['accept-language']), read.params);
      return problem(res, read.status, read.status === 400 ? 'INVALID_JSON' : read.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_ENCODING', message);
    }
    const body = read.body as Record<string, unknown> | undefined;
    const locale = channelLocale(typeof body?.locale === 'string' ? body.locale : req.headers['accept-language']);
    if (!this.adapter.enabled) return problem(res, 503, 'BOT_NOT_CONFIGURED', channelText(CHANNEL_TEXTS.notConfigured, locale));
    const tenant = req.query.tenant;
    if (tenant !== undefined && (typeof tenant !== 'string' || !TENANT.test(tenant))) {
      const message = channelText(CHANNEL_TEXTS.unknownTenant, locale, { tenant: String(tenant).slice(0, 80) });
      return problem(res, 400, 'INVALID_TENANT', message, [{ field: 'tenant', reason: 'format', message }]);
    }
    const check = validateActivity(body, locale);
    if (!check.ok) return problem(res, 400, 'INVALID_ACTIVITY', channelText(CHANNEL_TEXTS.invalidActivity, locale), check.errors);
    const activity = check.activity;

    let auth;
    try {
      auth = await this.adapter.authenticate(activity, req.headers.authorization ?? '');
    } catch (err) {
      return this.refuse(res, err, locale);
    }
    try {
      const response = await this.adapter.run(auth, activity, (context) => this.handler.onTurn(context, tenant));
      res.statusCode = response?.status ?? 200;
      if (response?.body === undefined) return void res.end();
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(response.body));
    } catch (err) {
      // Reached only when botbuilder fails before or after the turn (the turn's own errors end in onTurnError).
      const reference = randomUUID().slice(0, 8);
      this.logger.error(`activity ${reference} failed outside the turn: ${(err as Error)?.stack ?? err}`);
      problem(res, 502, 'CHANNEL_ERROR', `${channelText(CHANNEL_TEXTS.turnFailed, locale)} (${reference})`);
    }
  }

  /** A bad, missing or foreign token is 401; not being able to fetch the signing keys is our problem (503). */
  private refuse(res: Response, err: unknown, locale: ChannelLocale): void {
    const e = err as { statusCode?: number; name?: string; message?: string };
    if (e?.statusCode === 500 || e?.name === 'FetchError') {
      this.logger.error(`cannot validate Bot Framework tokens: ${e?.message}`);
      return problem(res, 503, 'BOT_KEYS_UNAVAILABLE', channelText(CHANNEL_TEXTS.keysUnavailable, locale));
    }
    this.logger.warn(`rejected activity: ${e?.message ?? err}`);
    res.setHeader('WWW-Authenticate', 'Bearer');
    return problem(res, 401, 'UNAUTHORIZED', channelText(CHANNEL_TEXTS.unauthorized, locale));
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable',
};

/** The REST API's error shape, so clients parse one format everywhere. */
function problem(res: Response, status: number, code: string, message: string, errors?: unknown[]): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ statusCode: status, error: REASONS[status], code, message, ...(errors ? { errors } : {}) }));
}
