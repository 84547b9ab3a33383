import type { Highs } from 'highs';
import { buildGreedyPlan, GreedyPlan } from './greedy-plan.heuristic';
import type { HighsRunResult } from './highs-model.runner';
import { PlanSessionSolves, withPlanSession } from './highs-plan.session';
import { diagnoseInfeasibility } from './infeasibility.diagnoser';
import { openVariable } from './lp-model.builder';
import { improveOpenings } from './opening.local-search';
import { estimateUpperBound } from './plan-bound.estimator';
import type { PlanModelScope, PlanSelection } from './plan-problem.types';
import { selectionObjective, verifySelection } from './plan-selection.verifier';
import { extractSelection } from './plan-solution.extractor';
import { PlanSolverError } from './plan-solver.error';
import { enumerateRelaxationOpenings } from './relaxation-openings.enumerator';
import { relativeGap } from './service-plan.assembler';
import { repairRounding } from './rounding.repairer';
import type { PlanSolveStats } from './service-plan.types';

/** Time the infeasibility diagnosis may take even when the solve itself used up the limit. */
const MIN_DIAGNOSIS_SECONDS = 5;
/** Share of the time limit (and absolute cap) for the JavaScript heuristics between the HiGHS runs. */
const HEURISTIC_SHARE = 0.2;
const HEURISTIC_CAP_MS = 2000;

export interface SearchSettings {
  mipRelGap: number;
  /** performance.now() value at which the time limit ends. */
  deadline: number;
  stats: PlanSolveStats;
  log?: (message: string) => void;
}

export interface SearchOutcome {
  selection: PlanSelection;
  source: PlanSolveStats['planSource'];
  /** The plan is within mipRelGap of the proven bound. */
  proven: boolean;
  bestBound: number;
}

interface CandidatePlan {
  selection: PlanSelection;
  source: PlanSolveStats['planSource'];
  proven: boolean;
}

/**
 * Finds the plan, cheapest proof first:
 * 1. greedy plan (fallback if the time limit strikes early);
 * 2. LP relaxation in HiGHS — its optimum is a valid bound for every plan;
 * 3. relaxation-induced enumeration of the fractional openings, polished by local search (greedy assignment);
 * 4. HiGHS LP with those openings fixed: the exact best invitations for them;
 * 5. only if plan and bound are still further apart than mipRelGap: the MIP in HiGHS, started from that plan.
 * On the benchmark step 5 is not needed; on small or tight instances it is what proves optimality.
 */
export function searchPlan(scope: PlanModelScope, highs: Highs, settings: SearchSettings): SearchOutcome {
  const search = new PlanSearch(scope, highs, settings);
  const greedy = search.greedy();
  // Writing and reading the LP text takes a while on big inputs; with no time left the greedy plan is the answer.
  if (search.remainingSeconds() > 0) {
    withPlanSession(highs, scope, (session, model, loadSeconds) => {
      settings.stats.rows = model.rows;
      settings.stats.columns = model.columns;
      settings.stats.solverSeconds += loadSeconds;
      search.solve(session, greedy);
    });
  }
  return search.outcome();
}

class PlanSearch {
  private readonly plans: CandidatePlan[] = [];
  private bound: number;
  private session: PlanSessionSolves | undefined;

  constructor(
    private readonly scope: PlanModelScope,
    private readonly highs: Highs,
    private readonly settings: SearchSettings,
  ) {
    this.bound = estimateUpperBound(scope);
  }

  greedy(): GreedyPlan | undefined {
    const greedy = buildGreedyPlan(this.scope);
    this.settings.log?.(`greedy: ${greedy ? greedy.objective : 'no feasible plan'}, quick bound ${this.bound}`);
    if (greedy) this.plans.push({ selection: greedy.selection, source: 'greedy', proven: false });
    return greedy;
  }

  solve(session: PlanSessionSolves, greedy: GreedyPlan | undefined): void {
    this.session = session;
    const relaxation = this.run('LP relaxation', true, false, (seconds) => session.relaxation(seconds));
    const guided = this.guidedPlan(relaxation, greedy);
    if (guided) {
      this.plans.push({ selection: guided.selection, source: 'relaxation-rounding', proven: false });
      this.completeInvitations(guided.selection);
    }
    if (!this.withinGap()) this.solveMip(this.plans.length > 0 ? this.best().selection : undefined);
  }

  outcome(): SearchOutcome {
    const best = this.best();
    return { ...best, proven: best.proven || this.withinGap(), bestBound: this.bound };
  }

  remainingSeconds(): number {
    return (this.settings.deadline - performance.now()) / 1000;
  }

  private guidedPlan(relaxation: HighsRunResult | undefined, greedy: GreedyPlan | undefined): GreedyPlan | undefined {
    const budgetMs = Math.min(HEURISTIC_CAP_MS, HEURISTIC_SHARE * this.remainingSeconds() * 1000);
    const deadline = performance.now() + Math.max(0, budgetMs);
    const enumerated =
      relaxation?.outcome === 'optimal'
        ? enumerateRelaxationOpenings(this.scope, this.openingValues(relaxation), deadline)
        : undefined;
    const start = [enumerated, greedy].filter((p): p is GreedyPlan => p !== undefined)[0];
    if (!start) return undefined;
    const polished = improveOpenings(this.scope, start.selection, deadline);
    const guided = polished.objective > start.objective ? polished : start;
    this.settings.log?.(`heuristics: enumerated ${enumerated?.objective ?? 'none'}, polished ${guided.objective}`);
    // The greedy assignment may leave a session short of its minimum; swapping in likelier attendees fixes it.
    const selection = repairRounding(this.scope, guided.selection);
    return selection && { selection, objective: selectionObjective(this.scope.problem, selection) };
  }

