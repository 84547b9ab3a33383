/**
 * npm run bench:booking — bookings per second and latency with 100 concurrent HTTP clients against the real host,
 * on SQLite and (when 127.0.0.1:5432 answers) PostgreSQL. Checks afterwards that no session is over-booked.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { loadConfig } from '@o2o/config';
import { availableDatabases, createTestDatabase, DatabaseKind } from '@o2o/testing';
import { AppModule } from '../../apps/host/src/app.module';
import { configureHttpApp } from '../../apps/host/src/configure-http-app';

const TOKEN = 'bench-admin-token-0123456789';
const SESSIONS = 200;
const LEARNERS = 4000;
const DURATION_S = 10;

async function bench(kind: DatabaseKind) {
  const db = await createTestDatabase(kind);
  const config = loadConfig({
    DATA_DIR: db.dataDir, ...db.env, ADMIN_API_TOKEN: TOKEN, DEMO_SEED: 'false', LOG_LEVEL: 'silent',
    BOOKING_CUTOFF_MINUTES: '0',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: false });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) });
    return res.json() as Promise<{ id: string }>;
  };
  const sessions: string[] = [];
  const start = Date.now() + 30 * 86_400_000;
  for (let i = 0; i < SESSIONS; i++) {
    sessions.push((await post('/api/v1/sessions', {
      title: `Bench ${i}`, topic: 'python', format: 'workshop', city: 'Shanghai', timeZone: 'Asia/Shanghai',
      startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(),
      capacity: 20, waitlistLimit: 10_000,
    })).id);
  }
  const learners: string[] = [];
  for (let i = 0; i < LEARNERS; i++) learners.push((await post('/api/v1/learners', { externalId: `bench-${i}` })).id);

  let n = 0;
  const result = await autocannon({
    url: base, connections: 100, duration: DURATION_S, headers,
    requests: [{
      method: 'POST',
      setupRequest: (req: Record<string, unknown>) => {
        const i = n++;
        // Every request is a new (session, learner) pair until pairs run out, so each one is a real booking.
        return { ...req, path: `/api/v1/sessions/${sessions[i % SESSIONS]}/bookings`,
          body: JSON.stringify({ learnerId: learners[Math.floor(i / SESSIONS) % LEARNERS] }) };
      },
    }],
  });
  const ds = app.get(DataSource);
  const over = await ds.query(`SELECT COUNT(*) AS c FROM offline_session s WHERE s."confirmedCount" > s.capacity OR
    (SELECT COUNT(*) FROM booking b WHERE b."sessionId" = s.id AND b.status = 'confirmed') > s.capacity`);
  const bookings = await ds.query(`SELECT COUNT(*) AS c FROM booking`);
  await app.close();
  await db.drop();
  return {
    database: kind,
    'bookings/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    '2xx': result['2xx'],
    'non-2xx': result.non2xx,
    errors: result.errors,
    'bookings stored': Number(bookings[0].c),
    'over-booked sessions': Number(over[0].c),
  };
}

async function main() {
  const rows = [];
  for (const kind of availableDatabases()) rows.push(await bench(kind));
  console.table(rows);
  if (rows.some((r) => r['over-booked sessions'] > 0)) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
