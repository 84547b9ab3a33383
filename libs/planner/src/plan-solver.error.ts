/**
 * The solver failed for a reason that is not the input's fault, or the time limit passed before any feasible
 * plan was found (`reason: 'time_limit'`).
 */
export class PlanSolverError extends Error {
  constructor(
    readonly reason: 'time_limit' | 'solver_status' | 'invalid_solution',
    message: string,
    readonly solverStatus?: string,
  ) {
    super(message);
    this.name = 'PlanSolverError';
  }
}
