/**
 * npm run bench:booking — bookings per second and latency with 100 concurrent HTTP clients against the real host
 * (started as its own process, as in production), on SQLite and (when 127.0.0.1:5432 answers) PostgreSQL.
 * BENCH_DATABASES=sqlite|postgres picks one; BENCH_HOST_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the host.
 * Afterwards checks over the API that no session holds more confirmed bookings than seats.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { availableDatabases, createTestDatabase, DatabaseKind } from '@o2o/testing';

const TOKEN = 'bench-admin-token-0123456789';
const SESSIONS = 200;
const LEARNERS = 4000;
const DURATION_S = 10;
const HOST_MAIN = resolve(__dirname, '../../apps/host/src/main.js');

/** CPU seconds a process has used (user + system), from /proc: comparable across runs on a busy machine. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const freePort = () => new Promise<number>((done) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => done(port));
  });
});

async function startHost(env: Record<string, string>): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...process.execArgv, ...(process.env.BENCH_HOST_NODE_ARGS ?? "").split(" ").filter(Boolean), HOST_MAIN], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return { base, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('host did not start');
}

async function bench(kind: DatabaseKind) {
  const db = await createTestDatabase(kind);
  const { base, child } = await startHost({
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
    const cpuBefore = cpuSeconds(child.pid!);
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
    const hostCpuMs = (cpuSeconds(child.pid!) - cpuBefore) * 1000;
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
    child.kill();
    await new Promise((r) => child.once('exit', r));
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
