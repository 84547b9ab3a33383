import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantService } from '@o2o/core';
import { rawQuery } from '@o2o/persistence';
import { LearnerAggregateUpdater } from '../aggregates/learner-aggregate.updater';
import { selectIn } from '../storage/bulk-sql';

/**
 * xAPI voiding (Data §2.3.2): the voided statement stays stored but is served only by `voidedStatementId`, and
 * its learning event is flagged voided. A void cannot be "subtracted" from a streak or a first-activity date,
 * so the affected learners' aggregates are recomputed from their remaining events.
 */
@Injectable()
export class XapiVoidApplier {
  constructor(
    private readonly aggregates: LearnerAggregateUpdater,
    private readonly tenants: TenantService,
  ) {}

  async apply(m: EntityManager, tenantId: string, voidedStatementIds: string[], now: Date): Promise<void> {
    if (voidedStatementIds.length === 0) return;
    const ids = [...new Set(voidedStatementIds)];
    const affected = await selectIn<{ learnerId: string }>(m,
      `SELECT DISTINCT "learnerId" FROM "learning_event" WHERE "tenantId" = ? AND "source" = 'xapi' AND "voided" = ? AND "sourceId" {in}`,
      [tenantId, false], ids);
    const list = ids.map(() => '?').join(', ');
    await rawQuery(m, `UPDATE "xapi_statement" SET "voided" = ? WHERE "tenantId" = ? AND "statementId" IN (${list})`, [true, tenantId, ...ids]);
    await rawQuery(m, `UPDATE "learning_event" SET "voided" = ? WHERE "tenantId" = ? AND "source" = 'xapi' AND "sourceId" IN (${list})`,
      [true, tenantId, ...ids]);
    if (affected.length === 0) return;
    const tenant = await this.tenants.resolve(tenantId, m);
    await this.aggregates.rebuild(m, tenantId, tenant.timeZone, affected.map((r) => r.learnerId), now);
  }
}
