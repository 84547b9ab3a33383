import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '@o2o/persistence';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { BullmqJobQueue } from './bullmq/bullmq-job.queue';
import { DatabaseJobQueue } from './database/database-job.queue';
import { JobRecord } from './database/job-record.entity';
import { JOB_CLOCK, JobClock, systemJobClock } from './job-clock';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobQueue } from './job-queue';

export const JOBS_RUN_WORKERS = Symbol('JOBS_RUN_WORKERS');

export interface JobsModuleOptions {
  /** Take jobs in this process. The host does by default (JOBS_RUN_IN_HOST); apps/worker always does. */
  runWorkers?: boolean;
}

class JobsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly queue: JobQueue,
    @Inject(JOBS_RUN_WORKERS) private readonly runWorkers: boolean,
  ) {}
  // Bootstrap runs after every module's onModuleInit, so all handlers are registered before the first poll.
  async onApplicationBootstrap() {
    if (this.runWorkers) await this.queue.startWorking();
  }
  // Before, not on, shutdown: TypeORM closes its connection in onApplicationShutdown, and a job finishing
  // during close must still be able to record that it completed.
  async beforeApplicationShutdown() {
    await this.queue.stop();
  }
}

/** Picks the job-queue driver from the config: BullMQ when REDIS_URL is set, the database queue otherwise. */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions = {}): DynamicModule {
    return {
      module: JobsModule,
      imports: [TypeOrmModule.forFeature([JobRecord])],
      providers: [
        JobHandlerRegistry,
        { provide: JOB_CLOCK, useValue: systemJobClock },
        {
          provide: JOBS_RUN_WORKERS,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => options.runWorkers ?? config.jobs.runInHost,
        },
        {
          provide: JobQueue,
          inject: [APP_CONFIG, getDataSourceToken(), TransactionRunner, JobHandlerRegistry, JOB_CLOCK],
          useFactory: (config: AppConfig, ds: DataSource, tx: TransactionRunner, registry: JobHandlerRegistry, clock: JobClock) =>
            config.redisUrl
              ? new BullmqJobQueue(config, ds, tx, registry, clock)
              : new DatabaseJobQueue(config, ds, tx, registry, clock),
        },
        JobsLifecycle,
      ],
      exports: [JobQueue, JOB_CLOCK],
    };
  }
}
