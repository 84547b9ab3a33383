import { GreedyAssignmentEvaluator } from './greedy-assignment.evaluator';
import type { GreedyPlan } from './greedy-plan.heuristic';
import type { PlanModelScope, PlanSelection, ProblemCandidate } from './plan-problem.types';
import { atMost } from './plan-tolerance.util';

/**
 * Improves which sessions are opened by best-improvement local search: open one more session, or close one and
 * open another, whenever the budget and the instructor and venue slots allow it and the greedy assignment value
 * rises. The start it hands HiGHS is then usually within a fraction of a percent of the optimum, so the solver
 * can prove the gap at the root node instead of spending seconds in its own heuristics.
 * The invitations of the result may miss a minimum attendance (see GreedyAssignmentEvaluator).
 */
export function improveOpenings(scope: PlanModelScope, start: PlanSelection, deadline: number): GreedyPlan {
  const search = new OpeningSearch(scope, start);
  while (performance.now() < deadline && search.step(deadline)) {
    // each step applies the best improving move
  }
  return search.result();
}

class OpeningSearch {
  private readonly evaluator: GreedyAssignmentEvaluator;
  private readonly open: Uint8Array;
  private readonly groupValue: number[];
  private readonly busy = new Map<string, number>();
  private cost = 0;
  total = 0;

  constructor(private readonly scope: PlanModelScope, start: PlanSelection) {
    this.evaluator = new GreedyAssignmentEvaluator(scope);
    this.open = new Uint8Array(scope.problem.candidates.length);
    for (const c of scope.candidates) {
      if (start.open[c.index]) this.setOpen(c, true);
    }
    this.groupValue = Array.from({ length: this.evaluator.groupCount }, (_, g) => this.evaluator.evaluateGroup(g, this.open));
    this.total = this.groupValue.reduce((sum, v) => sum + v, 0);
  }

  /** Applies the best improving move; false when there is none (a local optimum) or time is up. */
  step(deadline: number): boolean {
    const { budget } = this.scope.problem;
    let best: { close?: ProblemCandidate; add: ProblemCandidate; values: Map<number, number>; gain: number } | undefined;
    const closed = this.scope.candidates.filter((c) => !this.open[c.index]);
    const closable = this.scope.candidates.filter((c) => this.open[c.index] && !c.required);
    for (const add of closed) {
      if (performance.now() > deadline) return false;
      for (const close of [undefined, ...closable]) {
        const cost = this.cost + add.cost - (close?.cost ?? 0);
        if (!atMost(cost, budget) || !this.freeFor(add, close)) continue;
        const values = this.evaluateMove(add, close);
        let gain = 0;
        for (const [group, value] of values) gain += value - this.groupValue[group];
        if (gain > 1e-9 * Math.max(1, this.total) && (!best || gain > best.gain)) best = { close, add, values, gain };
      }
    }
    if (!best) return false;
    if (best.close) this.setOpen(best.close, false);
    this.setOpen(best.add, true);
    for (const [group, value] of best.values) this.groupValue[group] = value;
    this.total += best.gain;
    return true;
  }

  result(): GreedyPlan {
    const invited: number[] = [];
    let objective = 0;
    for (let g = 0; g < this.evaluator.groupCount; g++) objective += this.evaluator.evaluateGroup(g, this.open, invited);
    const open = this.scope.problem.candidates.map((c) => this.open[c.index] === 1);
    return { selection: { open, invited: invited.sort((a, b) => a - b) }, objective };
  }

  private evaluateMove(add: ProblemCandidate, close: ProblemCandidate | undefined): Map<number, number> {
    if (close) this.open[close.index] = 0;
    this.open[add.index] = 1;
    const groups = new Set([this.evaluator.groupOf(add.index)]);
    if (close) groups.add(this.evaluator.groupOf(close.index));
    const values = new Map<number, number>();
    for (const group of groups) values.set(group, this.evaluator.evaluateGroup(group, this.open));
    this.open[add.index] = 0;
    if (close) this.open[close.index] = 1;
    return values;
  }

  /** Whether the candidate's instructor and venue are free in its slot once `close` is closed. */
  private freeFor(add: ProblemCandidate, close: ProblemCandidate | undefined): boolean {
    return this.keys(add).every((key) => {
      const users = this.busy.get(key) ?? 0;
      return users === 0 || (users === 1 && close !== undefined && this.keys(close).includes(key));
    });
  }

  private setOpen(candidate: ProblemCandidate, open: boolean): void {
    this.open[candidate.index] = open ? 1 : 0;
    this.cost += open ? candidate.cost : -candidate.cost;
    for (const key of this.keys(candidate)) this.busy.set(key, (this.busy.get(key) ?? 0) + (open ? 1 : -1));
  }

  private keys(candidate: ProblemCandidate): string[] {
    return [`i${candidate.instructor}_${candidate.slot}`, `v${candidate.venue}_${candidate.slot}`];
  }
}
