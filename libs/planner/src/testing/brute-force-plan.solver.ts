import type { LearnerCandidateScore, ServicePlanInput } from '../plan-input.types';

/**
 * Test oracle: the best objective of a tiny input by exhaustive enumeration, written straight from the problem
 * statement and sharing no code with the solver. Tries every set of opened candidates that passes the session
 * constraints, then every assignment of each learner to at most one opened eligible session per slot, with
 * integer invitations. Returns undefined when no plan is feasible. Only for a handful of candidates and learners.
 */
export function bruteForcePlanObjective(input: ServicePlanInput): number | undefined {
  const candidates = input.candidates;
  const unavailable = new Set(
    (input.instructorAvailability ?? []).flatMap((a) => a.unavailableSlotIds.map((slot) => `${a.instructorId}|${slot}`)),
  );
  const minOpened = input.minOpenedSessions ?? 1;
  const maxInvitations = input.maxInvitationsPerLearner ?? Number.POSITIVE_INFINITY;
  const learners = [...new Set(input.scores.map((s) => s.learnerId))];
  const slots = [...new Set(candidates.map((c) => c.slotId))];
  const byId = new Map(candidates.map((c) => [c.id, c]));
  let best: number | undefined;

  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const opened = candidates.filter((_, i) => mask & (1 << i));
    if (opened.length < minOpened) continue;
    if (candidates.some((c, i) => c.required && !(mask & (1 << i)))) continue;
    if (opened.reduce((sum, c) => sum + c.fixedCost, 0) > input.budget + 1e-9) continue;
    if (opened.some((c) => unavailable.has(`${c.instructorId}|${c.slotId}`))) continue;
    if (new Set(opened.map((c) => `${c.instructorId}|${c.slotId}`)).size < opened.length) continue;
    if (new Set(opened.map((c) => `${c.venueId}|${c.slotId}`)).size < opened.length) continue;
    const openIds = new Set(opened.map((c) => c.id));

    // One decision per learner × slot: none, or one eligible opened session of that slot.
    const decisions: LearnerCandidateScore[][] = [];
    for (const learner of learners) {
      for (const slot of slots) {
        const options = input.scores.filter(
          (s) => s.learnerId === learner && openIds.has(s.candidateId) && byId.get(s.candidateId)!.slotId === slot,
        );
        if (options.length > 0) decisions.push(options);
      }
    }
    const count = new Map<string, number>();
    const attendance = new Map<string, number>();
    const perLearner = new Map<string, number>();
    const search = (d: number, value: number): void => {
      if (d === decisions.length) {
        const ok = opened.every((c) => (attendance.get(c.id) ?? 0) >= (c.minAttendance ?? input.minAttendance) - 1e-9);
        if (ok && (best === undefined || value > best)) best = value;
        return;
      }
      search(d + 1, value);
      for (const option of decisions[d]) {
        const candidate = byId.get(option.candidateId)!;
        if ((count.get(candidate.id) ?? 0) >= candidate.capacity) continue;
        if ((perLearner.get(option.learnerId) ?? 0) >= maxInvitations) continue;
        const p = option.attendProbability ?? 1;
        count.set(candidate.id, (count.get(candidate.id) ?? 0) + 1);
        attendance.set(candidate.id, (attendance.get(candidate.id) ?? 0) + p);
        perLearner.set(option.learnerId, (perLearner.get(option.learnerId) ?? 0) + 1);
        search(d + 1, value + option.score);
        count.set(candidate.id, count.get(candidate.id)! - 1);
        attendance.set(candidate.id, attendance.get(candidate.id)! - p);
        perLearner.set(option.learnerId, perLearner.get(option.learnerId)! - 1);
      }
    };
    search(0, 0);
  }
  return best;
}
