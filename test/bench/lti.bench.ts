/**
 * npm run bench:lti — full LTI launches (login → platform /auth → launch → learner page) per second and latency at 50
 * concurrent users (a course of 500 learners who all launched once before), through o2o-bridge (the real host as its
 * own process) and, in the same run, through bare ltijs on the same database. Options: --db=sqlite|postgres|all (default: postgres when it answers, else sqlite),
 * --seconds=20, --users=50.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { availableDatabases, createTestDatabase, DatabaseKind, FakeLtiPlatform } from '@o2o/testing';
import { freePort } from '../support/free-port';
import { processCpuMs } from './bench-host';
import { fullLaunch } from './lti-launch.driver';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SECONDS = Number(arg('seconds', '20'));
const USERS = Number(arg('users', '50'));
const ROUNDS = 4;
const LEARNERS = 500;
const TOKEN = 'bench-admin-token-0123456789';
const DIST = resolve(__dirname, '../..');

async function start(script: string, env: Record<string, string>, ready: string, nodeArgs: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, resolve(DIST, script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 300; i++) {
    if (await fetch(ready).then((r) => r.status < 500, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function api(base: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(base + path, {
    method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

interface RunResult {
  name: string; launches: number; errors: number; perSecond: number; p50: number; p99: number; cpuMsPerLaunch: number;
  /** This process's CPU per launch: the fake LMS (signing id_tokens) and the load generator. */
  driverCpuMsPerLaunch: number; firstError?: string;
}

interface Tally { latencies: number[]; errors: number; seconds: number; toolCpuMs: number; driverCpuMs: number; firstError?: string }

/** One timed segment of launches against one target, added to its tally. */
async function segment(tally: Tally, pid: number, seconds: number, launch: (user: string) => Promise<void>, record = true): Promise<void> {
  let next = 0;
  const cpu0 = processCpuMs(pid);
  const driver0 = process.cpuUsage();
  const t0 = Date.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(Array.from({ length: USERS }, async () => {
    while (Date.now() < deadline) {
      // A course of 500 learners, each launching again and again, as learners return to a course page.
      const user = `learner-${next++ % LEARNERS}`;
      const started = performance.now();
      try {
        await launch(user);
        if (record) tally.latencies.push(performance.now() - started);
      } catch (err) {
        if (record) tally.errors += 1;
        tally.firstError ??= (err as Error).message;
      }
    }
  }));
  if (!record) return;
  const driver = process.cpuUsage(driver0);
  tally.seconds += (Date.now() - t0) / 1000;
  tally.toolCpuMs += processCpuMs(pid) - cpu0;
  tally.driverCpuMs += (driver.user + driver.system) / 1000;
}

function summary(name: string, t: Tally): RunResult {
  const sorted = [...t.latencies].sort((a, b) => a - b);
  const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN);
  const n = Math.max(1, sorted.length);
  return {
    name, launches: sorted.length, errors: t.errors, perSecond: Math.round((sorted.length / t.seconds) * 10) / 10, p50: pct(0.5), p99: pct(0.99),
    cpuMsPerLaunch: Math.round((t.toolCpuMs / n) * 10) / 10, driverCpuMsPerLaunch: Math.round((t.driverCpuMs / n) * 10) / 10, firstError: t.firstError,
  };
}

