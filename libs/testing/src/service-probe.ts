import { spawnSync } from 'node:child_process';

const cache = new Map<string, boolean>();

/**
 * True when something accepts TCP connections on host:port. Synchronous on purpose: Jest decides which
 * `describe` blocks exist (SQLite always; PostgreSQL and Redis when they answer) while collecting tests.
 */
export function isPortOpen(port: number, host = '127.0.0.1'): boolean {
  const key = `${host}:${port}`;
  if (!cache.has(key)) {
    const probe = spawnSync(process.execPath, ['-e', `
      const s = require('net').connect(${port}, '${host}');
      s.setTimeout(1000);
      s.on('connect', () => process.exit(0));
      s.on('error', () => process.exit(1));
      s.on('timeout', () => process.exit(1));`], { timeout: 3000 });
    cache.set(key, probe.status === 0);
  }
  return cache.get(key)!;
}

export const POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_TEST_URL = 'redis://127.0.0.1:6379/0';

export type DatabaseKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL as well when 127.0.0.1:5432 answers. */
export function availableDatabases(): DatabaseKind[] {
  return isPortOpen(5432) ? ['sqlite', 'postgres'] : ['sqlite'];
}

export function redisAvailable(): boolean {
  return isPortOpen(6379);
}
