import { randomUUID } from 'node:crypto';
import { createTestDatabase, DatabaseKind } from '@o2o/testing';
import { startBenchHost } from './bench-host';

// autocannon ships no types; only what this runner uses.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Autocannon = require('autocannon');

const TOKEN = 'bench-admin-token-0123456789';
const BATCH = 100;
const CONNECTIONS = 20;
const LEARNERS = 2000;
const VERBS = ['experienced', 'completed', 'scored', 'attempted', 'answered', 'passed'].map((v) => `http://adlnet.gov/expapi/verbs/${v}`);
const BASE_TIME = Date.UTC(2026, 9, 1);

/** One Moodle-like statement as JSON text; built by concatenation so the load generator stays cheap. */
function statement(n: number): string {
  const time = new Date(BASE_TIME + (n % 2_592_000) * 1000).toISOString();
  return `{"id":"${randomUUID()}","actor":{"objectType":"Agent","account":{"homePage":"https://moodle.example.edu","name":"bench-${n % LEARNERS}"}},` +
    `"verb":{"id":"${VERBS[n % VERBS.length]}","display":{"en-US":"did"}},"object":{"objectType":"Activity","id":"https://moodle.example.edu/mod/page/view.php?id=${n % 300}",` +
    `"definition":{"type":"http://adlnet.gov/expapi/activities/lesson","name":{"en":"Lesson ${n % 300}"}}},` +
    `"result":{"score":{"scaled":0.${n % 10}},"duration":"PT${n % 600}S","completion":${n % 3 === 0}},` +
    `"context":{"contextActivities":{"grouping":[{"id":"https://moodle.example.edu/course/view.php?id=${n % 40}",` +
    `"definition":{"type":"http://id.tincanapi.com/activitytype/lms/course"}}]},"platform":"Moodle"},"timestamp":"${time}"}`;
}

/**
 * xAPI statements/s: 20 concurrent clients POST batches of 100 new statements (2,000 learners, 40 courses)
 * against the real host for `seconds`, then the stored count is checked against the accepted requests.
 */
export async function runXapiBench(kind: DatabaseKind, seconds: number) {
  const db = await createTestDatabase(kind);
  const host = await startBenchHost({ DATA_DIR: db.dataDir, ...db.env, ADMIN_API_TOKEN: TOKEN, DEMO_SEED: 'false', LOG_LEVEL: 'warn' });
  const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  try {
    const credential = await (await fetch(`${host.base}/api/v1/ingest/credentials`, {
      method: 'POST', headers: admin, body: JSON.stringify({ kind: 'xapi', label: 'bench' }),
    })).json() as { authorization: string };
    let n = 0;
    const result = await autocannon({
      url: host.base, connections: CONNECTIONS, duration: seconds,
      headers: { authorization: credential.authorization, 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' },
      requests: [{
        method: 'POST', path: '/xapi/statements',
        setupRequest: (req: Record<string, unknown>) => {
          const parts: string[] = [];
          for (let i = 0; i < BATCH; i++) parts.push(statement(n++));
          return { ...req, body: `[${parts.join(',')}]` };
        },
      }],
    });
    await new Promise((r) => setTimeout(r, 2000)); // requests still in flight when the clock ran out
    const stats = await (await fetch(`${host.base}/api/v1/ingest/stats`, { headers: admin })).json() as { events: { xapi: number }; xapiStatements: number };
    return {
      database: kind,
      'statements/s': Math.round((result['2xx'] * BATCH) / result.duration),
      'requests/s': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      '2xx': result['2xx'],
      'non-2xx': result.non2xx,
      errors: result.errors,
      'statements stored': stats.xapiStatements,
      'events stored': stats.events.xapi,
      // Requests cut off by the end of the run may still have been stored; none accepted may be missing.
      'none lost': stats.xapiStatements >= result['2xx'] * BATCH && stats.events.xapi === stats.xapiStatements,
    };
  } finally {
    await host.stop();
    await db.drop();
  }
}
