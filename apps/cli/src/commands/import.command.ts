import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { TenantService } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import { CsvImportKind, CsvImportService, CsvImportSummary, limitHeapGrowthForBulkImport } from '@o2o/ingest';
import { CliCommand } from '../cli-command';
import { printTable, progressBar } from '../cli-ui';

const MAX_ERRORS_SHOWN = 20;

/**
 * `import --issuer <lms> --events <file> [--outcomes <file>]`: streams CSV history into the database (columns in
 * libs/ingest/README.md). Safe to repeat: rows already imported are counted as duplicates, not stored twice.
 */
export const importCommand: CliCommand = {
  name: 'import',
  description: 'Import CSV history (events and/or outcomes files) / 导入 CSV 学习记录',
  configure: (c) => c
    .requiredOption('--issuer <url>', 'platform the learner ids belong to (the LMS base URL, as its LTI issuer)')
    .option('--events <file>', 'events CSV: learner_id, course_id, event_type, occurred_at, [value, duration_seconds, score, amount, currency]')
    .option('--outcomes <file>', 'outcomes CSV: learner_id, course_id, result, [rating, occurred_at]')
    .option('--tenant <slug>', 'tenant slug or id', 'default')
    .option('--naive-times-utc', 'read occurred_at values without a time zone as UTC')
    .option('--batch-size <rows>', 'rows per transaction (default: SQLite 50,000, PostgreSQL 2,000)'),
  run: async (app, options) => {
    const files: Array<[CsvImportKind, string]> = [];
    if (options.events) files.push(['events', String(options.events)]);
    if (options.outcomes) files.push(['outcomes', String(options.outcomes)]);
    if (files.length === 0) throw new Error('Nothing to import: give --events <file> and/or --outcomes <file> / 请指定 --events 或 --outcomes 文件');
    limitHeapGrowthForBulkImport(app.get(TransactionRunner));
    const tenant = await app.get(TenantService).resolve(String(options.tenant));
    const service = app.get(CsvImportService);
    const summaries: CsvImportSummary[] = [];
    for (const [kind, path] of files) {
      const bar = progressBar(`${kind} ${basename(path)}`, statSync(path).size);
      try {
        summaries.push(await service.import(tenant.id, kind, createReadStream(path), {
          issuer: String(options.issuer), fileKey: basename(path), naiveTimesAreUtc: Boolean(options.naiveTimesUtc),
          batchSize: options.batchSize ? Number(options.batchSize) : undefined, maxListedErrors: MAX_ERRORS_SHOWN,
          onProgress: (progress) => bar.update(progress.bytesRead),
        }));
      } finally {
        bar.stop();
      }
    }
    printTable(summaries.map((s) => ({
      file: s.file, kind: s.kind, rows: s.rows, imported: s.imported, duplicates: s.duplicates, rejected: s.rejected,
      'new learners': s.learnersCreated, seconds: s.seconds, 'rows/s': s.seconds > 0 ? Math.round(s.rows / s.seconds) : '',
    })), `Imported into tenant ${tenant.slug} / 导入完成`);
    for (const s of summaries.filter((x) => x.errors.length > 0)) {
      printTable(s.errors.map((e) => ({ line: e.line || '', column: e.column ?? '', reason: e.reason })),
        `${s.file}: first ${s.errors.length} of ${s.rejected} rejected rows / 被拒绝的行`);
    }
  },
};
