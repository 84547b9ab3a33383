import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Clock, DomainError, TenantService } from '@o2o/core';
import { JobQueue, PermanentJobError } from '@o2o/jobs';
import { ModelVersionService } from '../versions/model-version.service';
import type { TrainingTrigger } from '../versions/model-version.entity';
import { ModelTrainingService } from './model-training.service';
import type { TrainRequest } from './training-request';

export const TRAIN_JOB = 'model.train';
export const TRAIN_SCHEDULE_JOB = 'model.train-schedule';

export interface TrainJobPayload {
  tenantId: string;
  request: TrainRequest;
  trigger: TrainingTrigger;
}

/**
 * Training runs as a background job (the host by default, apps/worker when scaled out), on demand and on the
 * MODEL_TRAIN_SCHEDULE interval. A scheduled run is skipped unless attendance or ratings were recorded since the
 * latest version: those are what become new labels.
 */
@Injectable()
export class ModelTrainingJobs implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('ModelTrainingJobs');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly training: ModelTrainingService,
    private readonly versions: ModelVersionService,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register<TrainJobPayload>(TRAIN_JOB, async (payload, ctx) => {
      try {
        const version = await this.training.train(payload.tenantId, payload.request, {
          trigger: payload.trigger, jobId: ctx.id, progress: (percent, message) => ctx.reportProgress(percent, message),
        });
        return { modelVersionId: version.id, status: version.status, statusReason: version.statusReason };
      } catch (err) {
        // Too little data will not get better by retrying in a minute.
        if (err instanceof DomainError && err.status === 422) throw new PermanentJobError(`${err.code}: ${JSON.stringify(err.params)}`);
        throw err;
      }
    });
    this.jobs.register<{ slot: number }>(TRAIN_SCHEDULE_JOB, async ({ slot }) => {
      const queued: string[] = [];
      for (const tenant of await this.tenants.list()) {
        if (await this.shouldRetrain(tenant.id)) {
          queued.push((await this.jobs.enqueue(TRAIN_JOB, { tenantId: tenant.id, request: {}, trigger: 'schedule' },
            { idempotencyKey: `${TRAIN_JOB}:schedule:${tenant.id}:${slot}`, attempts: 2 })).id);
        }
      }
      await this.scheduleNext();
      return { queued };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.model.trainEveryMinutes > 0) await this.scheduleNext();
  }

  /** Checks there is enough data (422 otherwise), then queues a training run and returns its job id. */
  async enqueue(tenantId: string, request: TrainRequest, trigger: TrainingTrigger): Promise<{ jobId: string }> {
    await this.training.assertEnoughData(tenantId);
    const job = await this.jobs.enqueue<TrainJobPayload>(TRAIN_JOB, { tenantId, request, trigger }, { attempts: 2 });
    return { jobId: job.id };
  }

  /** One job per interval slot, de-duplicated by key, so several hosts and workers schedule it once. */
  private async scheduleNext(): Promise<void> {
    const interval = this.config.model.trainEveryMinutes * 60_000;
    const slot = Math.floor(this.clock.now().getTime() / interval) + 1;
    await this.jobs.enqueue(TRAIN_SCHEDULE_JOB, { slot }, { idempotencyKey: `${TRAIN_SCHEDULE_JOB}:${slot}`, runAt: new Date(slot * interval) });
  }

  private async shouldRetrain(tenantId: string): Promise<boolean> {
    try {
      await this.training.assertEnoughData(tenantId);
    } catch {
      return false;
    }
    const [latest] = await this.versions.list(tenantId, 1);
    if (!latest) return true;
    // "New attendance or ratings since the last version": either count grew. Versions stored before ratings were
    // counted compare on outcomes alone.
    const counts = latest.exampleCounts as { recordedOutcomes?: number; recordedRatings?: number };
    const newOutcomes = (await this.training.recordedOutcomes(tenantId)) > Number(counts.recordedOutcomes ?? 0);
    const newRatings = counts.recordedRatings !== undefined && (await this.training.recordedRatings(tenantId)) > counts.recordedRatings;
    if (!newOutcomes && !newRatings) this.logger.log(`tenant ${tenantId}: no new attendance or ratings since ${latest.id}, scheduled training skipped`);
    return newOutcomes || newRatings;
  }
}
