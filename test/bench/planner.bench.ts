// Service-plan optimiser benchmark: 3,000 learners × 60 candidate sessions; target gap ≤ 1 % within 10 s.
// Run: npx jest --config config/jest.config.js --selectProjects unit --testMatch '<rootDir>/test/bench/planner.bench.ts'
//   or, after `npm run build`, compile this file alongside and `node dist/test/bench/planner.bench.js`.
import { runPlannerBench } from '@o2o/planner';

export async function main(): Promise<void> {
  const result = await runPlannerBench();
  if (result.gap > 0.01 || result.totalSeconds > 10) {
    console.warn(`planner bench missed its target (gap ${(result.gap * 100).toFixed(3)} %, ${result.totalSeconds.toFixed(2)} s)`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  void main();
} else if (typeof test === 'function') {
  // Loaded by jest (see the run line above): run as a single test so it can be executed without a build.
  test('planner bench: 3,000 learners × 60 candidates', () => main(), 120_000);
}
