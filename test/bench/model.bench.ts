// Satisfaction model, suggestions and service plans on this machine. Run: npm run bench:model
// Targets (WASM backend, 2 cores): ≥ 50,000 training examples/s, ≥ 1,000,000 inference rows/s, suggestion p99 ≤ 20 ms
// for one learner over 1,000 upcoming sessions, and a 3,000 learners × 60 candidates plan proven within 1 % in ≤ 10 s.
// Other processes share the CPUs, so the load average is printed with the numbers.
// `--only=suggestions` (comma-separated: training, service-inference, suggestions, service-plan, planner) runs just
// those parts; `--calls=N` sets the number of timed suggestion calls (300).
import { loadavg } from 'node:os';
import { SuggestionService, TenantService } from '@o2o/core';
import {
  LearnerTimeline, ModelFeaturesService, offlineSessionFeatures, runModelBench, SatisfactionModelService, SYNTHETIC_CITIES, SYNTHETIC_TOPICS,
} from '@o2o/model';
import { CreatePlanDto, runPlannerBench, ServicePlanService } from '@o2o/planner';
import { BenchApp, createUpcomingSessions, percentile, sec, startBenchApp } from './model-service.bench-app';
import { servicePlanRequest } from './service-plan.bench-request';

const log = (line: string) => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const rows: { metric: string; value: string; target: string; met: string }[] = [];
const result = (metric: string, value: number, unit: string, target: number, higherIsBetter: boolean) =>
  rows.push({ metric, value: `${Math.round(value).toLocaleString('en')} ${unit}`, target: `${higherIsBetter ? '≥' : '≤'} ${target.toLocaleString('en')} ${unit}`,
    met: (higherIsBetter ? value >= target : value <= target) ? 'yes' : 'NO' });

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const PARTS = ['training', 'service-inference', 'suggestions', 'service-plan', 'planner'] as const;
const only = arg('only')?.split(',');
const unknown = only?.filter((p) => !(PARTS as readonly string[]).includes(p)) ?? [];
if (unknown.length > 0) throw new Error(`--only: unknown part(s) ${unknown.join(', ')}; parts are ${PARTS.join(', ')}`);
const runs = (part: (typeof PARTS)[number]) => !only || only.includes(part);
const suggestionCalls = Number(arg('calls') ?? 300);

async function main(): Promise<void> {
  log(`load average at start (1/5/15 min): ${load()}`);
  if (runs('training')) await modelThroughput();
  if (runs('service-inference') || runs('suggestions') || runs('service-plan')) {
    log('\n2. Through the service (SQLite, real module graph)');
    const b = await startBenchApp(3000, log);
    try {
      if (runs('service-inference')) await serviceInference(b);
      if (runs('suggestions')) await suggestions(b);
      if (runs('service-plan')) await servicePlan(b);
    } finally {
      await b.close();
    }
  }
  if (runs('planner')) {
    log('\n3. Plan solver alone on the reference instance (3,000 × 60, random scores)');
    const plan = await runPlannerBench({}, 60, log);
    result('plan solve 3,000 × 60 (reference instance)', plan.totalSeconds * 1000, 'ms', 10_000, false);
    rows.push({ metric: 'plan gap (reference instance)', value: `${(plan.gap * 100).toFixed(3)} % (${plan.status})`, target: '≤ 1 %', met: plan.gap <= 0.01 ? 'yes' : 'NO' });
  }
  log(`\nload average at end (1/5/15 min): ${load()}`);
  console.table(rows);
}

async function modelThroughput(): Promise<void> {
  log('\n1. SatisfactionModel throughput (random rows, width 80, WASM)');
  const model = await runModelBench({ backend: 'wasm', fusions: ['fused', 'hybrid', 'dual-stream'], batchSizes: [512, 1024], inferenceRows: 200_000 });
  const fused = model.find((r) => r.fusion === 'fused' && r.batchSize === 512)!;
  result('training, fused, batch 512', fused.trainExamplesPerSecond, 'examples/s', 50_000, true);
  result('inference, offline head, 200k-row batch', fused.inferenceRowsPerSecond, 'rows/s', 1_000_000, true);
}

