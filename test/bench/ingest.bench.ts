/**
 * npm run bench:ingest — the online-data doors under load, on SQLite and (when 127.0.0.1:5432 answers) PostgreSQL:
 * 1. xAPI statements/s: batches of 100 over HTTP from 20 concurrent clients against the real host process;
 * 2. CSV import rows/s and peak RSS for 1,000,000 generated rows through the real import service into the database.
 * Options: --seconds N (xAPI run length, default 15), --rows N (default 1,000,000), --batch N (rows per
 * transaction on SQLite, default 50,000 as the import service), --graph lean|full (CSV process: ingest modules only, or the whole host graph), --only xapi|csv,
 * --node-flags "…" (V8 flags for a second CSV run per database; default --max-old-space-size=128, '' to skip),
 * --db sqlite|postgres (only that database; default both when PostgreSQL answers).
 * Only the CSV part on SQLite, 200,000 rows: `node dist/test/bench/ingest.bench.js --only csv --db sqlite --rows 200000 --node-flags ''`.
 */
import { loadavg } from 'node:os';
import { availableDatabases } from '@o2o/testing';
import { runCsvBench } from './csv-import.runner';
import { runXapiBench } from './xapi-throughput.runner';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main() {
  const only = option('only', 'all');
  const seconds = Number(option('seconds', '15'));
  const rows = Number(option('rows', '1000000'));
  const batch = Number(option('batch', '0'));
  const graph = option('graph', 'lean') as 'lean' | 'full';
  const nodeFlags = option('node-flags', '--max-old-space-size=128').split(' ').filter(Boolean);
  const db = option('db', 'all');
  const databases = availableDatabases().filter((kind) => db === 'all' || kind === db);
  process.stdout.write(`load average before: ${load()} (2 cores; other work on the machine depresses the numbers)\n`);
  if (only !== 'csv') {
    const results = [];
    for (const kind of databases) results.push({ ...(await runXapiBench(kind, seconds)), 'load avg after': load() });
    console.table(results);
    process.stdout.write('target: ≥ 5,000 statements/s on each database\n');
  }
  if (only !== 'xapi') {
    const results = [];
    for (const kind of databases) {
      results.push({ ...(await runCsvBench(kind, rows, graph, batch)), 'load avg after': load() });
      console.table(results.slice(-1)); // as each run ends: a later run failing must not lose the earlier ones
      if (nodeFlags.length) {
        results.push({ ...(await runCsvBench(kind, rows, graph, batch, nodeFlags)), 'load avg after': load() });
        console.table(results.slice(-1));
      }
    }
    console.table(results);
    process.stdout.write('targets: ≥ 50,000 rows/s, peak RSS < 300 MB for 1,000,000 rows\n');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
