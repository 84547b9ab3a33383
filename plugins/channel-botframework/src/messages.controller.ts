import { randomUUID } from 'node:crypto';
import { Controller, Logger, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { validateActivity } from './activity.validator';
import { BotFrameworkAdapter } from './botframework.adapter';
import { BotTurnHandler } from './bot-turn.handler';
import { CHANNEL_TEXTS, channelLocale, channelText, type ChannelLocale } from './channel-texts';

const TENANT = /^([a-z0-9][a-z0-9-]{0,63}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * `POST /api/messages`, the Bot Framework messaging endpoint. Order matters: configuration, shape (400), token
 * (401), and only then the adapter and the engine, so a rejected request never runs anything or writes anything.
 * `?tenant=<slug>` picks the tenant for users who have not linked yet (one bot registration per tenant).
 */
@ApiExcludeController()
@Controller('api/messages')
export class MessagesController {
  private readonly logger = new Logger('BotFrameworkMessages');

  constructor(
    private readonly adapter: BotFrameworkAdapter,
    private readonly handler: BotTurnHandler,
  ) {}

  @Post()
  async receive(@Req() req: Request, @Res() res: Response): Promise<void> {
    const body = req.body as Record<string, unknown> | undefined;
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
      res.status(response?.status ?? 200);
      if (response?.body === undefined) return void res.end();
      // Not res.json: it also hashes every body for an ETag, which means nothing on a POST answer.
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

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 502: 'Bad Gateway', 503: 'Service Unavailable' };

/** The REST API's error shape, so clients parse one format everywhere. */
function problem(res: Response, status: number, code: string, message: string, errors?: unknown[]): void {
  res.status(status).json({ statusCode: status, error: REASONS[status], code, message, ...(errors ? { errors } : {}) });
}
