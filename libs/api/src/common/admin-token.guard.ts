import { timingSafeEqual, createHash } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { DomainError, Tenant, TenantService } from '@o2o/core';

export type ApiRequest = Request & { tenant?: Tenant };

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Every /api/v1 route: a bearer ADMIN_API_TOKEN (compared in constant time), then the tenant from X-Tenant. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tenants: TenantService,
  ) {
    this.expected = digest(config.adminApiToken);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ApiRequest>();
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!match || !timingSafeEqual(digest(match[1].trim()), this.expected)) {
      throw new DomainError('UNAUTHORIZED', 401);
    }
    req.tenant = await this.tenants.resolve(req.headers['x-tenant'] as string | undefined);
    return true;
  }
}
