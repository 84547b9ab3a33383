import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { JobQueue } from '@o2o/jobs';
import { HealthContributors } from './health-contributors';

/** Liveness and readiness in one: 200 when the database and the queue answer, 503 otherwise. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly contributors: HealthContributors,
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) res: Response) {
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => ({ status: 'up', driver: this.dataSource.options.type }))
      .catch((err: Error) => ({ status: 'down', driver: this.dataSource.options.type, error: err.message }));
    const queue = await this.jobs.status();
    const extra = await this.contributors.collect();
    const ok = database.status === 'up' && queue.healthy;
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', database, queue: { ...queue, status: queue.healthy ? 'up' : 'down' }, ...extra };
  }
}
