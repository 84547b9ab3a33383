/**
 * Child process of the CSV import benchmark: boots the module graph (lean: the CLI import's IngestCliModule —
 * config, persistence, core, jobs, ingest; or the host's whole graph), streams a generated events CSV file through CsvImportService into
 * the database and prints one JSON line with throughput and memory. Run by csv-import.runner.ts.
 */
import 'reflect-metadata';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@o2o/config';
import { TenantService } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import { CsvImportService, limitHeapGrowthForBulkImport, syntheticEventsCsv } from '@o2o/ingest';
import { IngestCliModule } from '../../apps/cli/src/ingest-cli.module';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function boot(graph: string, env: Record<string, string>) {
  const config = loadConfig({ ...env, ADMIN_API_TOKEN: 'bench-admin-token-0123456789', DEMO_SEED: 'false', LOG_LEVEL: 'warn' });
  if (graph === 'full') {
    // Loaded only here: the full graph pulls every capability (chat NLU, model, LTI) into the process.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AppModule } = require('../../apps/host/src/app.module');
    return NestFactory.createApplicationContext(AppModule.forRoot(config, { runJobWorkers: false, http: false }), { logger: ['error'] });
  }
  return NestFactory.createApplicationContext(IngestCliModule.forRoot(config), { logger: ['error'] });
}

async function main() {
  const [graph, rowsText, batchText, env] = [process.argv[2], process.argv[3], process.argv[4], JSON.parse(process.argv[5])];
  const rows = Number(rowsText);
  // The file is written before the clock starts and read from disk, as the CLI's import reads it.
  const file = join(mkdtempSync(join(tmpdir(), 'o2o-csv-bench-')), 'synthetic.csv');
  await pipeline(syntheticEventsCsv({ rows }), createWriteStream(file));
  const app = await boot(graph, env);
  const tenant = await app.get(TenantService).ensure('default', 'Bench', { timeZone: 'Asia/Shanghai' });
  // As the CLI's import command does (bulk-import.heap.ts).
  limitHeapGrowthForBulkImport(app.get(TransactionRunner));
  const bootRss = process.memoryUsage().rss;
  const rssAt: Record<string, number> = {};
  const cpu = process.cpuUsage();
  const summary = await app.get(CsvImportService).import(tenant.id, 'events', createReadStream(file), {
    issuer: 'https://lms.example.edu', fileKey: 'synthetic.csv', batchSize: Number(batchText) || undefined, // 0: the service's default for the database
    onProgress: (p) => {
      for (const f of [0.1, 0.5]) if (!rssAt[f] && p.rowsAccepted >= rows * f) rssAt[f] = process.memoryUsage().rss;
    },
  });
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({
    rows: summary.rows, imported: summary.imported, rejected: summary.rejected, learners: summary.learnersCreated,
    seconds: summary.seconds, rowsPerSecond: Math.round(summary.rows / summary.seconds),
    cpuSeconds: Math.round((used.user + used.system) / 1e4) / 100,
    bootRssMb: mb(bootRss), rssAt10Mb: mb(rssAt[0.1] ?? 0), rssAt50Mb: mb(rssAt[0.5] ?? 0), endRssMb: mb(process.memoryUsage().rss),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  }) + '\n');
  await app.close();
  rmSync(dirname(file), { recursive: true, force: true });
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
