import { TenantService } from '@o2o/core';
import { LearnerAggregateBackfill } from '@o2o/ingest';
import { CliCommand } from '../cli-command';
import { printTable } from '../cli-ui';

/** Backfill: recomputes every learner aggregate of a tenant from its stored learning events. */
export const rebuildAggregatesCommand: CliCommand = {
  name: 'rebuild-aggregates',
  description: 'Rebuild learner aggregates from stored learning events / 重新计算学员汇总',
  configure: (c) => c.option('--tenant <slug>', 'tenant slug or id', 'default'),
  run: async (app, options) => {
    const tenant = await app.get(TenantService).resolve(String(options.tenant));
    const summary = await app.get(LearnerAggregateBackfill).rebuild(tenant.id, (n) => process.stderr.isTTY && process.stderr.write(`\r${n} learners`));
    if (process.stderr.isTTY) process.stderr.write('\n');
    printTable([{ tenant: tenant.slug, ...summary }], 'Learner aggregates rebuilt / 学员汇总已重算');
  },
};
