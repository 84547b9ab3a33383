import type { PlanConstraintName } from './plan-constraint.types';

/** Why one candidate session cannot be part of any plan, found before solving. */
export interface BlockedCandidate {
  candidateId: string;
  constraint: PlanConstraintName;
  reason: string;
}

/**
 * No plan satisfies the constraints. `constraint` names the one that cannot be met; when several single
 * relaxations would each restore feasibility, `relatedConstraints` lists all of them (the first is `constraint`).
 */
export class PlanInfeasibleError extends Error {
  constructor(
    readonly constraint: PlanConstraintName,
    message: string,
    readonly candidateIds: readonly string[] = [],
    readonly relatedConstraints: readonly PlanConstraintName[] = [constraint],
    readonly blockedCandidates: readonly BlockedCandidate[] = [],
  ) {
    super(message);
    this.name = 'PlanInfeasibleError';
  }
}
