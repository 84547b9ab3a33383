import { setFlagsFromString } from 'node:v8';

/**
 * For a process whose job is a bulk import (the CLI's `import`, the import benchmark): V8 lets the heap grow to
 * about four times what survived the last full collection before collecting again, so an import that keeps ~90 MB
 * alive (its learners' folded aggregates and id caches) would peak near 400 MB of garbage-laden heap. Growing by
 * 10 % instead keeps the peak RSS flat and under 300 MB for a million rows (PostgreSQL: 293 MB, SQLite: 275 MB; at 20 %
 * PostgreSQL peaked at 312 MB), at the cost of more frequent, cheap
 * collections. Process-wide, so the host (where latency matters more) does not call it.
 */
export function limitHeapGrowthForBulkImport(percent = 10): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
