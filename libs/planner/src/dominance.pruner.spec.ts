import type { ServicePlanInput } from './plan-input.types';
import { pruneDominatedPairs } from './dominance.pruner';
import { buildPlanProblem } from './plan-problem.builder';

describe('pruneDominatedPairs', () => {
  it('drops a pair once more learners dominate it than could ever be unavailable', () => {
    // One session, one seat, alone in its slot: a pair is needed only while at most 1 learner dominates it.
    const learners: Array<[string, number, number]> = [
      ['best', 0.9, 0.9],
      ['second', 0.8, 0.8],
      ['third', 0.7, 0.7],
      ['fourth', 0.6, 0.6],
      ['likely', 0.5, 1],
    ];
    const input: ServicePlanInput = {
      period: { start: '2026-03-01', end: '2026-03-31' },
      budget: 10,
      minAttendance: 0,
      candidates: [{ id: 's', topic: 't', city: 'c', slotId: 'x', venueId: 'v', capacity: 1, fixedCost: 1, instructorId: 'i' }],
      scores: learners.map(([learnerId, score, attendProbability]) => ({ learnerId, candidateId: 's', score, attendProbability })),
    };
    const problem = buildPlanProblem(input);
    const scope = pruneDominatedPairs(problem, problem.candidates);
    const kept = scope.pairs.map((p) => problem.learnerIds[p.learner]).sort();
    // "third" has two dominators; "likely" has the highest attend probability, so nobody dominates it.
    expect(kept).toEqual(['best', 'likely', 'second']);
  });
});
