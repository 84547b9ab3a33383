import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from './admin-token.guard';

/** A controller under /api/v1, behind the admin bearer token. */
export function ApiV1(path: string) {
  return applyDecorators(Controller(`api/v1/${path}`), UseGuards(AdminTokenGuard));
}
