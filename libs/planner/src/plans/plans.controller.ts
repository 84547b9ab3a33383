import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiV1, CurrentTenant } from '@o2o/api';
import { Tenant } from '@o2o/core';
import { CreatePlanDto } from './create-plan.dto';
import { PlanApprovalService } from './plan-approval.service';
import { planView } from './plan.view';
import { ServicePlanService } from './service-plan.service';

@ApiTags('plans')
@ApiBearerAuth()
@ApiV1('plans')
export class PlansController {
  constructor(
    private readonly plans: ServicePlanService,
    private readonly approvals: PlanApprovalService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Solve a service plan (which sessions to open, whom to invite) and store it as a draft' })
  async create(@CurrentTenant() tenant: Tenant, @Body() dto: CreatePlanDto) {
    return planView(await this.plans.create(tenant, dto));
  }

  @Get()
  async list(@CurrentTenant() tenant: Tenant) {
    return (await this.plans.list(tenant.id)).map((p) => planView(p, false));
  }

  @Get(':id')
  async get(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string) {
    return planView(await this.plans.get(tenant.id, id));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create the sessions and the invitation list of a draft plan; emits PlanApproved' })
  async approve(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string) {
    return planView(await this.approvals.approve(tenant.id, id));
  }
}
