import { CliCommand } from './cli-command';
import { seedDemoCommand } from './commands/seed-demo.command';
import { trainCommand } from './commands/train.command';
import { evaluateCommand } from './commands/evaluate.command';
import { planCommand } from './commands/plan.command';
import { importCommand } from './commands/import.command';
import { rebuildAggregatesCommand } from './commands/rebuild-aggregates.command';

/** Every CLI command, one line each. */
export const CLI_COMMANDS: CliCommand[] = [
  seedDemoCommand,
  trainCommand, evaluateCommand, planCommand,
  importCommand, rebuildAggregatesCommand,
];
