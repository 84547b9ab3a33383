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
  /** The module graph to boot: the host's whole graph (default; no HTTP, no job workers), or only ingest's (IngestCliModule). */
  graph?: 'host' | 'ingest';
  /** Runs with that module graph booted. */
  run(app: INestApplicationContext, options: Record<string, unknown>, args: string[]): Promise<void>;
}
