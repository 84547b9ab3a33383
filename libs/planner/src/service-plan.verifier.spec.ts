import type { ServicePlanInput } from './plan-input.types';
import type { PlannedSession } from './service-plan.types';
import { verifyServicePlan } from './service-plan.verifier';

const input: ServicePlanInput = {
  period: { start: '2026-03-01', end: '2026-03-31' },
  budget: 150,
  minAttendance: 1,
  maxInvitationsPerLearner: 1,
  candidates: [
    { id: 'a', topic: 't', city: 'c', slotId: 's1', venueId: 'v1', capacity: 1, fixedCost: 100, instructorId: 'i1' },
    { id: 'b', topic: 't', city: 'c', slotId: 's1', venueId: 'v1', capacity: 2, fixedCost: 100, instructorId: 'i1' },
  ],
  scores: [
    { learnerId: 'l1', candidateId: 'a', score: 0.9 },
    { learnerId: 'l2', candidateId: 'a', score: 0.8 },
    { learnerId: 'l1', candidateId: 'b', score: 0.7 },
  ],
  instructorAvailability: [{ instructorId: 'i1', unavailableSlotIds: ['s1'] }],
};

function session(candidateId: string, learners: string[]): PlannedSession {
  const candidate = input.candidates.find((c) => c.id === candidateId) ?? { ...input.candidates[0], id: candidateId };
  return {
    candidateId,
    topic: candidate.topic,
    city: candidate.city,
    slotId: candidate.slotId,
    venueId: candidate.venueId,
    instructorId: candidate.instructorId,
    capacity: candidate.capacity,
    fixedCost: candidate.fixedCost,
    invitations: learners.map((learnerId) => ({ learnerId, score: 0, attendProbability: 1 })),
    expectedAttendance: learners.length,
    expectedSatisfaction: 0,
  };
}

describe('verifyServicePlan', () => {
  it('reports every violated constraint of an edited plan', () => {
    const violations = verifyServicePlan(input, {
      sessions: [session('a', ['l1', 'l2']), session('b', ['l1', 'l3']), session('ghost', [])],
    });
    const constraints = new Set(violations.map((v) => v.constraint));
    expect(constraints).toEqual(
      new Set([
        'eligibility',
        'capacity',
        'learner_slot',
        'learner_max_invitations',
        'instructor_slot',
        'venue_slot',
        'instructor_availability',
        'budget',
      ]),
    );
    expect(violations).toContainEqual(expect.objectContaining({ constraint: 'eligibility', learnerId: 'l3', candidateId: 'b' }));
    expect(violations).toContainEqual(expect.objectContaining({ constraint: 'capacity', candidateId: 'a' }));
  });

  it('accepts a feasible plan', () => {
    const relaxed = { ...input, instructorAvailability: [] };
    expect(verifyServicePlan(relaxed, { sessions: [session('a', ['l1'])] })).toEqual([]);
  });
});
