export * from './bullmq/bullmq-job.queue';
export * from './database/database-job.queue';
export * from './database/job-record.entity';
export * from './job-clock';
export * from './job-handler.registry';
export * from './job-queue';
export * from './jobs.entities';
export * from './jobs.module';
