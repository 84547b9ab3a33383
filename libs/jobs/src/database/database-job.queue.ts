import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { isUniqueViolation, TransactionRunner } from '@o2o/persistence';
import { JOB_CLOCK, JobClock } from '../job-clock';
import { JobHandlerRegistry } from '../job-handler.registry';
import {
  backoffDelay, EnqueuedJob, EnqueueOptions, JobHandler, JobQueue, JobView, PermanentJobError, QueueStatus,
} from '../job-queue';
import { JobRecord } from './job-record.entity';

/**
 * Durable queue in the application database (the embedded default). A job is claimed by one conditional
 * UPDATE with a lease; a process that dies mid-job simply stops renewing the lease and another claims it again.
 */
@Injectable()
export class DatabaseJobQueue extends JobQueue {
  private readonly logger = new Logger('DatabaseJobQueue');
  private readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Set<Promise<void>>();
  private polling = false;
  private stopped = true;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly registry: JobHandlerRegistry,
    @Inject(JOB_CLOCK) private readonly clock: JobClock,
  ) {
    super();
  }

  async enqueue<P>(name: string, payload: P, options: EnqueueOptions = {}): Promise<EnqueuedJob> {
    const now = this.clock.now();
    const row: JobRecord = Object.assign(new JobRecord(), {
      id: randomUUID(), name, payload, state: 'queued', attempts: 0,
      maxAttempts: options.attempts ?? this.config.jobs.defaultAttempts, runAt: options.runAt ?? now,
      lockedBy: null, lockedUntil: null, idempotencyKey: options.idempotencyKey ?? null, lastError: null,
      result: null, progress: 0, progressMessage: null, createdAt: now, updatedAt: now, finishedAt: null,
    });
    if (options.idempotencyKey) {
      const existing = await (options.manager ?? this.dataSource.manager).findOneBy(JobRecord, {
        idempotencyKey: options.idempotencyKey,
      });
      if (existing) return { id: existing.id, deduplicated: true };
    }
    try {
      if (options.manager) await options.manager.insert(JobRecord, row as never);
      else await this.tx.run((m) => m.insert(JobRecord, row as never));
    } catch (err) {
      if (!isUniqueViolation(err) || !options.idempotencyKey || options.manager) throw err;
      const existing = await this.dataSource.manager.findOneByOrFail(JobRecord, { idempotencyKey: options.idempotencyKey });
      return { id: existing.id, deduplicated: true };
    }
    this.kick();
    return { id: row.id, deduplicated: false };
  }

  register<P>(name: string, handler: JobHandler<P>): void {
    this.registry.register(name, handler as JobHandler);
  }

  async startWorking(): Promise<void> {
    this.stopped = false;
    // Not unref'd: in apps/worker this timer is what keeps the process alive between jobs.
    this.timer = setInterval(() => this.kick(), this.config.jobs.pollIntervalMs);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.running]);
  }

  async get(id: string): Promise<JobView | null> {
    const row = await this.dataSource.manager.findOneBy(JobRecord, { id });
    return row ? toView(row) : null;
  }

  async status(): Promise<QueueStatus> {
    try {
      const rows: { state: string; count: string | number }[] = await this.dataSource
        .getRepository(JobRecord).createQueryBuilder('j')
        .select('j.state', 'state').addSelect('COUNT(*)', 'count').groupBy('j.state').getRawMany();
      return { driver: 'database', healthy: true, counts: Object.fromEntries(rows.map((r) => [r.state, Number(r.count)])) };
    } catch (err) {
      return { driver: 'database', healthy: false, counts: {}, error: (err as Error).message };
    }
  }

  /** Polls now rather than at the next tick; cheap, and makes freshly enqueued jobs start at once. */
  private kick(): void {
    if (this.stopped || this.polling) return;
    this.polling = true;
    this.poll()
      .catch((err) => this.logger.error(`poll failed: ${(err as Error).message}`))
      .finally(() => { this.polling = false; });
  }

  private async poll(): Promise<void> {
    const free = this.config.jobs.concurrency - this.running.size;
    const names = this.registry.names();
    if (free <= 0 || names.length === 0) return;
    const now = this.clock.now();
    const candidates = await this.dataSource.getRepository(JobRecord).createQueryBuilder('j')
      .select(['j.id'])
      .where('j.name IN (:...names)', { names })
      .andWhere(new Brackets((b) => b
        .where('(j.state = :queued AND j.runAt <= :now)', { queued: 'queued', now })
        .orWhere('(j.state = :running AND j.lockedUntil < :now)', { running: 'running', now })))
      .orderBy('j.runAt', 'ASC').take(free).getMany();
    for (const { id } of candidates) {
      const claimed = await this.claim(id, now);
      if (claimed) this.track(this.execute(claimed));
    }
  }

  private async claim(id: string, now: Date): Promise<JobRecord | null> {
    const lease = new Date(now.getTime() + this.config.jobs.leaseSeconds * 1000);
    const result = await this.tx.run((m) => m.createQueryBuilder().update(JobRecord)
      .set({ state: 'running', lockedBy: this.workerId, lockedUntil: lease, updatedAt: now, attempts: () => '"attempts" + 1' })
      .where('id = :id', { id })
      .andWhere('(("state" = :queued AND "runAt" <= :now) OR ("state" = :running AND "lockedUntil" < :now))', {
        queued: 'queued', running: 'running', now,
      })
      .execute());
    if (!result.affected) return null;
    return this.dataSource.manager.findOneByOrFail(JobRecord, { id });
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => { this.running.delete(work); this.kick(); });
  }

  private async execute(job: JobRecord): Promise<void> {
    if (job.attempts > job.maxAttempts) {
      return this.finish(job, { state: 'dead', lastError: job.lastError ?? 'the worker stopped during every attempt' });
    }
    const handler = this.registry.get(job.name)!;
    const heartbeat = setInterval(() => void this.renewLease(job.id), (this.config.jobs.leaseSeconds * 1000) / 3);
    heartbeat.unref();
    try {
      const result = await handler(job.payload, {
        id: job.id, name: job.name, attempt: job.attempts, maxAttempts: job.maxAttempts,
        reportProgress: (progress, message) => this.progress(job.id, progress, message),
      });
      await this.finish(job, { state: 'completed', result: result ?? null, progress: 100, lastError: null });
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      const permanent = err instanceof PermanentJobError;
      if (!permanent && job.attempts < job.maxAttempts) {
        const runAt = new Date(this.clock.now().getTime() + backoffDelay(this.config.jobs.backoffBaseMs, job.attempts));
        await this.finish(job, { state: 'queued', runAt, lastError: message, finishedAt: null });
      } else {
        this.logger.warn(`job ${job.name} ${job.id} dead after ${job.attempts} attempt(s): ${message}`);
        await this.finish(job, { state: 'dead', lastError: message });
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async finish(job: JobRecord, changes: Partial<JobRecord>): Promise<void> {
    const now = this.clock.now();
    // Only the lease holder may settle the job; a stale worker's late answer is ignored.
    await this.tx.run((m) => m.update(JobRecord, { id: job.id, lockedBy: this.workerId }, {
      finishedAt: now, ...changes, lockedBy: null, lockedUntil: null, updatedAt: now,
    } as never));
  }

  private async renewLease(id: string): Promise<void> {
    const lockedUntil = new Date(this.clock.now().getTime() + this.config.jobs.leaseSeconds * 1000);
    await this.tx.run((m) => m.update(JobRecord, { id, lockedBy: this.workerId }, { lockedUntil })).catch(() => undefined);
  }

  private async progress(id: string, progress: number, message?: string): Promise<void> {
    await this.tx.run((m) => m.update(JobRecord, { id, lockedBy: this.workerId }, {
      progress: Math.max(0, Math.min(100, Math.round(progress))), progressMessage: message ?? null,
    }));
  }
}

export function toView(row: JobRecord): JobView {
  return {
    id: row.id, name: row.name, state: row.state === 'outbox' ? 'queued' : row.state, attempts: row.attempts,
    maxAttempts: row.maxAttempts, progress: row.progress, progressMessage: row.progressMessage,
    lastError: row.lastError, result: row.result, runAt: row.runAt, createdAt: row.createdAt, finishedAt: row.finishedAt,
  };
}
