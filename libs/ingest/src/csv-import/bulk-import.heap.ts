import { setFlagsFromString } from 'node:v8';
import type { TransactionRunner } from '@o2o/persistence';

/**
 * How far V8 may grow the heap past what survived the last full collection, per database, for a process whose job
 * is a bulk import. Measured with 1,000,000 rows (libs/ingest/README.md):
 * - SQLite keeps ~90 MB alive (the folded aggregates, id caches) and allocates little besides: at 10 % the peak stays
 *   near 265 MB; more growth only adds memory (50 %: 295 MB, same speed).
 * - PostgreSQL keeps the rows of two transactions in flight and the driver's array literals besides, which reach
 *   the old generation: at 10 % an import took 40 s of CPU at 28-29k rows/s (and 174 full collections with the
 *   earlier 5,000-row transactions); at 30 %, 32-33k rows/s and 32 s CPU with a 270 MB peak.
 */
const HEAP_GROWTH_PERCENT = { sqlite: 10, postgres: 30 } as const;

/**
 * For the CLI's `import` and the import benchmark: by default V8 lets a heap grow to about four times what survived
 * the last full collection before collecting again, so an import that keeps ~90 MB alive would peak near 400 MB of
 * garbage-laden heap. Process-wide, so the host (where latency matters more) does not call it.
 * Example: `limitHeapGrowthForBulkImport(app.get(TransactionRunner))`.
 */
export function limitHeapGrowthForBulkImport(tx: Pick<TransactionRunner, 'isSqlite'>): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH_PERCENT[tx.isSqlite ? 'sqlite' : 'postgres']}`);
}
