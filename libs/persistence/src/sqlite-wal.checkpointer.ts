import { Worker } from 'node:worker_threads';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

interface SqliteConnection {
  name: string;
  memory: boolean;
  pragma(source: string): unknown;
}

const INTERVAL_MS = 100;
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

// Runs in a worker thread with its own connection: copying WAL frames into the database file and its fsyncs happen
// on the other core instead of inside whichever request's COMMIT crossed 1,000 pages.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = (mode) => {
  try { db.pragma('wal_checkpoint(' + mode + ')'); } catch (err) { parentPort.postMessage({ error: String(err && err.message) }); }
};
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint('PASSIVE');
  db.close();
  parentPort.postMessage('stopped');
});
`;

/**
 * Moves SQLite's WAL checkpoints off the event loop: the host's connection stops checkpointing on commit and a
 * worker thread checkpoints every 100 ms. If the thread fails, the connection checkpoints on commit again, so the
 * WAL never grows without bound. PostgreSQL and in-memory databases are left alone.
 */
@Injectable()
export class SqliteWalCheckpointer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SqliteWalCheckpointer');
  private worker: Worker | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (this.dataSource.options.type !== 'better-sqlite3') return;
    const connection = (this.dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
    if (connection.memory) return;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file: connection.name, intervalMs: INTERVAL_MS },
    });
    worker.unref();
    const fallBack = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      connection.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
      this.logger.warn(`background checkpoints stopped (${reason}); checkpointing on commit again`);
    };
    worker.on('message', (m: unknown) => {
      if (typeof m === 'object' && m && 'error' in m) this.logger.warn(`checkpoint failed: ${(m as { error: string }).error}`);
    });
    worker.on('error', (err) => fallBack(err.message));
    worker.on('exit', (code) => fallBack(`exit ${code}`));
    connection.pragma('wal_autocheckpoint = 0');
    this.worker = worker;
  }

  async onApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    await new Promise<void>((done) => {
      const timer = setTimeout(() => void worker.terminate().then(() => done()), 5_000);
      const onMessage = (m: unknown) => {
        if (m !== 'stopped') return;
        worker.off('message', onMessage);
        clearTimeout(timer);
        void worker.terminate().then(() => done());
      };
      worker.on('message', onMessage);
      worker.postMessage('stop');
    });
  }
}
