import type { DataSource } from 'typeorm';

interface PragmaConnection {
  pragma(source: string, options?: { simple: boolean }): unknown;
}

export interface SqliteImportPragmas {
  /** Page cache for the import, in KiB (SQLite's negative `cache_size`). */
  cacheKib: number;
  /** WAL pages before the committing connection checkpoints. */
  walAutocheckpointPages: number;
  /** Helper threads SQLite's sorter may use (building the learner index again at the end of a large import). */
  sorterThreads: number;
}

/**
 * Raises the page cache and the checkpoint interval of the one SQLite connection while a bulk import runs, and
 * puts them back afterwards. A million-row import touches the random-keyed learner index on tens of thousands of
 * pages; with the default 2 MB cache most inserts read a page back and each 5,000-row commit checkpoints (two
 * fsyncs) pages the next commit dirties again. Neither setting weakens durability: a commit is in the WAL (and
 * synchronous stays as configured), a checkpoint only copies committed pages into the database file later.
 */
export async function withSqliteImportPragmas<T>(dataSource: DataSource, pragmas: SqliteImportPragmas, work: () => Promise<T>): Promise<T> {
  const db = (dataSource.driver as unknown as { databaseConnection?: PragmaConnection }).databaseConnection;
  if (!db?.pragma) return work();
  const cache = db.pragma('cache_size', { simple: true });
  const checkpoint = db.pragma('wal_autocheckpoint', { simple: true });
  const threads = db.pragma('threads', { simple: true });
  db.pragma(`cache_size = ${-Math.abs(pragmas.cacheKib)}`);
  db.pragma(`wal_autocheckpoint = ${pragmas.walAutocheckpointPages}`);
  db.pragma(`threads = ${pragmas.sorterThreads}`);
  try {
    return await work();
  } finally {
    db.pragma(`cache_size = ${Number(cache)}`);
    db.pragma(`wal_autocheckpoint = ${Number(checkpoint)}`);
    db.pragma(`threads = ${Number(threads)}`);
  }
}