  /** The exact best invitations for fixed openings; an LP, so it costs a fraction of the MIP. */
  private completeInvitations(start: PlanSelection): void {
    const run = this.run('fixed openings', false, false, (s) => this.session!.fixedOpenings(start.open, s));
    if (!run?.hasSolution || run.outcome !== 'optimal') return;
    const extracted = extractSelection(this.scope, run.values);
    const { fractional, selection: rounded } = extracted;
    const selection = fractional.length === 0 ? rounded : repairRounding(this.scope, rounded);
    if (selection) this.plans.push({ selection, source: 'relaxation-rounding', proven: false });
  }

  private solveMip(start: PlanSelection | undefined): void {
    // Attend probabilities below 1 can leave fractional invitations whose rounding costs a little objective, so
    // the relaxed-invitation MIP aims for half the gap and leaves the other half for the rounding.
    const fractional = this.scope.pairs.some((p) => p.probability !== 1);
    const gap = fractional ? this.settings.mipRelGap / 2 : this.settings.mipRelGap;
    const run = this.run('MIP', true, false, (seconds) => this.session!.mip(start, false, seconds, gap));
    if (!run?.hasSolution) return;
    const extracted = extractSelection(this.scope, run.values);
    if (extracted.fractional.length === 0) {
      this.plans.push({ selection: extracted.selection, source: 'solver', proven: run.outcome === 'optimal' });
      return;
    }
    // Fractional invitations are possible when attend probabilities differ from 1 (README, "Integrality"): keep a
    // rounded-and-repaired plan, then solve again with integer invitations from it, so the result is optimal for
    // the integer problem and not just for the openings the relaxed solve chose.
    const repaired = repairRounding(this.scope, extracted.selection);
    if (repaired) this.plans.push({ selection: repaired, source: 'rounding-repair', proven: false });
    if (this.withinGap()) return;
    const from = repaired ?? start;
    const full = this.settings.mipRelGap;
    const integer = this.run('integer MIP', true, true, (seconds) => this.session!.mip(from, true, seconds, full));
    if (!integer?.hasSolution) return;
    const exact = extractSelection(this.scope, integer.values);
    if (exact.fractional.length === 0) {
      this.plans.push({ selection: exact.selection, source: 'integer-resolve', proven: integer.outcome === 'optimal' });
    }
  }

  /**
   * Runs one HiGHS solve with the remaining time. `global` marks solves of the whole problem (relaxation, MIP):
   * their infeasibility is the plan's, and their bound is valid for every plan.
   */
  private run(
    stage: string,
    global: boolean,
    integerInvitations: boolean,
    call: (seconds: number) => HighsRunResult,
  ): HighsRunResult | undefined {
    if (this.remainingSeconds() <= 0) return undefined;
    const run = call(this.remainingSeconds());
    const { stats } = this.settings;
    stats.solverSeconds += run.seconds;
    stats.solverStatus = run.solverStatus;
    this.settings.log?.(
      `${stage}: ${run.solverStatus} in ${run.seconds.toFixed(2)} s, objective ${run.objective}, bound ${run.bestBound}`,
    );
    if (!global) return run;
    if (run.outcome === 'infeasible') {
      const seconds = Math.max(this.remainingSeconds(), MIN_DIAGNOSIS_SECONDS);
      throw diagnoseInfeasibility(this.highs, this.scope, integerInvitations, seconds);
    }
    if (run.outcome === 'other') {
      throw new PlanSolverError('solver_status', `HiGHS stopped with status "${run.solverStatus}"`, run.solverStatus);
    }
    this.bound = Math.min(this.bound, run.bestBound);
    return run;
  }

  private withinGap(): boolean {
    if (this.plans.length === 0) return false;
    return relativeGap(this.objective(this.best()), this.bound) <= this.settings.mipRelGap;
  }

  /** Best plan so far; every plan is verified, and a proven plan wins ties so the status stays "optimal". */
  private best(): CandidatePlan {
    let best: CandidatePlan | undefined;
    let bestObjective = Number.NEGATIVE_INFINITY;
    for (const plan of this.plans) {
      const violations = verifySelection(this.scope.problem, plan.selection);
      if (violations.length > 0) {
        const [first] = violations;
        throw new PlanSolverError(
          'invalid_solution',
          `The ${plan.source} plan violates ${first.constraint}: ${first.candidateId ?? ''} ${first.message}`,
        );
      }
      const objective = this.objective(plan);
      if (objective > bestObjective + 1e-9 || (plan.proven && objective >= bestObjective - 1e-9)) {
        best = plan;
        bestObjective = objective;
      }
    }
    if (!best) throw new PlanSolverError('time_limit', 'No feasible plan was found within the time limit.');
    return best;
  }

  private objective(plan: CandidatePlan): number {
    return selectionObjective(this.scope.problem, plan.selection);
  }

  private openingValues(run: HighsRunResult): Map<number, number> {
    return new Map(this.scope.candidates.map((c) => [c.index, run.values.get(openVariable(c)) ?? 0]));
  }

}
