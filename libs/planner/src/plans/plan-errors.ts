import { DomainError } from '@o2o/core';
import type { PlanConstraintName } from '../plan-constraint.types';
import { PlanInfeasibleError } from '../plan-infeasible.error';
import { PlanSolverError } from '../plan-solver.error';
import { PlanValidationError } from '../plan-validation.error';

/** The request field an operator changes to lift each constraint. */
const FIELD_OF: Record<PlanConstraintName, string> = {
  budget: 'budget',
  min_attendance: 'minAttendance',
  capacity: 'candidates',
  instructor_availability: 'instructorUnavailable',
  instructor_slot: 'candidates',
  venue_slot: 'candidates',
  learner_slot: 'learnerIds',
  learner_max_invitations: 'maxInvitationsPerLearner',
  required_session: 'candidates',
  min_opened_sessions: 'minOpenedSessions',
  eligibility: 'learnerIds',
};

/** Planner errors as API errors: infeasible → 422 naming the constraint, bad input → 400 naming the field. */
export function toDomainError(err: unknown): unknown {
  if (err instanceof PlanInfeasibleError) {
    const field = FIELD_OF[err.constraint] ?? 'candidates';
    return new DomainError('PLAN_INFEASIBLE', 422, {
      constraint: err.constraint, reason: err.message, related: err.relatedConstraints.join(', '),
      candidates: err.candidateIds.join(', '),
    }, field);
  }
  if (err instanceof PlanValidationError) {
    // Score rows are built here, not sent by the caller: a bad one means bad learners or candidates.
    const field = err.field.startsWith('scores') ? 'learnerIds' : err.field;
    return new DomainError('PLAN_INPUT_INVALID', 400, { field, reason: err.reason }, field);
  }
  if (err instanceof PlanSolverError) return new DomainError('PLAN_SOLVER_FAILED', 503, { reason: err.message });
  return err;
}
