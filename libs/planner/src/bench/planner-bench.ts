import { ServicePlanSolver } from '../service-plan.solver';
import type { ServicePlan } from '../service-plan.types';
import { createRandomPlanInput, RandomPlanInputOptions } from './random-plan-input.factory';

export interface PlannerBenchResult {
  learners: number;
  candidates: number;
  eligiblePairs: number;
  modelPairs: number;
  rows: number;
  columns: number;
  status: ServicePlan['status'];
  planSource: string;
  openedSessions: number;
  invitations: number;
  totalCost: number;
  budget: number;
  seatsFilled: number;
  seatsOffered: number;
  objectiveValue: number;
  bestBound: number;
  gap: number;
  buildSeconds: number;
  solverSeconds: number;
  totalSeconds: number;
}

/**
 * The benchmark instance (issue 3, item 6): 3,000 learners × 60 candidate sessions, every pair scored, six slots,
 * capacities 20–60 (≈ 2,400 seats against 3,000 learners per slot), a budget of 45 % of the total cost and a
 * minimum expected attendance of 15. Budget and capacities both bind at the optimum.
 */
export const PLANNER_BENCH_INSTANCE: RandomPlanInputOptions = {
  seed: 20260301,
  learners: 3000,
  candidates: 60,
  slots: 6,
  instructors: 20,
  venues: 12,
  capacity: [20, 60],
  cost: [1000, 3000],
  budgetShare: 0.45,
  minAttendance: 15,
};

/** Solves the benchmark instance, prints the figures and returns them. Target: gap ≤ 1 % within 10 s. */
export async function runPlannerBench(
  overrides: Partial<RandomPlanInputOptions> = {},
  timeLimitSeconds = 60,
  print: (line: string) => void = console.log,
): Promise<PlannerBenchResult> {
  const instance = { ...PLANNER_BENCH_INSTANCE, ...overrides };
  const input = createRandomPlanInput(instance);
  const started = performance.now();
  const plan = await new ServicePlanSolver().solve(input, { timeLimitSeconds, mipRelGap: 0.01 });
  const totalSeconds = (performance.now() - started) / 1000;
  const result: PlannerBenchResult = {
    learners: instance.learners,
    candidates: instance.candidates,
    eligiblePairs: plan.stats.eligiblePairs,
    modelPairs: plan.stats.modelPairs,
    rows: plan.stats.rows,
    columns: plan.stats.columns,
    status: plan.status,
    planSource: plan.stats.planSource,
    openedSessions: plan.sessions.length,
    invitations: plan.sessions.reduce((sum, s) => sum + s.invitations.length, 0),
    totalCost: plan.totalCost,
    budget: input.budget,
    seatsFilled: plan.sessions.reduce((sum, s) => sum + s.invitations.length, 0),
    seatsOffered: plan.sessions.reduce((sum, s) => sum + s.capacity, 0),
    objectiveValue: plan.objectiveValue,
    bestBound: plan.bestBound,
    gap: plan.gap,
    buildSeconds: plan.stats.buildSeconds,
    solverSeconds: plan.stats.solverSeconds,
    totalSeconds,
  };
  print(
    `planner bench: ${result.learners} learners × ${result.candidates} candidates ` +
      `(${result.eligiblePairs} pairs, ${result.modelPairs} after pruning; ${result.rows} rows, ${result.columns} cols)`,
  );
  print(
    `  status ${result.status} (${result.planSource}), objective ${result.objectiveValue.toFixed(4)}, ` +
      `bound ${result.bestBound.toFixed(4)}, gap ${(result.gap * 100).toFixed(3)} %`,
  );
  print(
    `  opened ${result.openedSessions}, invitations ${result.invitations}/${result.seatsOffered} seats, ` +
      `cost ${result.totalCost}/${result.budget}`,
  );
  print(
    `  time: build ${result.buildSeconds.toFixed(2)} s, HiGHS ${result.solverSeconds.toFixed(2)} s, ` +
      `total ${result.totalSeconds.toFixed(2)} s (target: gap ≤ 1 % in ≤ 10 s)`,
  );
  return result;
}
