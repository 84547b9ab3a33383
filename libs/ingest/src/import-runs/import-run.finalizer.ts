import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, TenantService } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import { LearnerAggregateUpdater } from '../aggregates/learner-aggregate.updater';
import { ImportAggregateFold } from './import-aggregate.fold';
import { ImportRunLedger, ImportRunRecord } from './import-run.ledger';
import { LearnerIndexDeferral } from './learner-index.deferral';

/** Learners rebuilt per transaction: short transactions, so live doors keep writing while a big import settles. */
const LEARNERS_PER_TRANSACTION = 500;

/**
 * The work a bulk import defers to its end, done for a run that ended (or, through ImportRunRecovery, for one
 * whose process died): build the learner index again if this run dropped it and no live run still needs it
 * dropped, add what the run's events contribute to each learner's aggregate (merging the run's folded states into
 * the stored rows, under the updater's locks), close the run. After a crash the folded states are gone: every
 * learner with an event written since the run started is rebuilt from the stored events instead, as the backfill
 * does, which counts duplicates and concurrent doors exactly once.
 */
@Injectable()
export class ImportRunFinalizer {
  private readonly logger = new Logger('ImportRunFinalizer');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: ImportRunLedger,
    private readonly index: LearnerIndexDeferral,
    private readonly updater: LearnerAggregateUpdater,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
  ) {}

  /**
   * `fold` holds what the run's committed transactions added (the run's own process); without it (recovery after a
   * crash) every learner with an event written since the run started is rebuilt from the stored events instead.
   */
  async finish(run: ImportRunRecord, status: 'done' | 'recovered', fold?: ImportAggregateFold): Promise<void> {
    // Merging needs no learner index (it reads aggregates by key) and frees the fold before the index build's sort
    // takes its memory; rebuilding reads events by learner, so it builds the index first when no live run needs it
    // dropped.
    let rebuilt = 0;
    if (fold) {
      for (const slice of fold.drain(LEARNERS_PER_TRANSACTION)) {
        await this.tx.run((m) => this.updater.merge(m, run.tenantId, slice, this.clock.now()));
      }
    } else {
      if (!(await this.anotherRunDefersIndex(run))) await this.index.restore();
      rebuilt = await this.rebuildSince(run);
    }
    // Asking whether another live run still wants the index dropped, building it if none does and closing the run,
    // all in one transaction (SQLite's write queue runs them one at a time): of two runs ending together the later
    // sees the earlier closed, and a crash in between leaves the run open for recovery. Any run, not only the one
    // that dropped it, builds a missing index nobody needs dropped.
    const indexRebuilt = await this.tx.run(async (m) => {
      const built = !(await this.anotherRunDefersIndex(run, m)) && (await this.index.restore(m));
      await this.ledger.close(run, status, this.clock.now(), m);
      return built;
    });
    if (status === 'recovered') {
      this.logger.warn(`Finished import run ${run.id} (${run.fileKey}) left by a process that stopped: ` +
        `${rebuilt} learners' aggregates rebuilt${indexRebuilt ? ', learner index built again' : ''}`);
    }
  }

  private async rebuildSince(run: ImportRunRecord): Promise<number> {
    const tenant = await this.tenants.resolve(run.tenantId);
    const learnerIds = (await this.tx.readSql<{ learnerId: string }>(
      'SELECT DISTINCT "learnerId" FROM "learning_event" WHERE "id" >= ? AND "tenantId" = ? ORDER BY "learnerId"',
      [run.sinceEventId, run.tenantId])).map((r) => r.learnerId);
    for (let start = 0; start < learnerIds.length; start += LEARNERS_PER_TRANSACTION) {
      const slice = learnerIds.slice(start, start + LEARNERS_PER_TRANSACTION);
      await this.tx.run((m) => this.updater.rebuild(m, run.tenantId, tenant.timeZone, slice, this.clock.now()));
    }
    return learnerIds.length;
  }

  private async anotherRunDefersIndex(run: ImportRunRecord, m?: EntityManager): Promise<boolean> {
    const now = this.clock.now();
    return (await this.ledger.running(m)).some((r) => r.id !== run.id && r.learnerIndexDeferred && !this.ledger.isAbandoned(r, now));
  }
}
