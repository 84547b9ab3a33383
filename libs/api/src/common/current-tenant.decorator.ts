import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ApiRequest } from './admin-token.guard';

/** The tenant resolved by AdminTokenGuard (X-Tenant header: slug or id; "default" when absent). */
export const CurrentTenant = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  return ctx.switchToHttp().getRequest<ApiRequest>().tenant!;
});
