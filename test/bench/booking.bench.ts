/**
 * npm run bench:booking — bookings per second and latency with 100 concurrent HTTP clients against the real host
 * (started as its own process, as in production), on SQLite and (when 127.0.0.1:5432 answers) PostgreSQL.
 * BENCH_DATABASES=sqlite|postgres picks one; BENCH_HOST_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the host.
 * Afterwards checks over the API that no session holds more confirmed bookings than seats.
 */
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { availableDatabases, createTestDatabase, DatabaseKind } from '@o2o/testing';
import { processCpuMs, startBenchHost } from './bench-host';

const TOKEN = 'bench-admin-token-0123456789';
const SESSIONS = 200;
const LEARNERS = 4000;
const DURATION_S = 10;

async function bench(kind: DatabaseKind) {
  const db = await createTestDatabase(kind);
  const { base, child, stop } = await startBenchHost({
    DATA_DIR: db.dataDir, ...db.env, ADMIN_API_TOKEN: TOKEN, DEMO_SEED: 'false', LOG_LEVEL: 'warn', BOOKING_CUTOFF_MINUTES: '0',
  });
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const call = async (method: string, path: string, body?: unknown): Promise<any> => // eslint-disable-line @typescript-eslint/no-explicit-any
    (await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })).json();
  try {
    const sessions: string[] = [];
    const start = Date.now() + 30 * 86_400_000;
    for (let i = 0; i < SESSIONS; i++) {
      sessions.push((await call('POST', '/api/v1/sessions', {
        title: `Bench ${i}`, topic: 'python', format: 'workshop', city: 'Shanghai', timeZone: 'Asia/Shanghai',
        startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(),
        capacity: 20, waitlistLimit: 10_000,
      })).id);
    }
    const learners: string[] = [];
    for (let i = 0; i < LEARNERS; i++) learners.push((await call('POST', '/api/v1/learners', { externalId: `bench-${i}` })).id);

    let n = 0;
    const cpuBefore = processCpuMs(child.pid!);
    const result = await autocannon({
      url: base, connections: 100, duration: DURATION_S, headers,
      requests: [{
        method: 'POST',
        // Each request is a new (session, learner) pair, so every one is a real booking, not a repeat.
        setupRequest: (req: Record<string, unknown>) => {
          const i = n++;
          return { ...req, path: `/api/v1/sessions/${sessions[i % SESSIONS]}/bookings`,
            body: JSON.stringify({ learnerId: learners[Math.floor(i / SESSIONS) % LEARNERS] }) };
        },
      }],
    });
    const hostCpuMs = processCpuMs(child.pid!) - cpuBefore;
    let overBooked = 0;
    let stored = 0;
    for (const id of sessions) {
      const list = (await call('GET', `/api/v1/sessions/${id}/bookings`)) as { status: string }[];
      stored += list.length;
      if (list.filter((b) => b.status === 'confirmed').length > 20) overBooked++;
    }
    return {
      database: kind, 'bookings/s': Math.round(result.requests.average), 'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99, 'host CPU ms/booking': Number((hostCpuMs / Math.max(result['2xx'], 1)).toFixed(3)), '2xx': result['2xx'], 'non-2xx': result.non2xx, errors: result.errors,
      'bookings stored': stored, 'over-booked sessions': overBooked,
    };
  } finally {
    await stop();
    await db.drop();
  }
}

async function main() {
  const rows = [];
  // BENCH_DATABASES=postgres (or sqlite) runs one database only.
  const only = process.env.BENCH_DATABASES?.split(',');
  for (const kind of availableDatabases().filter((k) => !only || only.includes(k))) rows.push(await bench(kind));
  console.table(rows);
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (rows.some((r) => r['over-booked sessions'] > 0)) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
