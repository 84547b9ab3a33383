import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, TenantService } from '@o2o/core';
import { rawQuery, TransactionRunner } from '@o2o/persistence';
import { LearnerAggregateUpdater } from './learner-aggregate.updater';

export interface BackfillSummary {
  learners: number;
  events: number;
  seconds: number;
}

const PAGE = 500;

/**
 * Rebuilds every learner aggregate of a tenant from its stored events, a page of learners per transaction, with
 * the same state functions the incremental path uses. Safe while events keep arriving (see the updater's lock
 * order). Use after a change to the aggregate rules or the tenant's time zone, or to check the incremental rows.
 */
@Injectable()
export class LearnerAggregateBackfill {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly tenants: TenantService,
    private readonly updater: LearnerAggregateUpdater,
    private readonly clock: Clock,
  ) {}

  async rebuild(tenantId: string, onProgress?: (learners: number) => void): Promise<BackfillSummary> {
    const started = Date.now();
    const tenant = await this.tenants.resolve(tenantId);
    let after = '';
    let learners = 0;
    let events = 0;
    for (;;) {
      const page = await rawQuery<{ learnerId: string }>(this.dataSource.manager,
        `SELECT DISTINCT "learnerId" FROM "learning_event" WHERE "tenantId" = ? AND "learnerId" > ? ORDER BY "learnerId" LIMIT ${PAGE}`,
        [tenantId, after]);
      if (page.length === 0) break;
      const ids = page.map((r) => r.learnerId);
      events += await this.tx.run((m) => this.updater.rebuild(m, tenantId, tenant.timeZone, ids, this.clock.now()));
      learners += ids.length;
      after = ids[ids.length - 1];
      onProgress?.(learners);
    }
    return { learners, events, seconds: Math.round((Date.now() - started) / 10) / 100 };
  }
}
