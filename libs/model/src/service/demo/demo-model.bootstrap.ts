import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Clock, DEFAULT_TENANT_SLUG, TenantService } from '@o2o/core';
import { JobQueue } from '@o2o/jobs';
import { rawQuery } from '@o2o/persistence';
import { ModelTrainingService } from '../training/model-training.service';
import { demoLearnerActivity } from './demo-learner-activity';
import { DEMO_MAPPING } from './synthetic-history.mapping';
import { SyntheticHistorySeeder } from './synthetic-history.seeder';

export const DEMO_BOOTSTRAP_JOB = 'model.demo-bootstrap';
/** Big enough to train a useful first model in seconds; the history ends "now", so it is all in the past. */
export const DEMO_WORLD = { seed: 20261204, learners: 400, days: 180, bookingsPerLearner: 5 };

type Progress = (percent: number, message: string) => void | Promise<void>;

/**
 * `npm start` on an empty database: after the demo catalogue is seeded, a background job adds a synthetic
 * history (generateSyntheticWorld, mapped onto the demo's cities and topics) and online activity for the demo
 * learners, then trains the first model. Listening never waits for it; suggestions use the catalogue ranking
 * until the model is live, then the model.
 */
@Injectable()
export class DemoModelBootstrap implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('DemoModelBootstrap');
  private emptyAtBoot = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly tenants: TenantService,
    private readonly seeder: SyntheticHistorySeeder,
    private readonly training: ModelTrainingService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    this.jobs.register(DEMO_BOOTSTRAP_JOB, async (_payload, ctx) => {
      const tenant = await this.demoTenantReady();
      await this.seedDemoHistory(tenant.id, (p, m) => ctx.reportProgress(p * 0.4, m));
      const version = await this.training.train(tenant.id, {}, {
        trigger: 'bootstrap', jobId: ctx.id, progress: (p, m) => ctx.reportProgress(40 + p * 0.6, m),
      });
      return { modelVersionId: version.id, status: version.status, statusReason: version.statusReason };
    });
    // Decided before any bootstrap hook runs, i.e. before the demo seed fills the database.
    if (this.config.demoSeed) {
      const [row] = await rawQuery<{ n: unknown }>(this.dataSource.manager, 'SELECT COUNT(*) AS "n" FROM "offline_session"');
      this.emptyAtBoot = Number(row?.n ?? 0) === 0;
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.emptyAtBoot) return;
    const job = await this.jobs.enqueue(DEMO_BOOTSTRAP_JOB, {}, { idempotencyKey: `${DEMO_BOOTSTRAP_JOB}:default`, attempts: 10 });
    this.logger.log(`empty database: demo history and first model queued as job ${job.id}`);
  }

  /**
   * The demo seed runs in the same start-up, possibly after this job is first picked up: wait for its sessions
   * (a minute at most, then fail and let the queue retry) rather than train on a half-seeded tenant.
   */
  private async demoTenantReady() {
    for (let attempt = 0; attempt < 600; attempt++) {
      const tenant = await this.tenants.resolve(DEFAULT_TENANT_SLUG).catch(() => null);
      const scheduled = tenant
        ? await rawQuery(this.dataSource.manager, 'SELECT 1 FROM "offline_session" WHERE "tenantId" = ? AND "status" = ?', [tenant.id, 'scheduled'])
        : [];
      if (tenant && scheduled.length > 0) return tenant;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the demo catalogue was not seeded within a minute');
  }

  /** Synthetic history (once per tenant) and the demo learners' online activity; also used by `cli seed-demo`. */
  async seedDemoHistory(tenantId: string, progress?: Progress): Promise<{ seeded: boolean; bookings: number; onlineEvents: number }> {
    let result = { seeded: false, bookings: 0, onlineEvents: 0 };
    if (!(await this.seeder.isSeeded(tenantId))) {
      const now = this.clock.now();
      const start = new Date(now.getTime() - DEMO_WORLD.days * 86_400_000);
      const seeded = await this.seeder.seed(tenantId, { ...DEMO_WORLD, start }, DEMO_MAPPING, progress);
      result = { seeded: true, bookings: seeded.bookings, onlineEvents: seeded.onlineEvents };
    }
    // Idempotent (stable source ids): demo learners registered later also get their history.
    await this.seeder.storeEvents(tenantId, demoLearnerActivity(this.clock.now()));
    await progress?.(100, 'demo history seeded');
    return result;
  }
}
