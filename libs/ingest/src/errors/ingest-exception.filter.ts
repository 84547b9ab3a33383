import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiExceptionFilter } from '@o2o/api';
import { DomainError } from '@o2o/core';
import { resolveLocale, translate } from '@o2o/i18n';
import { IngestValidationError } from './ingest-validation.error';

/**
 * Errors of the /xapi and /caliper doors: the API's JSON error shape, plus every invalid property listed, and a
 * 401 that names the scheme the door expects (Basic for xAPI, Bearer for Caliper) so clients can retry properly.
 */
@Catch()
export class IngestExceptionFilter implements ExceptionFilter {
  private readonly fallback = new ApiExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const locale = resolveLocale(req.headers['accept-language']);
    if (exception instanceof IngestValidationError) {
      res.status(400).json({
        statusCode: 400, error: 'Bad Request', code: exception.code,
        message: translate(locale, exception.code, { count: exception.issues.length }),
        errors: exception.issues.map((i) => ({ field: i.path, reason: i.reason, message: `${i.path}: ${i.reason}` })),
      });
      return;
    }
    if (exception instanceof DomainError && exception.status === 401) {
      const xapi = req.path.startsWith('/xapi');
      res.setHeader('WWW-Authenticate', xapi ? 'Basic realm="o2o-bridge xAPI", charset="UTF-8"' : 'Bearer realm="o2o-bridge Caliper"');
      res.status(401).json({
        statusCode: 401, error: 'Unauthorized', code: exception.code, message: translate(locale, exception.code, exception.params),
      });
      return;
    }
    this.fallback.catch(exception, host);
  }
}
