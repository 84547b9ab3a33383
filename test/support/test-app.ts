import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppConfig, loadConfig } from '@o2o/config';
import { Clock, ManualClock } from '@o2o/core';
import { JOB_CLOCK } from '@o2o/jobs';
import { createTestDatabase, DatabaseKind, TestDatabase } from '@o2o/testing';
import { AppModule, AppModuleOptions } from '../../apps/host/src/app.module';
import { configureHttpApp } from '../../apps/host/src/configure-http-app';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
export const AUTH = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  clock: ManualClock;
  config: AppConfig;
  db: TestDatabase;
  close(): Promise<void>;
}

/** Boots the real module graph (the host's AppModule) over real HTTP on a fresh database. */
export async function createTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  options: AppModuleOptions & { db?: TestDatabase } = {},
): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase(kind));
  const config = loadConfig({
    DATA_DIR: db.dataDir, ADMIN_API_TOKEN: TEST_ADMIN_TOKEN, IDENTITY_SECRET: 'test-identity-secret-0123456789abcdef',
    DEMO_SEED: 'false', LOG_LEVEL: 'silent', NODE_ENV: 'test', JOBS_POLL_INTERVAL_MS: '50', ...db.env, ...env,
  });
  const clock = new ManualClock(new Date('2026-12-04T08:00:00Z'));
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, options)] })
    .overrideProvider(Clock).useValue(clock)
    .overrideProvider(JOB_CLOCK).useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureHttpApp(app);
  await app.init();
  const server = app.getHttpServer();
  return {
    app, clock, config, db,
    http: () => request(server),
    close: async () => {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
}
