import { parseEventsCsv } from '../csv/events-csv.parser';
import { syntheticEventsCsv } from './synthetic-events-csv';

export interface CsvParseBenchOptions {
  rows?: number;
  batchSize?: number;
  invalidEvery?: number;
}

export interface CsvParseBenchResult {
  rows: number;
  rowsAccepted: number;
  rowsRejected: number;
  batches: number;
  seconds: number;
  rowsPerSecond: number;
  /** CPU time (user + system) of this process; with other load on the machine, rows per CPU-second is steadier. */
  cpuSeconds: number;
  rowsPerCpuSecond: number;
  /** RSS before parsing started and the highest RSS seen while parsing (sampled per batch and every 20 ms). */
  baselineRssMb: number;
  peakRssMb: number;
  /** RSS when 10 %, 50 % and 100 % of the rows were through: flat memory means these stay close. */
  rssAtProgressMb: { '10%': number; '50%': number; '100%': number };
  peakHeapUsedMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Streams a generated events CSV through parseEventsCsv and reports throughput and memory. Nothing is stored:
 * this measures the parsing door alone (the storing service adds its own transaction cost).
 * Run: `npx swc libs/ingest/src -d /tmp/ingest-bench --strip-leading-paths` then
 * `NODE_PATH=$PWD/node_modules node /tmp/ingest-bench/bench/csv-parse-bench.js [rows]`.
 */
export async function runCsvParseBench(options: CsvParseBenchOptions = {}): Promise<CsvParseBenchResult> {
  const rows = options.rows ?? 1_000_000;
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const checkpoints: Array<[fraction: number, rss: number]> = [[0.1, 0], [0.5, 0], [1, 0]];
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    return usage;
  };
  const timer = setInterval(sample, 20);
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let batches = 0;
  let accepted = 0;
  let rejected = 0;
  try {
    const input = syntheticEventsCsv({ rows, invalidEvery: options.invalidEvery ?? 0 });
    for await (const batch of parseEventsCsv(input, { issuer: 'https://lms.example.edu', fileKey: 'bench.csv', batchSize: options.batchSize ?? 1000 })) {
      batches++;
      accepted = batch.progress.rowsAccepted;
      rejected = batch.progress.rowsRejected;
      const usage = sample();
      for (const checkpoint of checkpoints) {
        if (!checkpoint[1] && accepted + rejected >= rows * checkpoint[0]) checkpoint[1] = usage.rss;
      }
    }
  } finally {
    clearInterval(timer);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    rows,
    rowsAccepted: accepted,
    rowsRejected: rejected,
    batches,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    cpuSeconds: Math.round(cpuSeconds * 100) / 100,
    rowsPerCpuSecond: Math.round(rows / cpuSeconds),
    baselineRssMb: mb(baseline.rss),
    peakRssMb: mb(peakRss),
    rssAtProgressMb: { '10%': mb(checkpoints[0][1]), '50%': mb(checkpoints[1][1]), '100%': mb(checkpoints[2][1]) },
    peakHeapUsedMb: mb(peakHeap),
  };
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  runCsvParseBench({ rows, invalidEvery: Number(process.argv[3] ?? 0) })
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
