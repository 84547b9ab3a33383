import type { CandidateSession, LearnerCandidateScore, ServicePlanInput } from './plan-input.types';
import { PlanInfeasibleError } from './plan-infeasible.error';
import { ServicePlanSolver } from './service-plan.solver';

const solver = new ServicePlanSolver({ timeLimitSeconds: 20, mipRelGap: 0 });

function session(id: string, extra: Partial<CandidateSession> = {}): CandidateSession {
  return { id, topic: 'python', city: 'shanghai', slotId: 'sat-am', venueId: `venue-${id}`, capacity: 10, fixedCost: 100, instructorId: `teacher-${id}`, ...extra };
}

function scores(candidateId: string, learners: number, score = 0.8, attendProbability?: number): LearnerCandidateScore[] {
  return Array.from({ length: learners }, (_, i) => ({
    learnerId: `learner-${i}`,
    candidateId,
    score,
    ...(attendProbability === undefined ? {} : { attendProbability }),
  }));
}

function input(extra: Partial<ServicePlanInput>): ServicePlanInput {
  return { period: { start: '2026-03-01', end: '2026-03-31' }, candidates: [], scores: [], budget: 1000, minAttendance: 3, ...extra };
}

async function failure(plan: ServicePlanInput): Promise<PlanInfeasibleError> {
  try {
    await solver.solve(plan);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanInfeasibleError);
    return error as PlanInfeasibleError;
  }
  throw new Error('expected the plan to be infeasible');
}

describe('infeasible plans name the constraint that cannot be met', () => {
  it('minimum attendance that no candidate can reach', async () => {
    const error = await failure(
      input({ candidates: [session('a'), session('b')], scores: [...scores('a', 5, 0.9, 0.5), ...scores('b', 2)] }),
    );
    expect(error.constraint).toBe('min_attendance');
    expect(error.blockedCandidates.map((b) => b.candidateId)).toEqual(['a', 'b']);
    expect(error.message).toMatch(/expected attendance of at most 2\.5/);
  });

  it('a budget below the cheapest session', async () => {
    const error = await failure(
      input({ budget: 50, candidates: [session('a'), session('b', { fixedCost: 80 })], scores: [...scores('a', 5), ...scores('b', 5)] }),
    );
    expect(error.constraint).toBe('budget');
  });

  it('a budget below the cheapest sessions needed for the minimum number of sessions', async () => {
    const error = await failure(
      input({ budget: 150, minOpenedSessions: 2, candidates: [session('a'), session('b', { slotId: 'sun-am' })], scores: [...scores('a', 5), ...scores('b', 5)] }),
    );
    expect(error.constraint).toBe('budget');
    expect(error.relatedConstraints).toContain('min_opened_sessions');
  });

  it('no instructor available', async () => {
    const error = await failure(
      input({
        candidates: [session('a'), session('b', { slotId: 'sun-am' })],
        scores: [...scores('a', 5), ...scores('b', 5)],
        instructorAvailability: [
          { instructorId: 'teacher-a', unavailableSlotIds: ['sat-am'] },
          { instructorId: 'teacher-b', unavailableSlotIds: ['sun-am'] },
        ],
      }),
    );
    expect(error.constraint).toBe('instructor_availability');
  });

  it('capacity below the minimum attendance of a required session', async () => {
    const error = await failure(
      input({ candidates: [session('a', { capacity: 2, required: true }), session('b')], scores: [...scores('a', 5), ...scores('b', 5)] }),
    );
    expect(error.constraint).toBe('capacity');
    expect(error.candidateIds).toEqual(['a']);
    expect(error.relatedConstraints).toContain('required_session');
  });

  it('two required sessions with the same instructor in one slot', async () => {
    const error = await failure(
      input({
        candidates: [session('a', { required: true }), session('b', { required: true, instructorId: 'teacher-a' })],
        scores: [...scores('a', 5), ...scores('b', 5)],
      }),
    );
    expect(error.constraint).toBe('instructor_slot');
    expect(error.candidateIds).toEqual(['a', 'b']);
  });

  it('found by the solver: two required sessions in one slot competing for the same five learners', async () => {
    // Each can reach its minimum of 3 alone, but one invitation per learner per slot leaves 5 learners for 6 seats.
    const error = await failure(
      input({ candidates: [session('a', { required: true }), session('b', { required: true })], scores: [...scores('a', 5), ...scores('b', 5)] }),
    );
    expect(error.constraint).toBe('min_attendance');
    expect(error.relatedConstraints).toEqual(['min_attendance', 'learner_slot']);
  });

  it('found by the solver: two sessions needed, but they share an instructor in the same slot', async () => {
    const error = await failure(
      input({
        minOpenedSessions: 2,
        candidates: [session('a'), session('b', { instructorId: 'teacher-a' })],
        scores: [...scores('a', 5), ...scores('b', 5, 0.7).map((s, i) => ({ ...s, learnerId: `other-${i}` }))],
      }),
    );
    expect(error.constraint).toBe('instructor_slot');
    expect(error.relatedConstraints).toEqual(['instructor_slot', 'min_opened_sessions']);
  });
});
