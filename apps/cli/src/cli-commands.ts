import { CliCommand } from './cli-command';
import { seedDemoCommand } from './commands/seed-demo.command';

/** Every CLI command, one line each. */
export const CLI_COMMANDS: CliCommand[] = [seedDemoCommand];
