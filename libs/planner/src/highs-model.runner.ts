import type { Highs, Model } from 'highs';
import { discardHighs } from './highs.loader';
import { PlanInfeasibleError } from './plan-infeasible.error';
import { PlanSolverError } from './plan-solver.error';

export interface HighsRunRequest {
  lpText: string;
  /** An LP (no integer columns) has no MIP dual bound; its optimal objective is the bound. */
  kind: 'lp' | 'mip';
  timeLimitSeconds: number;
  mipRelGap: number;
}

export type HighsRunOutcome = 'optimal' | 'time_limit' | 'infeasible' | 'other';

export interface HighsRunResult {
  outcome: HighsRunOutcome;
  /** HiGHS model status in words, e.g. 'Optimal', 'Time limit reached'. */
  solverStatus: string;
  hasSolution: boolean;
  /** Column values by name; empty without a solution. */
  values: Map<string, number>;
  objective: number;
  /** Best proven upper bound on the objective (maximisation); Infinity when none was proven. */
  bestBound: number;
  seconds: number;
}

const STATUS_TEXT: Record<number, string> = {
  0: 'Not Set',
  1: 'Load error',
  2: 'Model error',
  3: 'Presolve error',
  4: 'Solve error',
  5: 'Postsolve error',
  6: 'Empty',
  7: 'Optimal',
  8: 'Infeasible',
  9: 'Primal infeasible or unbounded',
  10: 'Unbounded',
  11: 'Bound on objective reached',
  12: 'Target for objective reached',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  15: 'Unknown',
  16: 'Solution limit reached',
  17: 'Interrupted',
};

/** Solves one CPLEX LP text model with HiGHS, always disposing the native model. */
export function runHighsModel(highs: Highs, request: HighsRunRequest): HighsRunResult {
  return withHighsModel(highs, request.lpText, (model) =>
    runLoadedModel(model, request.kind, request.timeLimitSeconds, request.mipRelGap, (j) => model.getColName(j)),
  );
}

/** Parses LP text into a native model, runs `use`, and disposes it; HiGHS failures become PlanSolverErrors. */
export function withHighsModel<T>(highs: Highs, lpText: string, use: (model: Model) => T): T {
  let model: Model | undefined;
  try {
    model = highs.createModel({ format: 'lp', data: lpText });
    return use(model);
  } catch (error) {
    // Errors raised by our own code while the model is open (an infeasibility diagnosis) pass through.
    if (error instanceof PlanSolverError || error instanceof PlanInfeasibleError) throw error;
    // WebAssembly.RuntimeError (an abort) leaves the runtime unusable; the lib settings do not type it.
    if ((error as Error)?.name === 'RuntimeError') discardHighs();
    throw new PlanSolverError('solver_status', `HiGHS failed: ${(error as Error).message}`);
  } finally {
    model?.dispose();
  }
}

/**
 * Runs an already loaded model with a fresh time budget (HiGHS counts `time_limit` cumulatively per model, so
 * the clocks are zeroed first) and reads the result.
 */
export function runLoadedModel(
  model: Model,
  kind: 'lp' | 'mip',
  timeLimitSeconds: number,
  mipRelGap: number,
  columnName: (index: number) => string,
): HighsRunResult {
  const started = performance.now();
  model.zeroAllClocks();
  model.options.set({ output_flag: false, time_limit: Math.max(timeLimitSeconds, 0.001), mip_rel_gap: mipRelGap });
  const code = model.run().modelStatus as number;
  const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
  const values = new Map<string, number>();
  if (hasSolution) {
    const colValue = model.getSolution().colValue;
    for (let j = 0; j < colValue.length; j++) values.set(columnName(j), colValue[j]);
  }
  const objective = hasSolution ? model.getObjectiveValue() : Number.NEGATIVE_INFINITY;
  return {
    outcome: outcomeOf(code),
    solverStatus: STATUS_TEXT[code] ?? `status ${code}`,
    hasSolution,
    values,
    objective,
    bestBound: kind === 'mip' ? readMipBound(model, code, objective) : lpBound(code, objective),
    seconds: (performance.now() - started) / 1000,
  };
}

function outcomeOf(code: number): HighsRunOutcome {
  if (code === 7) return 'optimal';
  if (code === 13 || code === 14 || code === 17) return 'time_limit';
  // The model is bounded (every variable lies in [0, 1]), so "infeasible or unbounded" means infeasible.
  if (code === 8 || code === 9) return 'infeasible';
  return 'other';
}

function lpBound(code: number, objective: number): number {
  return code === 7 ? objective : Number.POSITIVE_INFINITY;
}

function readMipBound(model: Model, code: number, objective: number): number {
  let bound = Number(model.info.get('mip_dual_bound'));
  if (!Number.isFinite(bound)) bound = code === 7 ? objective : Number.POSITIVE_INFINITY;
  return Number.isFinite(objective) ? Math.max(bound, objective) : bound;
}
