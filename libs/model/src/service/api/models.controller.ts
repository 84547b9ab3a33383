import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiV1, CurrentTenant } from '@o2o/api';
import { DomainError, Tenant } from '@o2o/core';
import { ModelTrainingJobs } from '../training/model-training.jobs';
import { ModelVersionService } from '../versions/model-version.service';
import { modelVersionDetail, modelVersionSummary } from './model-version.view';
import { TrainModelDto } from './train-model.dto';

@ApiTags('models')
@ApiBearerAuth()
@ApiV1('models')
export class ModelsController {
  constructor(
    private readonly jobs: ModelTrainingJobs,
    private readonly versions: ModelVersionService,
  ) {}

  @Post('train')
  @HttpCode(202)
  @ApiOperation({ summary: 'Train, evaluate and (if it passes the gate) activate a new model version in the background' })
  async train(@CurrentTenant() tenant: Tenant, @Body() dto: TrainModelDto) {
    const { jobId } = await this.jobs.enqueue(tenant.id, { ...dto }, 'api');
    return { jobId, status: 'queued', statusUrl: `/api/v1/jobs/${jobId}` };
  }

  @Get()
  async list(@CurrentTenant() tenant: Tenant) {
    return (await this.versions.list(tenant.id)).map(modelVersionSummary);
  }

  @Get('active')
  async active(@CurrentTenant() tenant: Tenant) {
    const version = await this.versions.active(tenant.id);
    if (!version) throw new DomainError('MODEL_NOT_ACTIVE', 404);
    return modelVersionDetail(version);
  }

  @Get(':id')
  async get(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string) {
    return modelVersionDetail(await this.versions.get(tenant.id, id));
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make this version live (rollback); the current one is kept, inactive' })
  async activate(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string) {
    return modelVersionDetail(await this.versions.activate(tenant.id, id));
  }
}
