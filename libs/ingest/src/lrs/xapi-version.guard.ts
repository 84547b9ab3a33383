import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@o2o/core';

export const XAPI_VERSION = '1.0.3';
export const XAPI_VERSION_HEADER = 'X-Experience-API-Version';

/** xAPI Communication §3.3: every request to the Statement resource names the version; 1.0.x is served. */
@Injectable()
export class XapiVersionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const version = context.switchToHttp().getRequest<Request>().headers['x-experience-api-version'];
    if (version === undefined || version === '') {
      throw new DomainError('XAPI_VERSION_REQUIRED', 400, {}, XAPI_VERSION_HEADER);
    }
    if (typeof version !== 'string' || !/^1\.0(\.\d+)?$/.test(version.trim())) {
      throw new DomainError('XAPI_VERSION_UNSUPPORTED', 400, { version: String(version) }, XAPI_VERSION_HEADER);
    }
    return true;
  }
}
