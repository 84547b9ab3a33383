import type { PlanProblem, PlanSelection } from './plan-problem.types';
import type { PlannedSession, PlanSolveStats, PlanStatus, ServicePlan } from './service-plan.types';

export interface PlanOutcome {
  selection: PlanSelection;
  status: PlanStatus;
  bestBound: number;
  solveSeconds: number;
  stats: PlanSolveStats;
}

/** Turns an index-form plan into the public ServicePlan with per-session and total figures. */
export function assembleServicePlan(problem: PlanProblem, outcome: PlanOutcome): ServicePlan {
  const selection = closeEmptySessions(problem, outcome.selection);
  const invitedBy = new Map<number, number[]>();
  for (const index of selection.invited) {
    const candidate = problem.pairs[index].candidate;
    const list = invitedBy.get(candidate);
    if (list) list.push(index);
    else invitedBy.set(candidate, [index]);
  }
  const sessions: PlannedSession[] = problem.candidates
    .filter((c) => selection.open[c.index])
    .map((c) => {
      const invitations = (invitedBy.get(c.index) ?? [])
        .map((index) => problem.pairs[index])
        .sort((a, b) => b.score - a.score || a.index - b.index)
        .map((pair) => ({
          learnerId: problem.learnerIds[pair.learner],
          score: pair.score,
          attendProbability: pair.probability,
        }));
      const { source } = c;
      return {
        candidateId: source.id,
        topic: source.topic,
        city: source.city,
        slotId: source.slotId,
        venueId: source.venueId,
        instructorId: source.instructorId,
        capacity: source.capacity,
        fixedCost: source.fixedCost,
        invitations,
        expectedAttendance: sum(invitations.map((i) => i.attendProbability)),
        expectedSatisfaction: sum(invitations.map((i) => i.score)),
      };
    });
  const objectiveValue = sum(sessions.map((s) => s.expectedSatisfaction));
  const bestBound = Math.max(outcome.bestBound, objectiveValue);
  return {
    period: { ...problem.input.period },
    status: outcome.status,
    sessions,
    totalCost: sum(sessions.map((s) => s.fixedCost)),
    expectedAttendance: sum(sessions.map((s) => s.expectedAttendance)),
    expectedSatisfaction: objectiveValue,
    objectiveValue,
    bestBound,
    gap: relativeGap(objectiveValue, bestBound),
    solveSeconds: outcome.solveSeconds,
    stats: outcome.stats,
  };
}

/** Same convention as HiGHS: (bound − objective) / |objective|, 0 when they agree to 1e-9. */
export function relativeGap(objective: number, bound: number): number {
  const difference = bound - objective;
  if (difference <= 1e-9 * Math.max(1, Math.abs(objective))) return 0;
  return objective > 0 ? difference / objective : Number.POSITIVE_INFINITY;
}

/**
 * A session opened without invitations adds cost and no satisfaction; the solver may leave one open when the
 * budget allows it (the objective does not see cost). Close it unless it is required or needed for the minimum
 * number of sessions.
 */
function closeEmptySessions(problem: PlanProblem, selection: PlanSelection): PlanSelection {
  const used = new Set(selection.invited.map((index) => problem.pairs[index].candidate));
  const open = [...selection.open];
  let opened = open.filter(Boolean).length;
  for (const candidate of problem.candidates) {
    if (opened <= problem.minOpened) break;
    if (open[candidate.index] && !used.has(candidate.index) && !candidate.required) {
      open[candidate.index] = false;
      opened--;
    }
  }
  return { open, invited: selection.invited };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
