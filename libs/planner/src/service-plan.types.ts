import type { PlanPeriod } from './plan-input.types';

/**
 * `optimal`: the plan is within `mipRelGap` of the best bound (proven). `time_limit`: the time limit stopped the
 * solver; the plan is the best one found and `gap` says how far from proven it is.
 */
export type PlanStatus = 'optimal' | 'time_limit';

export interface PlannedInvitation {
  learnerId: string;
  score: number;
  attendProbability: number;
}

export interface PlannedSession {
  candidateId: string;
  topic: string;
  city: string;
  slotId: string;
  venueId: string;
  instructorId: string;
  capacity: number;
  fixedCost: number;
  /** Sorted by score, best first. */
  invitations: PlannedInvitation[];
  /** Sum of attend probabilities of the invited learners. */
  expectedAttendance: number;
  /** Sum of predicted satisfaction f of the invited learners. */
  expectedSatisfaction: number;
}

export interface PlanSolveStats {
  candidates: number;
  eligiblePairs: number;
  /** Learner × candidate pairs left in the model after exact dominance pruning. */
  modelPairs: number;
  rows: number;
  columns: number;
  /** HiGHS model status text of the last solve, e.g. 'Optimal', 'Time limit reached'. */
  solverStatus: string;
  /** Where the returned plan came from. */
  planSource: 'solver' | 'integer-resolve' | 'rounding-repair' | 'relaxation-rounding' | 'greedy';
  /** Time outside HiGHS: validation, pre-checks, pruning, heuristics, writing the LP text. */
  buildSeconds: number;
  /** Time inside HiGHS: reading the LP text and every solve. */
  solverSeconds: number;
}

export interface ServicePlan {
  period: PlanPeriod;
  status: PlanStatus;
  /** Opened candidate sessions in input order. */
  sessions: PlannedSession[];
  totalCost: number;
  expectedAttendance: number;
  expectedSatisfaction: number;
  /** The maximised objective: total expected satisfaction of the plan. */
  objectiveValue: number;
  /** Proven upper bound on the objective of any feasible plan. */
  bestBound: number;
  /** (bestBound − objectiveValue) / objectiveValue; 0 when both are 0, Infinity when only the plan is 0. */
  gap: number;
  solveSeconds: number;
  stats: PlanSolveStats;
}
