import { findCandidateBlock } from './candidate-openability.checker';
import type { PlanConstraintName } from './plan-constraint.types';
import { BlockedCandidate, PlanInfeasibleError } from './plan-infeasible.error';
import type { PlanProblem, ProblemCandidate } from './plan-problem.types';
import { atMost } from './plan-tolerance.util';

/**
 * Cheap checks run before the solver so that the common impossible inputs get a precise error instead of an
 * opaque "infeasible". Returns the candidates that can be opened at all; the rest never enter the model.
 */
export function precheckFeasibility(problem: PlanProblem): ProblemCandidate[] {
  const blocked: BlockedCandidate[] = [];
  const openable: ProblemCandidate[] = [];
  for (const candidate of problem.candidates) {
    const block = findCandidateBlock(problem, candidate);
    if (block) blocked.push(block);
    else openable.push(candidate);
    if (block && candidate.required) {
      throw new PlanInfeasibleError(
        block.constraint,
        `Required candidate session "${block.candidateId}" cannot be opened: ${block.reason}.`,
        [block.candidateId],
        [block.constraint, 'required_session'],
        [block],
      );
    }
  }
  const required = openable.filter((c) => c.required);
  checkRequiredTogether(problem, required);
  checkEnoughSessions(problem, openable, blocked);
  checkCheapestWithinBudget(problem, openable, required);
  return openable;
}

function checkRequiredTogether(problem: PlanProblem, required: ProblemCandidate[]): void {
  const cost = required.reduce((sum, c) => sum + c.cost, 0);
  if (!atMost(cost, problem.budget)) {
    throw new PlanInfeasibleError(
      'budget',
      `The required candidate sessions cost ${cost} together, above the budget ${problem.budget}.`,
      required.map((c) => c.source.id),
      ['budget', 'required_session'],
    );
  }
  const clash = (constraint: PlanConstraintName, key: (c: ProblemCandidate) => string, what: string): void => {
    const seen = new Map<string, ProblemCandidate>();
    for (const candidate of required) {
      const other = seen.get(key(candidate));
      if (other) {
        throw new PlanInfeasibleError(
          constraint,
          `Required candidate sessions "${other.source.id}" and "${candidate.source.id}" share ${what} ` +
            `in slot "${candidate.source.slotId}".`,
          [other.source.id, candidate.source.id],
          [constraint, 'required_session'],
        );
      }
      seen.set(key(candidate), candidate);
    }
  };
  clash('instructor_slot', (c) => `${c.instructor}/${c.slot}`, 'an instructor');
  clash('venue_slot', (c) => `${c.venue}/${c.slot}`, 'a venue');
}

function checkEnoughSessions(problem: PlanProblem, openable: ProblemCandidate[], blocked: BlockedCandidate[]): void {
  if (openable.length >= problem.minOpened) return;
  const reasons = [...new Set(blocked.map((b) => b.constraint))];
  // When every blocked candidate fails the same way, that constraint is the one that cannot be met.
  const constraint = openable.length === 0 && reasons.length === 1 ? reasons[0] : 'min_opened_sessions';
  const detail = blocked.map((b) => `"${b.candidateId}": ${b.reason}`).join('; ');
  throw new PlanInfeasibleError(
    constraint,
    `At least ${problem.minOpened} session(s) must be opened but only ${openable.length} of ` +
      `${problem.candidates.length} candidate sessions can be: ${detail}.`,
    blocked.map((b) => b.candidateId),
    constraint === 'min_opened_sessions' ? ['min_opened_sessions', ...reasons] : [constraint, 'min_opened_sessions'],
    blocked,
  );
}

function checkCheapestWithinBudget(problem: PlanProblem, openable: ProblemCandidate[], required: ProblemCandidate[]): void {
  const missing = problem.minOpened - required.length;
  if (missing <= 0) return;
  const cheapest = openable
    .filter((c) => !c.required)
    .map((c) => c.cost)
    .sort((a, b) => a - b)
    .slice(0, missing);
  const cost = required.reduce((sum, c) => sum + c.cost, 0) + cheapest.reduce((sum, c) => sum + c, 0);
  if (!atMost(cost, problem.budget)) {
    throw new PlanInfeasibleError(
      'budget',
      `Opening the ${problem.minOpened} cheapest possible session(s) costs ${cost}, above the budget ${problem.budget}.`,
      [],
      ['budget', 'min_opened_sessions'],
    );
  }
}
