import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { XAPI_VERSION, XAPI_VERSION_HEADER } from './xapi-version.guard';

/** Every /xapi response, errors included, carries the version this LRS speaks (xAPI Communication §3.3). */
@Injectable()
export class XapiVersionHeaderMiddleware implements NestMiddleware {
  use(_req: Request, res: Response, next: NextFunction): void {
    res.setHeader(XAPI_VERSION_HEADER, XAPI_VERSION);
    next();
  }
}
