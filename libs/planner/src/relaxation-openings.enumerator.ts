import { GreedyAssignmentEvaluator } from './greedy-assignment.evaluator';
import type { GreedyPlan } from './greedy-plan.heuristic';
import type { PlanModelScope, ProblemCandidate } from './plan-problem.types';
import { atMost } from './plan-tolerance.util';

/** 2^10 opening sets at well under a millisecond each keeps the enumeration around half a second. */
const MAX_ENUMERATED = 10;
const EPSILON = 1e-6;

/**
 * Relaxation-induced neighbourhood: in the LP relaxation most openings come out 0 or 1 and only a handful are
 * fractional, and on the benchmark the optimum agrees with every integral one. So keep the integral openings,
 * try every combination of the fractional ones (the ten closest to 1 when there are more; the rest stay closed)
 * that fits the budget and the instructor and venue slots, and score each with the greedy assignment.
 * Returns the best plan found (its invitations may miss a minimum attendance; see GreedyAssignmentEvaluator),
 * or undefined when no combination fits.
 */
export function enumerateRelaxationOpenings(
  scope: PlanModelScope,
  relaxed: ReadonlyMap<number, number>,
  deadline: number,
): GreedyPlan | undefined {
  const value = (c: ProblemCandidate): number => relaxed.get(c.index) ?? 0;
  const fixedOpen = scope.candidates.filter((c) => value(c) >= 1 - EPSILON || c.required);
  const free = scope.candidates
    .filter((c) => value(c) > EPSILON && value(c) < 1 - EPSILON && !c.required)
    .sort((a, b) => value(b) - value(a))
    .slice(0, MAX_ENUMERATED);
  const evaluator = new GreedyAssignmentEvaluator(scope);
  const open = new Uint8Array(scope.problem.candidates.length);
  const baseBusy = new Set<string>();
  let baseCost = 0;
  for (const c of fixedOpen) {
    open[c.index] = 1;
    baseCost += c.cost;
    for (const key of slotKeys(c)) baseBusy.add(key);
  }

  let best: { mask: number; value: number } | undefined;
  for (let mask = 0; mask < 1 << free.length; mask++) {
    if (performance.now() > deadline && best) break;
    const chosen = free.filter((_, bit) => mask & (1 << bit));
    if (!fits(scope, chosen, baseCost, baseBusy, fixedOpen.length)) continue;
    for (const c of chosen) open[c.index] = 1;
    let total = 0;
    for (let g = 0; g < evaluator.groupCount; g++) total += evaluator.evaluateGroup(g, open);
    for (const c of chosen) open[c.index] = 0;
    if (!best || total > best.value) best = { mask, value: total };
  }
  if (!best) return undefined;

  for (const [bit, c] of free.entries()) if (best.mask & (1 << bit)) open[c.index] = 1;
  const invited: number[] = [];
  let objective = 0;
  for (let g = 0; g < evaluator.groupCount; g++) objective += evaluator.evaluateGroup(g, open, invited);
  return {
    selection: { open: scope.problem.candidates.map((c) => open[c.index] === 1), invited: invited.sort((a, b) => a - b) },
    objective,
  };
}

function fits(
  scope: PlanModelScope,
  chosen: ProblemCandidate[],
  baseCost: number,
  baseBusy: ReadonlySet<string>,
  baseCount: number,
): boolean {
  if (baseCount + chosen.length < scope.problem.minOpened) return false;
  const cost = chosen.reduce((sum, c) => sum + c.cost, baseCost);
  if (!atMost(cost, scope.problem.budget)) return false;
  const busy = new Set(baseBusy);
  for (const c of chosen) {
    for (const key of slotKeys(c)) {
      if (busy.has(key)) return false;
      busy.add(key);
    }
  }
  return true;
}

function slotKeys(c: ProblemCandidate): string[] {
  return [`i${c.instructor}_${c.slot}`, `v${c.venue}_${c.slot}`];
}
