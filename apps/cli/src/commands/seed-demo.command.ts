import { DemoSeedService, TenantService } from '@o2o/core';
import { CliCommand } from '../cli-command';
import { printTable } from '../cli-ui';

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  description: 'Fill a tenant with the demo catalogue, learners, sessions and bookings',
  configure: (c) => c.option('--tenant <slug>', 'tenant slug', 'default'),
  run: async (app, options) => {
    const tenant = await app.get(TenantService).ensure(String(options.tenant), String(options.tenant));
    const result = await app.get(DemoSeedService).seed(tenant.id);
    printTable([{ tenant: tenant.slug, ...result }], 'Demo data seeded');
  },
};
