// Public API of @o2o/planner: the service-plan optimiser (issue 3, item 6). Only this library imports highs.
export { ServicePlanSolver, solveServicePlan } from './service-plan.solver';
export { verifyServicePlan } from './service-plan.verifier';
export { validateServicePlanInput, validatePlannerOptions } from './plan-input.validator';
export type {
  CandidateSession,
  InstructorAvailability,
  LearnerCandidateScore,
  PlannerOptions,
  PlanPeriod,
  ServicePlanInput,
} from './plan-input.types';
export type { PlannedInvitation, PlannedSession, PlanSolveStats, PlanStatus, ServicePlan } from './service-plan.types';
export type { PlanConstraintName } from './plan-constraint.types';
export type { PlanViolation } from './plan-selection.verifier';
export { PlanValidationError } from './plan-validation.error';
export { PlanInfeasibleError } from './plan-infeasible.error';
export type { BlockedCandidate } from './plan-infeasible.error';
export { PlanSolverError } from './plan-solver.error';
export { createRandomPlanInput } from './bench/random-plan-input.factory';
export type { RandomPlanInputOptions } from './bench/random-plan-input.factory';
export { PLANNER_BENCH_INSTANCE, runPlannerBench } from './bench/planner-bench';
export type { PlannerBenchResult } from './bench/planner-bench';
