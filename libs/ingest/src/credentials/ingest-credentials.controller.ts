import { Body, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiV1, CurrentTenant } from '@o2o/api';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Tenant } from '@o2o/core';
import { CreateIngestCredentialDto } from './create-ingest-credential.dto';
import { IngestCredential } from './ingest-credential.entity';
import { IngestCredentialService } from './ingest-credential.service';

const view = (c: IngestCredential) => ({
  id: c.id, kind: c.kind, label: c.label, key: c.key, createdAt: c.createdAt, revokedAt: c.revokedAt,
});

/** Per-tenant credentials of the xAPI and Caliper doors. The secret is in the creation response only. */
@ApiTags('ingest')
@ApiBearerAuth()
@ApiV1('ingest/credentials')
export class IngestCredentialsController {
  constructor(
    private readonly credentials: IngestCredentialService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  async create(@CurrentTenant() tenant: Tenant, @Body() dto: CreateIngestCredentialDto) {
    const { credential, secret } = await this.credentials.issue(tenant.id, dto.kind, dto.label);
    const xapi = credential.kind === 'xapi';
    return {
      ...view(credential),
      secret,
      endpoint: `${this.config.publicUrl}/${xapi ? 'xapi' : 'caliper'}`,
      authorization: xapi ? `Basic ${Buffer.from(`${credential.key}:${secret}`).toString('base64')}` : `Bearer ${secret}`,
      note: 'The secret is shown only now; store it in the LMS. 密钥仅显示这一次,请保存到 LMS 中。',
    };
  }

  @Get()
  async list(@CurrentTenant() tenant: Tenant) {
    return (await this.credentials.list(tenant.id)).map(view);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  async revoke(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string) {
    return view(await this.credentials.revoke(tenant.id, id));
  }
}
