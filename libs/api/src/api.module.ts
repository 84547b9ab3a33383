import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { BookingsController } from './bookings/bookings.controller';
import { CatalogueController } from './catalogue/catalogue.controller';
import { AdminTokenGuard } from './common/admin-token.guard';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { HealthContributors } from './health/health-contributors';
import { HealthController } from './health/health.controller';
import { JobsController } from './jobs/jobs.controller';
import { LearnersController } from './learners/learners.controller';
import { SessionsController } from './sessions/sessions.controller';

/** The REST API (/api/v1, OpenAPI at /api/docs) and /health. */
@Global()
@Module({
  controllers: [
    HealthController, LearnersController, SessionsController, BookingsController, CatalogueController, JobsController,
  ],
  providers: [AdminTokenGuard, HealthContributors, { provide: APP_FILTER, useClass: ApiExceptionFilter }],
  exports: [AdminTokenGuard, HealthContributors],
})
export class ApiModule {}
