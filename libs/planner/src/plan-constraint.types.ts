/**
 * Names of the plan's constraint families. They are what errors and violations report, and (shortened) the
 * prefixes of the LP rows, so a message can be traced to the model; README.md lists them with their math.
 */
export type PlanConstraintName =
  /** Σ cost of opened sessions ≤ budget. */
  | 'budget'
  /** Expected attendance of every opened session ≥ its minimum. */
  | 'min_attendance'
  /** Invitations to a session ≤ its capacity. */
  | 'capacity'
  /** The instructor is not available in the candidate's slot. */
  | 'instructor_availability'
  /** An instructor teaches at most one session per slot. */
  | 'instructor_slot'
  /** A venue hosts at most one session per slot. */
  | 'venue_slot'
  /** A learner gets at most one invitation per slot. */
  | 'learner_slot'
  /** A learner gets at most `maxInvitationsPerLearner` invitations. */
  | 'learner_max_invitations'
  /** Candidates marked `required` are opened. */
  | 'required_session'
  /** At least `minOpenedSessions` sessions are opened. */
  | 'min_opened_sessions'
  /** Invitations only go to eligible (scored) learner × candidate pairs of opened sessions. */
  | 'eligibility';

/** Constraint families the solver can drop one at a time to find which one makes a plan impossible. */
export const RELAXABLE_CONSTRAINTS: readonly PlanConstraintName[] = [
  'budget',
  'min_attendance',
  'instructor_slot',
  'venue_slot',
  'learner_slot',
  'learner_max_invitations',
  'min_opened_sessions',
];
