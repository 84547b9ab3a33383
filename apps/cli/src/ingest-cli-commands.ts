import { CliCommand } from './cli-command';
import { importCommand } from './commands/import.command';
import { rebuildAggregatesCommand } from './commands/rebuild-aggregates.command';

/** The commands that boot IngestCliModule: main.ts loads only these (and their libraries) when one of them runs. */
export const INGEST_CLI_COMMANDS: CliCommand[] = [importCommand, rebuildAggregatesCommand];
