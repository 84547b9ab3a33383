/**
 * npm run bench:bot — chat turns per second and reply latency for a "find sessions" turn, with 50 conversations
 * talking at once to the real host (its own process, as in production) through POST /api/messages (Bot Framework
 * activities, deliveryMode expectReplies: the reply comes back in the HTTP response, as for Direct Line clients).
 * Each conversation sends its next turn when the previous reply arrived, like a person would (only faster).
 * Targets on a 2-core machine: ≥ 500 turns/s, p99 ≤ 100 ms. Prints the load average: the CPU may be shared.
 * Profile the host: BENCH_HOST_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench:bot
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { availableDatabases, createTestDatabase, DatabaseKind } from '@o2o/testing';
import { processCpuMs, startBenchHost } from './bench-host';

const TOKEN = 'bench-admin-token-0123456789';
const CONVERSATIONS = 50;
const WARMUP_S = 3;
const DURATION_S = 10;
const UTTERANCES = ['Python workshops in Shanghai', '上海有Python的工作坊吗', 'any data analysis labs in Beijing', 'machine learning sessions in Shanghai'];

function activity(conversationId: string, text: string) {
  return JSON.stringify({
    type: 'message', id: randomUUID(), channelId: 'webchat', serviceUrl: 'https://webchat.botframework.test/',
    conversation: { id: conversationId }, from: { id: `user-${conversationId}` }, recipient: { id: 'bot' },
    locale: 'en-US', text, deliveryMode: 'expectReplies',
  });
}

/** One conversation: turn after turn until `until`; latencies only after the warm-up. */
async function converse(base: string, index: number, warmUntil: number, until: number, latencies: number[], failures: string[]) {
  const conversationId = `bench-${index}-${randomUUID().slice(0, 8)}`;
  let turn = 0;
  while (performance.now() < until) {
    const text = UTTERANCES[(index + turn++) % UTTERANCES.length];
    const started = performance.now();
    try {
      const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity(conversationId, text) });
      const body = (await res.json()) as { activities?: { attachments?: unknown[] }[] };
      const ms = performance.now() - started;
      if (res.status !== 200 || !body.activities?.some((a) => a.attachments?.length)) failures.push(`${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      else if (started >= warmUntil) latencies.push(ms);
    } catch (err) {
      failures.push(String(err));
    }
  }
}


const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * 4 topics × 4 cities × 5 weeks of sessions over the REST API. Not the demo seed: with it, other capabilities train
 * a demo model in the host at start, which would be measured too.
 */
async function seedCatalogue(base: string): Promise<number> {
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const topics = [['python', 'Python Basics / Python 入门'], ['data-analysis', 'Data Analysis with pandas / pandas 数据分析'],
    ['machine-learning', 'Machine Learning 101 / 机器学习入门'], ['design', 'UX Design Fundamentals / 用户体验设计']];
  const cities = ['Shanghai', 'Beijing', 'Shenzhen', 'Hangzhou'];
  let sessions = 0;
  for (const [topic, title] of topics) {
    const course = await post('/api/v1/courses', { externalId: topic, title, topic });
    for (const city of cities) {
      const venue = await post('/api/v1/venues', { name: `${city} ${topic} room`, city, address: `${sessions + 1} Main St`, capacity: 30 });
      for (let week = 1; week <= 5; week++) {
        const start = Date.now() + week * 7 * 86_400_000;
        await post('/api/v1/sessions', {
          title: `${title.split(' / ')[0]} ${city} lab ${week} / ${title.split(' / ')[1]} ${week}`, topic, courseId: course.id, venueId: venue.id,
          format: 'workshop', city, timeZone: 'Asia/Shanghai', capacity: 20, waitlistLimit: 10, price: 199, currency: 'CNY',
          startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * 3_600_000).toISOString(),
        });
        sessions++;
      }
    }
  }
  return sessions;
}

async function bench(kind: DatabaseKind) {
  const db = await createTestDatabase(kind);
  const { base, child, stop } = await startBenchHost({
    DATA_DIR: db.dataDir, ...db.env, ADMIN_API_TOKEN: TOKEN, DEMO_SEED: 'false', LOG_LEVEL: 'warn', BOT_ALLOW_UNAUTHENTICATED: 'true',
  });
  try {
    const sessions = await seedCatalogue(base);
    const loadBefore = loadavg()[0];
    const latencies: number[] = [];
    const failures: string[] = [];
    const t0 = performance.now();
    const warmUntil = t0 + WARMUP_S * 1000;
    const until = warmUntil + DURATION_S * 1000;
    let cpuAtStart: number | undefined;
    setTimeout(() => { cpuAtStart = processCpuMs(child.pid!); }, warmUntil - t0);
    await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => converse(base, i, warmUntil, until, latencies, failures)));
    const cpuAtEnd = processCpuMs(child.pid!);
    // On a shared machine turns/s depends on what others run; the host's own CPU per turn does not.
    const hostCpuPerTurn = cpuAtStart !== undefined && cpuAtEnd !== undefined ? (cpuAtEnd - cpuAtStart) / latencies.length : undefined;
    const sorted = latencies.sort((a, b) => a - b);
    return {
      database: kind,
      sessions,
      'turns/s': Math.round(latencies.length / DURATION_S),
      'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
      'p99 ms': Number(percentile(sorted, 99).toFixed(1)),
      'max ms': Number(sorted[sorted.length - 1].toFixed(1)),
      turns: latencies.length,
      failures: failures.length,
      'host CPU ms/turn': hostCpuPerTurn === undefined ? 'n/a' : Number(hostCpuPerTurn.toFixed(2)),
      'turns per host CPU-s': hostCpuPerTurn ? Math.round(1000 / hostCpuPerTurn) : 'n/a',
      'load avg (1 min) before → after': `${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)} on ${cpus().length} cores`,
      ...(failures.length ? { 'first failure': failures[0] } : {}),
    };
  } finally {
    await stop();
    await db.drop();
  }
}

async function main() {
  const rows = [];
  for (const kind of availableDatabases()) rows.push(await bench(kind));
  console.table(rows);
  if (rows.some((r) => r.failures > 0)) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
