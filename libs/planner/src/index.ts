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

// Service layer (NestJS, database): suggestions ranked by the model and stored, approvable service plans.
export { PlannerModule } from './plans/planner.module';
export { PLANNER_SCHEMA } from './plans/planner.schema';
export { PLAN_STEPS, ServicePlanService } from './plans/service-plan.service';
export { PlanApprovalService } from './plans/plan-approval.service';
export { CoursePlanProposals } from './plans/course-plan-proposals.service';
export { PlanScoringService } from './plans/plan-scoring.service';
export { ServicePlanRecord } from './plans/service-plan.entity';
export type { ServicePlanStatus } from './plans/service-plan.entity';
export { PlanInvitation } from './plans/plan-invitation.entity';
export type { PlanInvitationStatus } from './plans/plan-invitation.entity';
export type { PlanCandidateRecord } from './plans/plan-candidate.record';
export { planView } from './plans/plan.view';
export { CreatePlanDto, PlanPeriodDto } from './plans/create-plan.dto';
export { PlanCandidateDto } from './plans/plan-candidate.dto';
export { ModelSuggestionRanker } from './suggestions/model-suggestion.ranker';
export { composeReason } from './suggestions/suggestion-reason.composer';
