import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Command } from 'commander';
import { ConfigError, loadConfigFromProcessEnv } from '@o2o/config';
import type { CliCommand } from './cli-command';
import { IngestCliModule } from './ingest-cli.module';

/**
 * An ingest command loads only its own files and boots IngestCliModule: the others import the model (TensorFlow.js),
 * the planner and, through the host's AppModule, the chat NLU and LTI (see IngestCliModule for what that costs).
 */
async function commandsFor(name: string | undefined): Promise<{ commands: CliCommand[]; ingestOnly: boolean }> {
  const ingest = (await import('./ingest-cli-commands')).INGEST_CLI_COMMANDS;
  if (ingest.some((command) => command.name === name)) return { commands: ingest, ingestOnly: true };
  return { commands: (await import('./cli-commands')).CLI_COMMANDS, ingestOnly: false };
}

/** `npm run cli -- <command>`: operator tasks (seed-demo, import, train, evaluate, plan) against the configured database. */
async function main() {
  const program = new Command('o2o-bridge').description('o2o-bridge operator commands');
  const { commands, ingestOnly } = await commandsFor(process.argv[2]);
  for (const definition of commands) {
    const command = program.command(definition.name).description(definition.description);
    definition.configure?.(command);
    command.action(async (...received: unknown[]) => {
      const cmd = received[received.length - 1] as Command;
      const config = { ...loadConfigFromProcessEnv(), demoSeed: false, logLevel: 'warn' as const };
      const module = ingestOnly
        ? IngestCliModule.forRoot(config)
        : (await import('../../host/src/app.module')).AppModule.forRoot(config, { runJobWorkers: false, http: false });
      const app = await NestFactory.createApplicationContext(module, { logger: ['error', 'warn'] });
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
