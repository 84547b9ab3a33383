import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';

/**
 * One CLI command. Example:
 * ```ts
 * export const trainCommand: CliCommand = {
 *   name: 'train', description: 'Train the satisfaction model',
 *   configure: (c) => c.option('--tenant <slug>', 'tenant', 'default'),
 *   run: async (app, opts) => { ... },
 * };
 * ```
 */
export interface CliCommand {
  name: string;
  description: string;
  configure?(command: Command): Command;
  /** Runs with the module graph booted: the host's (no HTTP, no job workers), or IngestCliModule for INGEST_CLI_COMMANDS. */
  run(app: INestApplicationContext, options: Record<string, unknown>, args: string[]): Promise<void>;
}
