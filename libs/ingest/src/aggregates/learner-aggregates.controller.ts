import { Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Repository } from 'typeorm';
import { ApiV1, CurrentTenant } from '@o2o/api';
import { DomainError, Tenant } from '@o2o/core';
import { LearnerAggregateBackfill } from './learner-aggregate.backfill';
import { LearnerAggregate } from './learner-aggregate.entity';
import { learnerAggregateView } from './learner-aggregate.view';

@ApiTags('ingest')
@ApiBearerAuth()
@ApiV1('ingest')
export class LearnerAggregatesController {
  constructor(
    @InjectRepository(LearnerAggregate) private readonly aggregates: Repository<LearnerAggregate>,
    private readonly backfill: LearnerAggregateBackfill,
  ) {}

  @Get('learners/:learnerId/aggregate')
  @ApiOperation({ summary: "A learner's online-learning aggregate (counts by type, minutes, completion, scores, streaks, purchases)" })
  async get(@CurrentTenant() tenant: Tenant, @Param('learnerId', ParseUUIDPipe) learnerId: string) {
    const aggregate = await this.aggregates.findOneBy({ learnerId, tenantId: tenant.id });
    if (!aggregate) throw new DomainError('LEARNER_AGGREGATE_NOT_FOUND', 404, { learnerId });
    return learnerAggregateView(aggregate);
  }

  @Post('aggregates/rebuild')
  @HttpCode(200)
  @ApiOperation({ summary: "Rebuild all of the tenant's learner aggregates from the stored events (backfill)" })
  rebuild(@CurrentTenant() tenant: Tenant) {
    return this.backfill.rebuild(tenant.id);
  }
}
