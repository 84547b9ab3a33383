import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseKind, POSTGRES_ADMIN_URL } from './service-probe';

export interface TestDatabase {
  kind: DatabaseKind;
  /** Environment entries that point the app at this database. */
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, empty database per test file: a temp SQLite file, or a new PostgreSQL database dropped afterwards. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'o2o-test-'));
  if (kind === 'sqlite') {
    return { kind, env: {}, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `o2o_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    kind,
    env: { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}` },
    dataDir,
    drop: async () => {
      const c = new Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
