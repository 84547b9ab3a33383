import { HttpException } from '@nestjs/common';
import type { Request } from 'express';
import { resolveLocale, translate } from '@o2o/i18n';

/**
 * A 413/415 answer with a translated message. DomainError's statuses do not include them, so these leave as
 * HttpExceptions, which the API's exception filter turns into the usual JSON error shape (code `HTTP_415`, …).
 */
export function httpStatusError(req: Request, status: 413 | 415, code: string, params: Record<string, unknown>): HttpException {
  return new HttpException({ message: translate(resolveLocale(req.headers['accept-language']), code, params) }, status);
}
