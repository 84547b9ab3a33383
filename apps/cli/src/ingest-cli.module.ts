import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@o2o/config';
import { CORE_ENTITIES, CORE_MIGRATIONS, CoreModule, DemoSeedModule } from '@o2o/core';
import { INGEST_SCHEMA, IngestModule } from '@o2o/ingest';
import { JOBS_ENTITIES, JOBS_MIGRATIONS, JobsModule } from '@o2o/jobs';
import { PersistenceModule } from '@o2o/persistence';

/**
 * What the CLI's ingest commands (import, rebuild-aggregates) boot instead of the host's whole graph: config,
 * persistence, core (with the default tenant), jobs (no workers) and ingest. The chat NLU, the model and LTI took
 * the process from 150 MB to 275–290 MB before the first row of a million-row import whose budget is 300 MB
 * (libs/ingest/README.md). Migrations of other capabilities are not run here; the host runs whatever is pending
 * when it starts.
 */
@Module({})
export class IngestCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IngestCliModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot({
          entities: [...CORE_ENTITIES, ...JOBS_ENTITIES, ...(INGEST_SCHEMA.entities as never[])],
          migrations: [...CORE_MIGRATIONS, ...JOBS_MIGRATIONS, ...(INGEST_SCHEMA.migrations as never[])],
        }),
        // DemoSeedModule ensures the default tenant, as the host does (the CLI turns the demo seed itself off).
        CoreModule, DemoSeedModule, JobsModule.forRoot({ runWorkers: false }), IngestModule,
      ],
    };
  }
}
