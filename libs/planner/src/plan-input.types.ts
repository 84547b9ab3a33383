/**
 * Input of the service-plan optimiser. Everything is plain data so the caller (core, a CLI, a test) can build it
 * from the database or from a file without this library knowing where it came from.
 */

/** The planning period the candidate sessions belong to (ISO 8601 dates or date-times). */
export interface PlanPeriod {
  start: string;
  end: string;
}

/** One offline session that could be opened: a topic × city × time slot × venue with an instructor. */
export interface CandidateSession {
  id: string;
  topic: string;
  city: string;
  /** Time slot id. Slots are treated as disjoint: two candidates overlap exactly when their slot ids are equal. */
  slotId: string;
  venueId: string;
  /** Seats; the number of invitations to the session never exceeds it (every invitee must be able to come). */
  capacity: number;
  /** Cost paid once if the session is opened (venue, instructor fee, materials). */
  fixedCost: number;
  instructorId: string;
  /** Overrides the plan-wide minimum expected attendance for this candidate. */
  minAttendance?: number;
  /** The session must be opened (already promised, contractually fixed). */
  required?: boolean;
}

/**
 * Predicted offline satisfaction for one eligible learner × candidate session. Pairs that are not listed are not
 * eligible: the learner is never invited to that candidate.
 */
export interface LearnerCandidateScore {
  learnerId: string;
  candidateId: string;
  /**
   * f(x_L, θ) from the satisfaction model, in [0, 1]: the probability that the learner attends and rates the
   * session ≥ 4 of 5. The objective sums it over invitations.
   */
  score: number;
  /** Predicted probability that the learner attends if invited, in [0, 1]; 1 when absent. */
  attendProbability?: number;
}

/** Slots in which an instructor cannot teach. Instructors not listed are available in every slot. */
export interface InstructorAvailability {
  instructorId: string;
  unavailableSlotIds: string[];
}

export interface ServicePlanInput {
  period: PlanPeriod;
  candidates: CandidateSession[];
  scores: LearnerCandidateScore[];
  /** Upper limit on the total fixed cost of opened candidate sessions. */
  budget: number;
  /**
   * Minimum expected attendance of every opened session: the sum of the invited learners' attend probabilities.
   * Without probabilities this is the number of invitations.
   */
  minAttendance: number;
  /** At most this many invitations per learner over the whole period (one per slot always holds). */
  maxInvitationsPerLearner?: number;
  /** The plan opens at least this many sessions; default 1, so an empty plan is reported as infeasible with why. */
  minOpenedSessions?: number;
  instructorAvailability?: InstructorAvailability[];
}

export interface PlannerOptions {
  /** Wall-clock limit for one solve, model building included; default 60 s. */
  timeLimitSeconds?: number;
  /** Relative gap between plan and bound at which the solver stops and calls the plan optimal; default 0.01. */
  mipRelGap?: number;
  /** Receives one line per solver stage (heuristic values, HiGHS status, time, objective, bound). */
  log?: (message: string) => void;
}
