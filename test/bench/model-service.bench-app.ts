import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@o2o/config';
import { TenantService } from '@o2o/core';
import { IDENTITY_MAPPING, ModelTrainingService, SyntheticHistorySeeder, SYNTHETIC_TOPICS, SYNTHETIC_CITIES } from '@o2o/model';
import { rawQuery, TransactionRunner } from '@o2o/persistence';
import { AppModule } from '../../apps/host/src/app.module';

const DAY_MS = 86_400_000;

export interface BenchApp {
  app: INestApplicationContext;
  tenantId: string;
  learnerIds: Map<string, string>;
  close(): Promise<void>;
}

/**
 * The real module graph on a fresh SQLite file (no HTTP, no job workers), a synthetic history of `learners`
 * learners, and a first model trained on it — the state `npm start` reaches after its bootstrap job.
 */
export async function startBenchApp(learners: number, log: (line: string) => void): Promise<BenchApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'o2o-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_SEED: 'false', MODEL_BACKEND: 'wasm',
    MODEL_EVAL_RUNS: '1', MODEL_EPOCHS: '10', MODEL_MIN_EXAMPLES: '100',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { runJobWorkers: false, http: false }), { logger: false });
  const tenantId = (await app.get(TenantService).resolve('default')).id;
  let started = performance.now();
  const world = await app.get(SyntheticHistorySeeder).seed(tenantId,
    { seed: 3, learners, start: new Date(Date.now() - 190 * DAY_MS), days: 180, onlineStartsPerWeek: 0.3 }, IDENTITY_MAPPING);
  log(`  seeded ${learners} learners, ${world.bookings} bookings, ${world.onlineEvents} online events in ${sec(started)} s`);
  started = performance.now();
  const version = await app.get(ModelTrainingService).train(tenantId, { gate: { minMeanF1: 0, minMeanAuc: 0, maxStd: 1 } }, { trigger: 'cli' });
  log(`  trained version ${version.id.slice(0, 8)} (${version.status}) in ${sec(started)} s`);
  // The SQLite file is ~60 MB per run: removed with the app rather than left in the temp directory.
  const close = async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, tenantId, learnerIds: world.learnerIds, close };
}

/** `count` bookable upcoming sessions over the next 60 days, written in bulk. */
export async function createUpcomingSessions(b: BenchApp, count: number): Promise<void> {
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => {
    const startsAt = new Date(now + (2 + (i % 58)) * DAY_MS + (9 + (i % 10)) * 3_600_000);
    return [randomUUID(), b.tenantId, `Bench session ${i + 1}`, '', SYNTHETIC_TOPICS[i % SYNTHETIC_TOPICS.length],
      ['workshop', 'lecture', 'study_group', 'lab'][i % 4], SYNTHETIC_CITIES[(i * 7) % SYNTHETIC_CITIES.length].name,
      `Instructor ${1 + (i % 24)}`, startsAt, new Date(startsAt.getTime() + 2 * 3_600_000), 'UTC', 20, 10, (i % 6) * 1000,
      'EUR', 'en', 'scheduled', i % 25, 0, 0, 0, new Date(now), new Date(now)];
  });
  const columns = ['id', 'tenantId', 'title', 'description', 'topic', 'format', 'city', 'instructorName', 'startsAt', 'endsAt',
    'timeZone', 'capacity', 'waitlistLimit', 'priceMinor', 'currency', 'language', 'status', 'confirmedCount', 'waitlistCount',
    'queueSeq', 'revision', 'createdAt', 'updatedAt'];
  await b.app.get(TransactionRunner).run(async (m) => {
    for (let i = 0; i < rows.length; i += 400) {
      const chunk = rows.slice(i, i + 400);
      await rawQuery(m, `INSERT INTO "offline_session" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ` +
        chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', '), chunk.flat());
    }
  });
}

export function sec(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
