import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Command } from 'commander';
import { ConfigError, loadConfigFromProcessEnv } from '@o2o/config';
import { AppModule } from '../../host/src/app.module';
import { CLI_COMMANDS } from './cli-commands';

/** `npm run cli -- <command>`: operator tasks (seed-demo, import, train, evaluate, plan) against the configured database. */
async function main() {
  const program = new Command('o2o-bridge').description('o2o-bridge operator commands');
  for (const definition of CLI_COMMANDS) {
    const command = program.command(definition.name).description(definition.description);
    definition.configure?.(command);
    command.action(async (...received: unknown[]) => {
      const cmd = received[received.length - 1] as Command;
      const config = { ...loadConfigFromProcessEnv(), demoSeed: false, logLevel: 'warn' as const };
      const app = await NestFactory.createApplicationContext(
        AppModule.forRoot(config, { runJobWorkers: false, http: false }),
        { logger: ['error', 'warn'] },
      );
      try {
        await definition.run(app, cmd.opts(), cmd.args);
      } finally {
        await app.close();
      }
    });
  }
  await program.parseAsync(process.argv);
}

main().catch((err) => {
  process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `${err?.message ?? err}\n`);
  process.exit(1);
});