/** Batch scoring as plans do it: 1,000 learners × 100 sessions through SatisfactionModelService, parts encoded once. */
async function serviceInference(b: BenchApp): Promise<void> {
  const models = b.app.get(SatisfactionModelService);
  const live = (await models.current(b.tenantId))!;
  const ids = [...b.learnerIds.values()].slice(0, 1000);
  const { timelines } = await b.app.get(ModelFeaturesService).timelines(b.tenantId, ids);
  const now = Date.now();
  const learners = [...timelines.values()];
  const sessions = Array.from({ length: 100 }, (_, k) => offlineSessionFeatures({
    id: `s${k}`, topic: SYNTHETIC_TOPICS[k % 8], format: 'workshop', city: SYNTHETIC_CITIES[k % 8].name,
    startsAt: new Date(now + (3 + (k % 20)) * 86_400_000), endsAt: new Date(now + (3 + (k % 20)) * 86_400_000 + 7_200_000),
    timeZone: 'UTC', priceMinor: 2000, capacity: 20, instructorName: `Instructor ${k % 24}`, courseId: null,
  }, null));
  const parts = {
    learners: learners.map((t: LearnerTimeline) => t.learnerFeatures(now)),
    sessions,
    pairs: learners.flatMap((t: LearnerTimeline) => SYNTHETIC_TOPICS.map((topic) => t.pairFeatures(topic, now))),
    index: new Int32Array(learners.length * sessions.length * 3),
  };
  for (let l = 0, r = 0; l < learners.length; l++) {
    for (let k = 0; k < sessions.length; k++, r++) parts.index.set([l, k, l * 8 + (k % 8)], 3 * r);
  }
  const count = parts.index.length / 3;
  models.predictOfflinePairs(live, parts); // warm-up at full size (JIT, WASM memory growth)
  const before = models.tensorCount();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    models.predictOfflinePairs(live, parts);
    runs.push((performance.now() - started) / 1000);
  }
  const seconds = Math.min(...runs);
  log(`  service batch inference: ${count.toLocaleString('en')} pairs encoded and scored in ${runs.map((r) => (r * 1000).toFixed(0)).join(' / ')} ms ` +
    `(best counted); tensors before/after ${before}/${models.tensorCount()}`);
  result('inference through the service (encode + predict)', count / seconds, 'rows/s', 1_000_000, true);
}

/** One learner, 1,000 upcoming sessions, SuggestionService with the model ranker, 300 (--calls) timed calls after warm-up. */
async function suggestions(b: BenchApp): Promise<void> {
  await createUpcomingSessions(b, 1000);
  const service = b.app.get(SuggestionService);
  const learner = b.learnerIds.get('learner-1')!;
  const first = await service.forLearner(b.tenantId, learner, { limit: 5 });
  if (!first[0]?.reasonCodes.includes('model')) throw new Error('suggestions did not come from the model ranker');
  const candidates = (await service.candidates(b.tenantId, learner, {})).length;
  for (let i = 0; i < 30; i++) await service.forLearner(b.tenantId, learner, { limit: 5 });
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < suggestionCalls; i++) {
    const started = performance.now();
    await service.forLearner(b.tenantId, learner, { limit: 5 });
    times.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((x, y) => x - y);
  log(`  suggestions over ${candidates} candidate sessions (${times.length} calls): p50 ${percentile(times, 50).toFixed(1)} ms, ` +
    `p99 ${percentile(times, 99).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms; process CPU ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(1)} ms ` +
    `per call; load ${load()}; top: ${first[0].reason.en}`);
  rows.push({ metric: 'suggestion latency p50 (1,000 sessions)', value: `${percentile(times, 50).toFixed(1)} ms`, target: '', met: '' });
  result('suggestion latency p99 (1,000 sessions)', percentile(times, 99), 'ms', 20, false);
}

/** POST /plans' service path: 3,000 learners × 60 candidates scored by the model, then solved. */
async function servicePlan(b: BenchApp): Promise<void> {
  const tenant = await b.app.get(TenantService).resolve(b.tenantId);
  const started = performance.now();
  const plan = await b.app.get(ServicePlanService).create(tenant, servicePlanRequest() as unknown as CreatePlanDto);
  const total = (performance.now() - started) / 1000;
  log(`  service plan: ${plan.eligibleLearners} learners × ${plan.candidates.length} candidates (${plan.eligiblePairs} pairs, scores: ${plan.scoreSource}); ` +
    `scoring + solving ${sec(started)} s, of which solver ${plan.solveSeconds.toFixed(2)} s; ${plan.solverStatus}, gap ${((plan.gap ?? Infinity) * 100).toFixed(3)} %, ` +
    `objective ${plan.objectiveValue.toFixed(2)}, cost ${plan.totalCost}/${plan.budget}`);
  result('plan through the service (model scores + solve)', total * 1000, 'ms', 10_000, false);
  rows.push({ metric: 'plan gap (service path)', value: `${((plan.gap ?? Infinity) * 100).toFixed(3)} % (${plan.solverStatus})`, target: '≤ 1 %', met: (plan.gap ?? 1) <= 0.01 ? 'yes' : 'NO' });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
