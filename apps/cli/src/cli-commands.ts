import { CliCommand } from './cli-command';
import { seedDemoCommand } from './commands/seed-demo.command';
import { trainCommand } from './commands/train.command';
import { evaluateCommand } from './commands/evaluate.command';
import { planCommand } from './commands/plan.command';
import { INGEST_CLI_COMMANDS } from './ingest-cli-commands';

/** Every CLI command, one line each. */
export const CLI_COMMANDS: CliCommand[] = [
  seedDemoCommand,
  trainCommand, evaluateCommand, planCommand,
  ...INGEST_CLI_COMMANDS,
];
