import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { TransactionRunner } from '@o2o/persistence';
import { JobRecord } from '../database/job-record.entity';
import { JOB_CLOCK, JobClock } from '../job-clock';
import { JobHandlerRegistry } from '../job-handler.registry';
import {
  EnqueuedJob, EnqueueOptions, JobHandler, JobQueue, JobState, JobView, PermanentJobError, QueueStatus,
} from '../job-queue';

export const BULLMQ_QUEUE_NAME = 'o2o-jobs';

/** BullMQ ids may not contain ':' and must not look like integers, so idempotency keys are hashed (36 chars: the outbox row id). */
export function bullmqJobId(idempotencyKey: string): string {
  return 'k-' + createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 34);
}

/**
 * Redis-backed driver for several host and worker processes. Enqueues made inside a database transaction go
 * to the `job` table as 'outbox' rows first and are relayed after commit, so they are never lost or phantom.
 */
@Injectable()
export class BullmqJobQueue extends JobQueue {
  private readonly logger = new Logger('BullmqJobQueue');
  private readonly queue: Queue;
  private worker: Worker | null = null;
  private relayTimer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly registry: JobHandlerRegistry,
    @Inject(JOB_CLOCK) private readonly clock: JobClock,
  ) {
    super();
    this.queue = new Queue(BULLMQ_QUEUE_NAME, { connection: this.connection() });
    this.queue.on('error', (err) => this.logger.error(`queue: ${err.message}`));
    this.relayTimer = setInterval(() => void this.relayOutbox(), config.jobs.pollIntervalMs);
    this.relayTimer.unref();
  }

  private connection() {
    return { url: this.config.redisUrl, maxRetriesPerRequest: null };
  }

  async enqueue<P>(name: string, payload: P, options: EnqueueOptions = {}): Promise<EnqueuedJob> {
    const attempts = options.attempts ?? this.config.jobs.defaultAttempts;
    if (options.manager) {
      const now = this.clock.now();
      const id = options.idempotencyKey ? bullmqJobId(options.idempotencyKey) : randomUUID();
      const existing = await options.manager.findOneBy(JobRecord, { id });
      if (existing) return { id, deduplicated: true };
      await options.manager.insert(JobRecord, {
        id, name, payload: payload as never, state: 'outbox', attempts: 0, maxAttempts: attempts,
        runAt: options.runAt ?? now, idempotencyKey: options.idempotencyKey ?? null, createdAt: now, updatedAt: now,
      });
      setImmediate(() => void this.relayOutbox());
      return { id, deduplicated: false };
    }
    const jobId = options.idempotencyKey ? bullmqJobId(options.idempotencyKey) : randomUUID();
    if (options.idempotencyKey && (await this.queue.getJob(jobId))) return { id: jobId, deduplicated: true };
    const delay = options.runAt ? Math.max(0, options.runAt.getTime() - this.clock.now().getTime()) : 0;
    // BullMQ returns the existing job when the id is taken; the token tells a racing duplicate from our own add.
    const enqueueToken = randomUUID();
    const added = await this.queue.add(name, { payload, enqueueToken }, {
      jobId, attempts, delay, backoff: { type: 'exponential', delay: this.config.jobs.backoffBaseMs },
      removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: false,
    });
    void added;
    const stored = await this.queue.getJob(jobId);
    return { id: jobId, deduplicated: (stored?.data as { enqueueToken?: string })?.enqueueToken !== enqueueToken };
  }

  register<P>(name: string, handler: JobHandler<P>): void {
    this.registry.register(name, handler as JobHandler);
  }

  async startWorking(): Promise<void> {
    this.worker = new Worker(BULLMQ_QUEUE_NAME, (job) => this.process(job), {
      connection: this.connection(),
      concurrency: this.config.jobs.concurrency,
      lockDuration: this.config.jobs.leaseSeconds * 1000,
    });
    this.worker.on('error', (err) => this.logger.error(`worker: ${err.message}`));
    this.worker.on('failed', (job, err) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        this.logger.warn(`job ${job.name} ${job.id} dead after ${job.attemptsMade} attempt(s): ${err.message}`);
      }
    });
  }

  private async process(job: Job): Promise<unknown> {
    const handler = this.registry.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler registered for job "${job.name}"`);
    try {
      return await handler((job.data as { payload: unknown }).payload, {
        id: job.id!, name: job.name, attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1,
        reportProgress: async (percent, message) => { await job.updateProgress({ percent, message: message ?? null }); },
      });
    } catch (err) {
      if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
      throw err;
    }
  }

  async stop(): Promise<void> {
    if (this.relayTimer) clearInterval(this.relayTimer);
    await this.worker?.close();
    await this.queue.close();
  }

  async get(id: string): Promise<JobView | null> {
    const job = await this.queue.getJob(id);
    if (!job) {
      const row = await this.dataSource.manager.findOneBy(JobRecord, { id, state: 'outbox' });
      return row ? { ...row, state: 'queued', result: null, finishedAt: null } as JobView : null;
    }
    const bullState = await job.getState();
    const attemptsLeft = job.attemptsMade < (job.opts.attempts ?? 1);
    const state: JobState = bullState === 'completed' ? 'completed' : bullState === 'failed' ? 'dead' :
      bullState === 'active' ? 'running' : 'queued';
    const progress = job.progress as { percent?: number; message?: string | null } | number;
    return {
      id, name: job.name, state: state === 'dead' && attemptsLeft && !job.finishedOn ? 'queued' : state,
      attempts: job.attemptsMade, maxAttempts: job.opts.attempts ?? 1,
      progress: state === 'completed' ? 100 : typeof progress === 'number' ? progress : progress?.percent ?? 0,
      progressMessage: typeof progress === 'number' ? null : progress?.message ?? null,
      lastError: job.failedReason ?? null, result: job.returnvalue ?? null,
      runAt: new Date(job.timestamp + (job.opts.delay ?? 0)), createdAt: new Date(job.timestamp),
      finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    };
  }

  async status(): Promise<QueueStatus> {
    try {
      const c = await this.queue.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized');
      return {
        driver: 'bullmq', healthy: true,
        counts: { queued: (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0), running: c.active ?? 0,
          completed: c.completed ?? 0, dead: c.failed ?? 0 },
      };
    } catch (err) {
      return { driver: 'bullmq', healthy: false, counts: {}, error: (err as Error).message };
    }
  }

  /** Moves committed outbox rows to Redis; the row id doubles as the BullMQ job id, so a relay retry is harmless. */
  private async relayOutbox(): Promise<void> {
    try {
      const rows = await this.dataSource.manager.find(JobRecord, { where: { state: 'outbox' }, take: 100 });
      for (const row of rows) {
        const delay = Math.max(0, row.runAt.getTime() - this.clock.now().getTime());
        await this.queue.add(row.name, { payload: row.payload, enqueueToken: row.id }, {
          jobId: row.id, attempts: row.maxAttempts, delay,
          backoff: { type: 'exponential', delay: this.config.jobs.backoffBaseMs },
          removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: false,
        });
        await this.tx.run((m) => m.delete(JobRecord, { id: row.id, state: 'outbox' }));
      }
    } catch (err) {
      this.logger.error(`outbox relay failed: ${(err as Error).message}`);
    }
  }
}
