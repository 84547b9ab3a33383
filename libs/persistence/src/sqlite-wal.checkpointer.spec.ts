import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@o2o/testing';
import { SqliteWalCheckpointer } from './sqlite-wal.checkpointer';

interface Connection {
  pragma(source: string, options?: { simple: boolean }): unknown;
}

describe('SqliteWalCheckpointer', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let file: string;
  const connection = () => (dataSource.driver as unknown as { databaseConnection: Connection }).databaseConnection;

  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    file = join(db.dataDir, 'wal.sqlite');
    dataSource = new DataSource({
      type: 'better-sqlite3', database: file,
      prepareDatabase: (c: Connection) => { c.pragma('journal_mode = WAL'); },
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE "note" ("id" integer PRIMARY KEY, "body" text NOT NULL)');
    connection().pragma('wal_checkpoint(TRUNCATE)');
  });

  afterEach(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const writeRows = async (count: number) => {
    const body = 'x'.repeat(500);
    await dataSource.transaction(async (m) => {
      for (let i = 0; i < count; i++) await m.query('INSERT INTO "note" ("body") VALUES (?)', [body]);
    });
  };

  it('stops checkpointing on commit and moves the WAL into the database file from its thread', async () => {
    const checkpointer = new SqliteWalCheckpointer(dataSource);
    checkpointer.onModuleInit();
    expect(connection().pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(file).size;
    await writeRows(4000); // ~2 MB: several autocheckpoint thresholds' worth of pages
    // Only a checkpoint writes pages into the main file; the host connection no longer does it.
    for (let i = 0; i < 100 && statSync(file).size <= before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
    await checkpointer.onApplicationShutdown();
  });

  it('gives checkpoints back to the connection when the thread dies', async () => {
    const checkpointer = new SqliteWalCheckpointer(dataSource);
    checkpointer.onModuleInit();
    const worker = (checkpointer as unknown as { worker: Worker }).worker;
    await worker.terminate();
    for (let i = 0; i < 50 && connection().pragma('wal_autocheckpoint', { simple: true }) === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(connection().pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer.onApplicationShutdown();
  });
});
