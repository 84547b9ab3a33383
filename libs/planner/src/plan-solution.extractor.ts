import { inviteVariable, openVariable } from './lp-model.builder';
import type { EligiblePair, PlanModelScope, PlanSelection } from './plan-problem.types';

/** Values this close to 0 or 1 are HiGHS's rounding noise, not a fractional invitation. */
const INTEGRALITY_TOLERANCE = 1e-6;

export interface ExtractedSelection {
  selection: PlanSelection;
  /** Invitation variables strictly between 0 and 1; the selection leaves them out. */
  fractional: EligiblePair[];
}

/**
 * Reads a plan from HiGHS column values. Opening variables are integer in the model; invitation variables are
 * continuous and integral at the optimum whenever attend probabilities are all 1 (the constraint matrix is then
 * totally unimodular), but fractional probabilities in the attendance rows can leave a few fractional ones.
 */
export function extractSelection(scope: PlanModelScope, values: ReadonlyMap<string, number>): ExtractedSelection {
  const open = scope.problem.candidates.map(() => false);
  for (const candidate of scope.candidates) open[candidate.index] = (values.get(openVariable(candidate)) ?? 0) > 0.5;
  const invited: number[] = [];
  const fractional: EligiblePair[] = [];
  for (const pair of scope.pairs) {
    const value = values.get(inviteVariable(pair)) ?? 0;
    if (value <= INTEGRALITY_TOLERANCE || !open[pair.candidate]) continue;
    if (value >= 1 - INTEGRALITY_TOLERANCE) invited.push(pair.index);
    else fractional.push(pair);
  }
  return { selection: { open, invited }, fractional };
}
