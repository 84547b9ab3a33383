import { Body, HttpCode, Inject, Param, ParseUUIDPipe, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiV1, CurrentTenant } from '@o2o/api';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Tenant } from '@o2o/core';
import { AddDeploymentDto } from './add-deployment.dto';
import { PlatformView } from './platform.view';
import { RegisterPlatformDto } from './register-platform.dto';
import { RegistrationService } from './registration.service';
import { ToolUrls } from './tool-urls.value';

/** Manual LTI 1.3 registration: an admin copies the platform's values in, then activates it. */
@ApiTags('lti')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Tenant', required: false, description: 'Tenant the deployments map to (slug or id; default "default")' })
@ApiV1('lti/platforms')
export class RegistrationsController {
  private readonly urls: ToolUrls;

  constructor(
    private readonly registrations: RegistrationService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.urls = new ToolUrls(config.publicUrl);
  }

  @Post()
  @ApiOkResponse({ type: PlatformView })
  async register(@CurrentTenant() tenant: Tenant, @Body() dto: RegisterPlatformDto): Promise<PlatformView> {
    return PlatformView.of(await this.registrations.register(tenant.id, dto), this.urls);
  }

  @Get()
  @ApiOkResponse({ type: [PlatformView] })
  async list(@CurrentTenant() tenant: Tenant): Promise<PlatformView[]> {
    return (await this.registrations.list(tenant.id)).map((r) => PlatformView.of(r, this.urls));
  }

  @Get(':id')
  @ApiOkResponse({ type: PlatformView })
  async get(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string): Promise<PlatformView> {
    return PlatformView.of(await this.registrations.get(tenant.id, id), this.urls);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOkResponse({ type: PlatformView })
  async activate(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string): Promise<PlatformView> {
    return PlatformView.of(await this.registrations.activate(tenant.id, id, true), this.urls);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: PlatformView })
  async deactivate(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string): Promise<PlatformView> {
    return PlatformView.of(await this.registrations.activate(tenant.id, id, false), this.urls);
  }

  @Post(':id/deployments')
  @HttpCode(200)
  @ApiOkResponse({ type: PlatformView })
  async addDeployment(
    @CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddDeploymentDto,
  ): Promise<PlatformView> {
    return PlatformView.of(await this.registrations.addDeployment(tenant.id, id, dto.deploymentId), this.urls);
  }
}
