import { CliCommand } from './cli-command';
import { seedDemoCommand } from './commands/seed-demo.command';
import { importCommand } from './commands/import.command';
import { rebuildAggregatesCommand } from './commands/rebuild-aggregates.command';

/** Every CLI command, one line each. */
export const CLI_COMMANDS: CliCommand[] = [
  seedDemoCommand,
  importCommand, rebuildAggregatesCommand,
];
