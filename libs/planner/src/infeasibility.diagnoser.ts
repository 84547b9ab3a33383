import type { Highs } from 'highs';
import { runHighsModel } from './highs-model.runner';
import { buildLpModel } from './lp-model.builder';
import { PlanConstraintName, RELAXABLE_CONSTRAINTS } from './plan-constraint.types';
import { PlanInfeasibleError } from './plan-infeasible.error';
import type { PlanModelScope } from './plan-problem.types';

const DESCRIPTIONS: Record<string, string> = {
  budget: 'the budget',
  min_attendance: 'the minimum attendance per session',
  instructor_slot: 'one session per instructor per slot',
  venue_slot: 'one session per venue per slot',
  learner_slot: 'one invitation per learner per slot',
  learner_max_invitations: 'the maximum invitations per learner',
  min_opened_sessions: 'the minimum number of opened sessions',
};

/**
 * Called when HiGHS proves the model infeasible although every pre-check passed, i.e. constraints conflict
 * through their interaction (two required sessions competing for the same few learners in one slot, a budget
 * that fits the cheapest sessions but not ones that can staff their minimum together, …). It drops each
 * constraint family in turn and re-solves for feasibility only; the families whose removal alone restores
 * feasibility are the ones that cannot be met, and the error names them in a fixed priority order.
 */
export function diagnoseInfeasibility(
  highs: Highs,
  scope: PlanModelScope,
  integerInvitations: boolean,
  timeLimitSeconds: number,
): PlanInfeasibleError {
  const culprits: PlanConstraintName[] = [];
  const required = scope.candidates.filter((c) => c.required).map((c) => c.source.id);
  const perTry = Math.max(timeLimitSeconds / RELAXABLE_CONSTRAINTS.length, 0.5);
  for (const family of RELAXABLE_CONSTRAINTS) {
    const model = buildLpModel(scope, { omit: new Set([family]), integerInvitations, feasibilityOnly: true });
    const result = runHighsModel(highs, { lpText: model.text, kind: 'mip', timeLimitSeconds: perTry, mipRelGap: 1 });
    if (result.hasSolution) culprits.push(family);
  }
  if (culprits.length === 0) {
    // Closing every session satisfies all families but the required and minimum-opened ones, so with no single
    // culprit the required sessions conflict with several families at once.
    const constraint: PlanConstraintName = required.length > 0 ? 'required_session' : 'min_opened_sessions';
    return new PlanInfeasibleError(
      constraint,
      'No plan satisfies all constraints and relaxing any single constraint family does not help; several ' +
        `conflict at once (required sessions: ${required.length > 0 ? required.join(', ') : 'none'}).`,
      required,
      [constraint, ...RELAXABLE_CONSTRAINTS.filter((f) => f !== constraint)],
    );
  }
  const names = culprits.map((f) => DESCRIPTIONS[f]).join('; or ');
  return new PlanInfeasibleError(
    culprits[0],
    `No plan satisfies all constraints: ${DESCRIPTIONS[culprits[0]]} cannot be met together with the others. ` +
      `Relaxing any one of these would allow a plan: ${names}.`,
    required,
    culprits,
  );
}
