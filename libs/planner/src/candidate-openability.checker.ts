import type { BlockedCandidate } from './plan-infeasible.error';
import type { PlanProblem, ProblemCandidate } from './plan-problem.types';
import { meetsAttendance } from './plan-tolerance.util';

/**
 * Says why a candidate can never be opened on its own, before any interaction with other candidates: this is
 * what turns "infeasible" into "the minimum attendance of X cannot be reached by its eligible learners".
 * Returns undefined when the candidate could be opened in isolation.
 */
export function findCandidateBlock(problem: PlanProblem, candidate: ProblemCandidate): BlockedCandidate | undefined {
  const candidateId = candidate.source.id;
  if (candidate.instructorUnavailable) {
    return {
      candidateId,
      constraint: 'instructor_availability',
      reason: `instructor "${candidate.source.instructorId}" is unavailable in slot "${candidate.source.slotId}"`,
    };
  }
  if (candidate.cost > problem.budget) {
    return {
      candidateId,
      constraint: 'budget',
      reason: `its fixed cost ${candidate.cost} exceeds the budget ${problem.budget}`,
    };
  }
  if (!meetsAttendance(candidate.capacity, candidate.minAttendance)) {
    return {
      candidateId,
      constraint: 'capacity',
      reason: `its capacity ${candidate.capacity} is below the minimum attendance ${candidate.minAttendance}`,
    };
  }
  const best = bestExpectedAttendance(problem, candidate);
  if (!meetsAttendance(best, candidate.minAttendance)) {
    return {
      candidateId,
      constraint: 'min_attendance',
      reason:
        `its ${candidate.pairs.length} eligible learners reach an expected attendance of at most ` +
        `${round(best)} within capacity ${candidate.capacity}, below the minimum ${candidate.minAttendance}`,
    };
  }
  return undefined;
}

/** The highest expected attendance the candidate can get: its `capacity` most likely eligible learners. */
function bestExpectedAttendance(problem: PlanProblem, candidate: ProblemCandidate): number {
  const probabilities = candidate.pairs.map((p) => problem.pairs[p].probability).sort((a, b) => b - a);
  let total = 0;
  for (let i = 0; i < Math.min(candidate.capacity, probabilities.length); i++) total += probabilities[i];
  return total;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
