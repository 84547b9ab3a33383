import { pruneDominatedPairs } from './dominance.pruner';
import { precheckFeasibility } from './feasibility.prechecker';
import { loadHighs } from './highs.loader';
import type { PlannerOptions, ServicePlanInput } from './plan-input.types';
import { validatePlannerOptions, validateServicePlanInput } from './plan-input.validator';
import { buildPlanProblem } from './plan-problem.builder';
import { searchPlan, SearchOutcome } from './plan-search.orchestrator';
import { assembleServicePlan } from './service-plan.assembler';
import type { PlanSolveStats, ServicePlan } from './service-plan.types';

const DEFAULT_TIME_LIMIT_SECONDS = 60;
const DEFAULT_MIP_REL_GAP = 0.01;

/**
 * Chooses which candidate sessions to open and whom to invite, maximising total predicted offline satisfaction
 * (README.md has the model). Pure: no database and no clock other than the time limit.
 * Pipeline: validate → pre-check (precise infeasibility errors) → prune dominated pairs → search (heuristics,
 * LP relaxation, MIP in HiGHS; plan-search.orchestrator.ts) → verify → assemble.
 */
export class ServicePlanSolver {
  constructor(private readonly defaults: PlannerOptions = {}) {}

  async solve(input: ServicePlanInput, options: PlannerOptions = {}): Promise<ServicePlan> {
    const settings = { ...this.defaults, ...options };
    validatePlannerOptions(settings);
    const timeLimit = settings.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
    const mipRelGap = settings.mipRelGap ?? DEFAULT_MIP_REL_GAP;
    const started = performance.now();

    validateServicePlanInput(input);
    const problem = buildPlanProblem(input);
    const scope = pruneDominatedPairs(problem, precheckFeasibility(problem));
    const stats: PlanSolveStats = {
      candidates: problem.candidates.length,
      eligiblePairs: problem.pairs.length,
      modelPairs: scope.pairs.length,
      rows: 0,
      columns: 0,
      solverStatus: 'Not run',
      planSource: 'greedy',
      buildSeconds: 0,
      solverSeconds: 0,
    };
    let outcome: SearchOutcome;
    if (scope.candidates.length === 0) {
      // Only reachable with minOpenedSessions 0: nothing can be opened, and the empty plan is optimal.
      const selection = { open: problem.candidates.map(() => false), invited: [] };
      outcome = { selection, source: 'greedy', proven: true, bestBound: 0 };
    } else {
      const highs = await loadHighs();
      outcome = searchPlan(scope, highs, { mipRelGap, deadline: started + timeLimit * 1000, stats, log: settings.log });
    }
    const solveSeconds = (performance.now() - started) / 1000;
    stats.planSource = outcome.source;
    stats.buildSeconds = solveSeconds - stats.solverSeconds;
    return assembleServicePlan(problem, {
      selection: outcome.selection,
      status: outcome.proven ? 'optimal' : 'time_limit',
      bestBound: outcome.bestBound,
      solveSeconds,
      stats,
    });
  }
}

/** Convenience for one-off calls. */
export function solveServicePlan(input: ServicePlanInput, options?: PlannerOptions): Promise<ServicePlan> {
  return new ServicePlanSolver().solve(input, options);
}
