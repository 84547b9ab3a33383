import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createTestDatabase, DatabaseKind } from '@o2o/testing';

const CHILD = resolve(__dirname, 'csv-import.child.js');

/**
 * CSV rows/s and peak RSS: a fresh process imports `rows` generated rows (50,000 learners, 200 courses, quoted
 * fields, purchases, scores) through the real CsvImportService into a fresh database. Its own process, so the
 * peak RSS (getrusage) is the import's, not the benchmark's.
 */
export async function runCsvBench(kind: DatabaseKind, rows: number, graph: 'lean' | 'full', batchSize: number, nodeArgs: string[] = []) {
  const db = await createTestDatabase(kind);
  try {
    const output = await new Promise<string>((done, fail) => {
      const child = spawn(process.execPath, [...nodeArgs, CHILD, graph, String(rows), String(batchSize), JSON.stringify({ DATA_DIR: db.dataDir, ...db.env })],
        { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (chunk) => { text += chunk; });
      child.on('exit', (code) => (code === 0 ? done(text) : fail(new Error(`CSV import child exited with ${code}`))));
    });
    const r = JSON.parse(output.trim().split('\n').pop()!);
    return {
      database: kind, graph, 'node flags': nodeArgs.join(' ') || '-', batch: batchSize || 'default', rows: r.rows, imported: r.imported, seconds: r.seconds, 'rows/s': r.rowsPerSecond,
      'CPU s': r.cpuSeconds, 'RSS boot MB': r.bootRssMb, 'RSS 10%/50%/end MB': `${r.rssAt10Mb}/${r.rssAt50Mb}/${r.endRssMb}`,
      'peak RSS MB': r.peakRssMb,
    };
  } finally {
    await db.drop();
  }
}
