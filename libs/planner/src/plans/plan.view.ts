import type { ServicePlanRecord } from './service-plan.entity';

/** A plan as the API returns it; invitations per session are included unless a list view asks otherwise. */
export function planView(p: ServicePlanRecord, withInvitations = true) {
  const result = p.result as { sessions?: Record<string, unknown>[]; stats?: unknown };
  const candidates = new Map(p.candidates.map((c) => [c.id, c]));
  const sessions = (result.sessions ?? []).map((s) => {
    const c = candidates.get(String(s.candidateId));
    const invitations = (s.invitations as unknown[]) ?? [];
    return {
      candidateId: s.candidateId, sessionId: p.createdSessions[String(s.candidateId)] ?? null, title: c?.title, topic: s.topic,
      city: s.city, startsAt: c?.startsAt, endsAt: c?.endsAt, slotId: s.slotId, venueId: c?.venueId ?? null,
      instructor: c?.instructor, capacity: s.capacity, cost: s.fixedCost, expectedAttendance: s.expectedAttendance,
      expectedSatisfaction: s.expectedSatisfaction, invitationCount: invitations.length,
      ...(withInvitations ? { invitations } : {}),
    };
  });
  return {
    id: p.id, status: p.status, period: { start: p.periodStart, end: p.periodEnd }, budget: p.budget,
    minAttendance: p.minAttendance, solverStatus: p.solverStatus, objectiveValue: p.objectiveValue, bestBound: p.bestBound,
    gap: p.gap, expectedAttendance: p.expectedAttendance, expectedSatisfaction: p.expectedSatisfaction, totalCost: p.totalCost,
    solveSeconds: p.solveSeconds, scoreSource: p.scoreSource, modelVersionId: p.modelVersionId,
    eligibleLearners: p.eligibleLearners, eligiblePairs: p.eligiblePairs, candidates: p.candidates.length,
    openedSessions: sessions.length, sessions, stats: result.stats, createdAt: p.createdAt, approvedAt: p.approvedAt,
  };
}
