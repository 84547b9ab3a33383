/**
 * Service-plan optimiser benchmark: 3,000 learners × 60 candidate sessions, seeded, budget and capacities
 * binding. Target: proven gap ≤ 1 % within 10 s. Exits non-zero when the target is missed.
 * Run without a build:
 *   npx jest --config config/jest.config.js --selectProjects unit --testMatch '<rootDir>/test/bench/planner.bench.ts'
 * or compiled like the booking bench: node dist/test/bench/planner.bench.js
 */
import { runPlannerBench } from '@o2o/planner';

async function main(): Promise<boolean> {
  const result = await runPlannerBench();
  const met = result.status === 'optimal' && result.gap <= 0.01 && result.totalSeconds <= 10;
  if (!met) console.warn('planner bench: target missed');
  return met;
}

if (process.env.JEST_WORKER_ID !== undefined) {
  test('planner bench: 3,000 learners × 60 candidate sessions', async () => expect(await main()).toBe(true), 120_000);
} else {
  main().then(
    (met) => process.exit(met ? 0 : 1),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
