import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@o2o/core';
import { resolveLocale, translate } from '@o2o/i18n';
import { FieldErrorsException } from './field-errors.exception';

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/**
 * Every error leaves as `{statusCode, error, message, code}` in the reader's language, and `errors[]` with the
 * field and reason when input was invalid. Unexpected errors never leak a stack: they get a reference to quote.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const locale = resolveLocale(req.headers['accept-language']);
    const body = this.describe(exception, req, locale);
    if (res.headersSent) return;
    if (body.statusCode === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(body.statusCode).json(body);
  }

  private describe(exception: unknown, req: Request, locale: 'en' | 'zh-CN') {
    if (exception instanceof FieldErrorsException) {
      const errors = exception.localized(locale);
      return {
        statusCode: 400, error: REASONS[400], code: 'VALIDATION_FAILED',
        message: errors.map((e) => e.message), errors,
      };
    }
    if (exception instanceof DomainError) {
      const message = translate(locale, exception.code, exception.params);
      return {
        statusCode: exception.status, error: REASONS[exception.status], code: exception.code, message,
        ...(exception.field ? { errors: [{ field: exception.field, reason: exception.code, message }] } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse() as { message?: unknown };
      const parseFailure = status === 400 && /JSON/i.test(String(response?.message ?? exception.message));
      if (status === 404 && /Cannot (GET|POST|PUT|PATCH|DELETE)/.test(String(response?.message))) {
        return { statusCode: 404, error: REASONS[404], code: 'ROUTE_NOT_FOUND',
          message: translate(locale, 'ROUTE_NOT_FOUND', { method: req.method, path: req.path }) };
      }
      return {
        statusCode: status, error: REASONS[status] ?? 'Error', code: parseFailure ? 'MALFORMED_JSON' : `HTTP_${status}`,
        message: parseFailure ? translate(locale, 'MALFORMED_JSON') : (response?.message ?? exception.message),
      };
    }
    const reference = randomUUID().slice(0, 8);
    this.logger.error(`unhandled error ${reference} on ${req.method} ${req.url}: ${(exception as Error)?.stack ?? exception}`);
    return { statusCode: 500, error: REASONS[500], code: 'INTERNAL', message: translate(locale, 'INTERNAL', { reference }) };
  }
}
