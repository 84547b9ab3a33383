/**
 * The benchmark's baseline: ltijs 5.9.9 as it comes (its own Express server, redirect with the ltik after the launch,
 * session cookie, the platform key set fetched on every launch, ltijs' nonce and state handling), on the same
 * database and tables as o2o-bridge through our TypeORM plugin in its plain mode (every ltijs call is a query).
 * Started by lti.bench.ts as its own process: ltijs is a per-process singleton.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigFromProcessEnv } from '@o2o/config';
import { createLtijsProvider, LTI_SCHEMA, RegistrationDirectory, TypeormLtijsStore } from '@o2o/lti';
import { dataSourceOptions, TransactionRunner } from '@o2o/persistence';

async function main() {
  const config = loadConfigFromProcessEnv();
  const dataSource = await new DataSource({ ...dataSourceOptions(config, { entities: LTI_SCHEMA.entities, migrations: [] }), migrationsRun: false }).initialize();
  const store = new TypeormLtijsStore(dataSource, new TransactionRunner(dataSource), config.lti.encryptionKey, new RegistrationDirectory(dataSource), 'plain');
  const lti = createLtijsProvider();
  lti.setup(config.lti.encryptionKey, { plugin: store }, {
    appRoute: '/launch', loginRoute: '/login', keysetRoute: '/keys', dynRegRoute: '/register', cors: false, ltiaas: false, devMode: false,
    tokenMaxAge: 300, cookies: { secure: true, sameSite: 'None' },
  });
  lti.onConnect((token, _req, res) => {
    const course = token.platformContext.context?.title ?? '';
    res.send(`<!DOCTYPE html><html><body><h1>Welcome ${token.userInfo.name ?? token.user}</h1><p>${course}</p></body></html>`);
  });
  await (lti as unknown as { deploy(o: object): Promise<boolean> }).deploy({ port: config.port, silent: true });
  process.stdout.write(`bare ltijs listening on ${config.port}\n`);
}

main().catch((err) => {
  process.stderr.write(`bare ltijs failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