async function bench(kind: DatabaseKind): Promise<RunResult[]> {
  const db = await createTestDatabase(kind);
  const platform = await FakeLtiPlatform.start({ flavour: 'moodle' });
  const [ourPort, barePort] = [await freePort(), await freePort()];
  const ours = `http://127.0.0.1:${ourPort}`;
  const bare = `http://127.0.0.1:${barePort}`;
  const env = { DATA_DIR: db.dataDir, ...db.env, ADMIN_API_TOKEN: TOKEN, IDENTITY_SECRET: 'bench-identity-secret-0123456789abcdef', DEMO_SEED: 'false', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  const children: ChildProcess[] = [];
  try {
    // BENCH_HOST_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof-lti" profiles the host (written when it stops on SIGINT).
    const hostArgs = (process.env.BENCH_HOST_NODE_ARGS ?? '').split(' ').filter(Boolean);
    children.push(await start('apps/host/src/main.js', { ...env, PORT: String(ourPort), PUBLIC_URL: ours, JOBS_RUN_IN_HOST: 'false' }, `${ours}/health`, hostArgs));
    const register = async (clientId: string, base: string, prefix: string) => {
      platform.registerTool({ clientId, deploymentIds: ['1'], loginUrl: `${base}${prefix}/login`, redirectUris: [`${base}${prefix}/launch`], jwksUrl: `${base}${prefix}/keys`,
        customParameters: { o2o_topic: 'data-analysis' } });
      const cfg = platform.toolConfig(clientId);
      const reg = await api(ours, 'POST', '/api/v1/lti/platforms', { issuer: cfg.issuer, clientId, name: clientId, authLoginUrl: cfg.authorizationEndpoint,
        authTokenUrl: cfg.tokenEndpoint, jwksUrl: cfg.jwksUri, deploymentIds: ['1'] });
      await api(ours, 'POST', `/api/v1/lti/platforms/${reg.id}/activate`);
    };
    await register('o2o-bridge', ours, '/lti');
    await register('bare-ltijs', bare, '');
    platform.registry.addContext({ id: 'course-1', title: 'Python for data analysis', label: 'PY101' });
    await fullLaunch(platform, 'o2o-bridge', 'learner-0', /Offline sessions for/);
    // Every learner has launched once before the measurement (pseudonym created, course linked): the steady state.
    for (let i = 0; i < LEARNERS; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, j) => fullLaunch(platform, 'o2o-bridge', `learner-${i + j}`, /Offline sessions for/)));
    }
    const course = (await api(ours, 'GET', '/api/v1/courses'))[0];
    const start0 = Date.now() + 7 * 86_400_000;
    for (let i = 0; i < 8; i++) {
      await api(ours, 'POST', '/api/v1/sessions', { title: `Workshop ${i}`, topic: 'data-analysis', courseId: course.id, format: 'workshop', city: 'Shanghai',
        timeZone: 'Asia/Shanghai', startsAt: new Date(start0 + i * 86_400_000).toISOString(), endsAt: new Date(start0 + i * 86_400_000 + 7_200_000).toISOString(),
        capacity: 30, waitlistLimit: 30 });
    }
    children.push(await start('test/bench/bare-ltijs.server.js', { ...env, PORT: String(barePort), PUBLIC_URL: bare }, `${bare}/keys`));
    // Alternating segments, so load from other processes on the machine weighs on both targets alike.
    const targets = [
      { name: `bare ltijs (${kind})`, pid: children[1].pid!, launch: (u: string) => fullLaunch(platform, 'bare-ltijs', u, /Welcome/) },
      { name: `o2o-bridge (${kind})`, pid: children[0].pid!, launch: (u: string) => fullLaunch(platform, 'o2o-bridge', u, /Offline sessions for[\s\S]*Workshop/) },
    ];
    const tallies = targets.map((): Tally => ({ latencies: [], errors: 0, seconds: 0, toolCpuMs: 0, driverCpuMs: 0 }));
    for (const [i, target] of targets.entries()) await segment(tallies[i], target.pid, 3, target.launch, false);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [i, target] of targets.entries()) await segment(tallies[i], target.pid, SECONDS / ROUNDS, target.launch);
    }
    const results = targets.map((target, i) => summary(target.name, tallies[i]));
    return results;
  } finally {
    // SIGINT: the host shuts down through Nest's hooks (and writes its CPU profile when asked to).
    await Promise.all(children.map((child) => new Promise((done) => {
      if (child.exitCode !== null) return done(undefined);
      child.once('exit', done);
      child.kill('SIGINT');
    })));
    await platform.stop();
    await db.drop();
  }
}

async function main() {
  const which = arg('db', availableDatabases().includes('postgres') ? 'postgres' : 'sqlite');
  const kinds = (which === 'all' ? availableDatabases() : [which]) as DatabaseKind[];
  process.stdout.write(`Full LTI launches, ${USERS} concurrent users, ${SECONDS} s per target in ${ROUNDS} alternating segments (after a 3 s warm-up each)\n`);
  for (const kind of kinds) {
    const [bare, ours] = await bench(kind);
    for (const r of [bare, ours]) {
      process.stdout.write(`  ${r.name.padEnd(24)} ${String(r.perSecond).padStart(7)} launches/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  ` +
        `tool ${String(r.cpuMsPerLaunch).padStart(4)} ms CPU/launch (LMS + driver ${r.driverCpuMsPerLaunch})  ${r.launches} ok, ${r.errors} failed${r.firstError ? ` (first: ${r.firstError.slice(0, 120)})` : ''}\n`);
    }
    const ratio = ours.perSecond / bare.perSecond;
    process.stdout.write(`  → o2o-bridge / bare ltijs = ${ratio.toFixed(2)}× (target ≥ 1.5×), o2o-bridge p99 ${ours.p99} ms (target ≤ 300 ms): ` +
      `${ratio >= 1.5 && ours.p99 <= 300 ? 'met' : 'NOT met'}\n`);
  }
}

main().then(() => process.exit(0), (err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
