import { DemoSeedService, TenantService } from '@o2o/core';
import { DemoModelBootstrap } from '@o2o/model';
import { CliCommand } from '../cli-command';
import { printTable, progressBar } from '../cli-ui';

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  description: 'Fill a tenant with the demo catalogue, learners, sessions and bookings, plus a synthetic history to train on',
  configure: (c) => c
    .option('--tenant <slug>', 'tenant slug', 'default')
    .option('--no-history', 'skip the synthetic history (past sessions, outcomes, online activity)'),
  run: async (app, options) => {
    const tenant = await app.get(TenantService).ensure(String(options.tenant), String(options.tenant));
    const result = await app.get(DemoSeedService).seed(tenant.id);
    let history = { seeded: false, bookings: 0, onlineEvents: 0 };
    if (options.history !== false) {
      const bar = progressBar('synthetic history', 100);
      try {
        history = await app.get(DemoModelBootstrap).seedDemoHistory(tenant.id, (percent) => bar.update(Math.round(percent)));
      } finally {
        bar.stop();
      }
    }
    printTable([{
      tenant: tenant.slug, ...result, 'history bookings': history.bookings, 'history online events': history.onlineEvents,
    }], 'Demo data seeded / 演示数据已生成 (next: npm run cli -- train)');
  },
};
