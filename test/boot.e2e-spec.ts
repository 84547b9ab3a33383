import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@o2o/config';
import { dataSourceOptions } from '@o2o/persistence';
import { O2oPlugin } from '@o2o/plugin-sdk';
import { MoodlePlugin } from '@o2o/plugin-lms-moodle';
import { availableDatabases, createTestDatabase } from '@o2o/testing';
import { AppModule, SCHEMA } from '../apps/host/src/app.module';
import { freePort } from './support/free-port';

const HOST_MAIN = resolve(__dirname, '../dist/apps/host/src/main.js');


describe('booting the host', () => {
  it('stops with the variable name when the configuration is wrong', () => {
    const run = spawnSync(process.execPath, [HOST_MAIN], {
      env: { PATH: process.env.PATH, DATA_DIR: mkdtempSync(join(tmpdir(), 'o2o-boot-')), PORT: 'eighty', REDIS_URL: 'http://x' },
      encoding: 'utf8', timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PORT: must be an integer between 0 and 65535');
    expect(run.stderr).toContain('REDIS_URL: must be a URL');
  });

  it('refuses duplicate or incompatible plugins at boot', () => {
    const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'o2o-boot-')) });
    expect(() => AppModule.forRoot(config, { plugins: [MoodlePlugin, MoodlePlugin] })).toThrow(/listed twice/);
    const future: O2oPlugin = { ...MoodlePlugin, manifest: { ...MoodlePlugin.manifest, id: 'lms-future', sdk: '^2.0.0' } };
    expect(() => AppModule.forRoot(config, { plugins: [future] })).toThrow(/needs plugin SDK \^2\.0\.0/);
  });

  it('starts with no configuration on SQLite, seeds the demo once, and prints where it listens and the token', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'o2o-start-'));
    const start = async () => {
      const port = await freePort();
      const child = spawn(process.execPath, [HOST_MAIN], {
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => { out += d; });
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 300 && !(await fetch(`${base}/health`).then((r) => r.ok, () => false)); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      return { child, base, out: () => out };
    };
    const first = await start();
    const token = readFileSync(join(dataDir, 'admin-api-token'), 'utf8').trim();
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(first.out()).toContain('o2o-bridge listening on');
      expect(first.out()).toContain(token);
      // Upcoming demo sessions only: the demo's synthetic history (past, completed sessions) arrives in the background.
      const sessions = (await (await fetch(`${first.base}/api/v1/sessions?status=scheduled`, { headers: { authorization: `Bearer ${token}` } })).json()) as { confirmedCount: number }[];
      expect(sessions.length).toBe(8);
      expect(sessions.some((s: { confirmedCount: number }) => s.confirmedCount > 0)).toBe(true);
    } finally {
      first.child.kill('SIGTERM');
      await new Promise((r) => first.child.once('exit', r));
    }
    const second = await start();
    try {
      const sessions = (await (await fetch(`${second.base}/api/v1/sessions?status=scheduled`, { headers: { authorization: `Bearer ${token}` } })).json()) as { confirmedCount: number }[];
      expect(sessions.length).toBe(8);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  });

  it.each(availableDatabases())('applies every migration, reverts them all with down(), and applies them again on %s', async (kind) => {
    const db = await createTestDatabase(kind);
    const config = loadConfig({ DATA_DIR: db.dataDir, ...db.env, ADMIN_API_TOKEN: 'x'.repeat(20) });
    const ds = new DataSource(dataSourceOptions(config, SCHEMA));
    await ds.initialize();
    try {
      const applied = await ds.runMigrations();
      expect(applied.length).toBe(SCHEMA.migrations.length);
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration();
      const tables = await ds.createQueryRunner().getTables(['booking', 'job', 'offline_session']);
      expect(tables).toHaveLength(0);
      expect((await ds.runMigrations()).length).toBe(SCHEMA.migrations.length);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
