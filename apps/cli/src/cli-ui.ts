import { SingleBar, Presets } from 'cli-progress';
import Table from 'cli-table3';

/** A progress bar on stderr (so stdout stays a clean summary), silent when not on a terminal. */
export function progressBar(label: string, total: number): { update(n: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s`, stream: process.stderr }, Presets.shades_classic);
  bar.start(total, 0);
  return { update: (n) => bar.update(n), stop: () => bar.stop() };
}

/** A readable summary table. */
export function printTable(rows: Record<string, unknown>[], title?: string): void {
  if (title) process.stdout.write(`\n${title}\n`);
  if (rows.length === 0) {
    process.stdout.write('(nothing)\n');
    return;
  }
  const head = Object.keys(rows[0]);
  const table = new Table({ head });
  for (const row of rows) table.push(head.map((k) => String(row[k] ?? '')));
  process.stdout.write(table.toString() + '\n');
}
