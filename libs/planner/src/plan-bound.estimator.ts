import type { PlanModelScope } from './plan-problem.types';

/**
 * A quick valid upper bound on the objective, used when the time limit stops HiGHS before it proves one (or to
 * tighten a weak one). It is the smaller of two relaxations:
 * - per learner: the best score in each slot, summed over their best `maxInvitations` slots (ignores capacity,
 *   budget and attendance);
 * - per session: the best `capacity` scores, as items of a fractional knapsack over the budget (ignores that a
 *   learner can be wanted by several sessions).
 */
export function estimateUpperBound(scope: PlanModelScope): number {
  return Math.min(learnerBound(scope), knapsackBound(scope));
}

function learnerBound(scope: PlanModelScope): number {
  const best = new Map<number, Map<number, number>>();
  for (const pair of scope.pairs) {
    const slot = scope.problem.candidates[pair.candidate].slot;
    let slots = best.get(pair.learner);
    if (!slots) best.set(pair.learner, (slots = new Map()));
    slots.set(slot, Math.max(slots.get(slot) ?? 0, pair.score));
  }
  let total = 0;
  for (const slots of best.values()) {
    const scores = [...slots.values()].sort((a, b) => b - a);
    const limit = Math.min(scores.length, scope.problem.maxInvitations);
    for (let i = 0; i < limit; i++) total += scores[i];
  }
  return total;
}

function knapsackBound(scope: PlanModelScope): number {
  const scores = new Map<number, number[]>(scope.candidates.map((c) => [c.index, []]));
  for (const pair of scope.pairs) scores.get(pair.candidate)!.push(pair.score);
  const items = scope.candidates.map((c) => {
    const top = scores.get(c.index)!.sort((a, b) => b - a).slice(0, c.capacity);
    return { value: top.reduce((sum, s) => sum + s, 0), cost: c.cost };
  });
  items.sort((a, b) => ratio(b) - ratio(a));
  let budget = scope.problem.budget;
  let total = 0;
  for (const item of items) {
    if (item.cost <= budget) {
      total += item.value;
      budget -= item.cost;
    } else {
      total += (item.value * budget) / item.cost;
      break;
    }
  }
  return total;
}

function ratio(item: { value: number; cost: number }): number {
  return item.cost > 0 ? item.value / item.cost : Number.POSITIVE_INFINITY;
}
