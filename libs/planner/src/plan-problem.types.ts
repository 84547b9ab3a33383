import type { CandidateSession, ServicePlanInput } from './plan-input.types';

/**
 * Index-based view of a validated input. Learners, slots, venues and instructors become small integers so the
 * model builder, heuristics and verifier never hash strings in their inner loops.
 */
export interface EligiblePair {
  index: number;
  learner: number;
  candidate: number;
  score: number;
  probability: number;
}

export interface ProblemCandidate {
  index: number;
  source: CandidateSession;
  slot: number;
  venue: number;
  instructor: number;
  capacity: number;
  cost: number;
  minAttendance: number;
  required: boolean;
  instructorUnavailable: boolean;
  /** Indices into PlanProblem.pairs, best score first (ties: higher probability, then input order). */
  pairs: number[];
}

export interface PlanProblem {
  input: ServicePlanInput;
  candidates: ProblemCandidate[];
  pairs: EligiblePair[];
  learnerIds: string[];
  slotIds: string[];
  budget: number;
  /** Infinity when the input sets no limit. */
  maxInvitations: number;
  minOpened: number;
}

/**
 * What the optimiser actually models: the candidates that passed the pre-checks and the pairs that survived
 * dominance pruning. Pair and candidate objects are shared with the PlanProblem, so their indices stay global.
 */
export interface PlanModelScope {
  problem: PlanProblem;
  candidates: ProblemCandidate[];
  pairs: EligiblePair[];
}

/** A plan in index form: which candidates are open and which pairs are invited. */
export interface PlanSelection {
  open: boolean[];
  invited: number[];
}
