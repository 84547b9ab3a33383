import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LearnerAggregateBackfill } from './aggregates/learner-aggregate.backfill';
import { LearnerAggregateUpdater } from './aggregates/learner-aggregate.updater';
import { LearnerAggregatesController } from './aggregates/learner-aggregates.controller';
import { CaliperBearerGuard } from './caliper-endpoint/caliper-bearer.guard';
import { CaliperEventService } from './caliper-endpoint/caliper-event.service';
import { CaliperController } from './caliper-endpoint/caliper.controller';
import { IngestCredentialService } from './credentials/ingest-credential.service';
import { IngestCredentialsController } from './credentials/ingest-credentials.controller';
import { CsvImportController } from './csv-import/csv-import.controller';
import { CsvImportService } from './csv-import/csv-import.service';
import { ImportRunFinalizer } from './import-runs/import-run.finalizer';
import { ImportRunLedger } from './import-runs/import-run.ledger';
import { ImportRunRecovery } from './import-runs/import-run.recovery';
import { LearnerIndexDeferral } from './import-runs/learner-index.deferral';
import { INGEST_ENTITIES } from './ingest.schema';
import { XapiBasicAuthGuard } from './lrs/xapi-basic-auth.guard';
import { XapiStatementService } from './lrs/xapi-statement.service';
import { XapiVersionHeaderMiddleware } from './lrs/xapi-version-header.middleware';
import { XapiVersionGuard } from './lrs/xapi-version.guard';
import { XapiVoidApplier } from './lrs/xapi-void.applier';
import { XapiController } from './lrs/xapi.controller';
import { IngestStatsController } from './storage/ingest-stats.controller';
import { LearnerResolver } from './storage/learner.resolver';
import { LearningEventStore } from './storage/learning-event.store';

/**
 * The online-data doors: /xapi (LRS subset), /caliper, CSV upload, ingest credentials and learner aggregates
 * under /api/v1/ingest. Every door ends in LearningEventStore, which pseudonymises, stores, aggregates and
 * records LearningEventsIngested. CsvImportService and LearnerAggregateBackfill also serve the CLI.
 */
@Module({
  imports: [TypeOrmModule.forFeature(INGEST_ENTITIES)],
  controllers: [
    IngestCredentialsController, XapiController, CaliperController, CsvImportController, LearnerAggregatesController,
    IngestStatsController,
  ],
  providers: [
    IngestCredentialService, LearnerResolver, LearnerAggregateUpdater, LearningEventStore, XapiVoidApplier,
    XapiStatementService, CaliperEventService, CsvImportService, LearnerAggregateBackfill, XapiBasicAuthGuard,
    XapiVersionGuard, CaliperBearerGuard, ImportRunLedger, ImportRunFinalizer, ImportRunRecovery, LearnerIndexDeferral,
  ],
  exports: [CsvImportService, LearnerAggregateBackfill, LearningEventStore, IngestCredentialService],
})
export class IngestModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(XapiVersionHeaderMiddleware).forRoutes(XapiController);
  }
}
