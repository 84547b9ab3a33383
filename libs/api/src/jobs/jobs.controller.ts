import { Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@o2o/core';
import { JobQueue } from '@o2o/jobs';
import { ApiV1 } from '../common/api-v1.decorator';

@ApiTags('jobs')
@ApiBearerAuth()
@ApiV1('jobs')
export class JobsController {
  constructor(private readonly jobs: JobQueue) {}

  @Get(':id')
  async get(@Param('id') id: string) {
    const job = await this.jobs.get(id);
    if (!job) throw new DomainError('JOB_NOT_FOUND', 404, { jobId: id });
    return job;
  }
}
