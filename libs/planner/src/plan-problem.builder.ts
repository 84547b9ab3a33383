import type { ServicePlanInput } from './plan-input.types';
import type { EligiblePair, PlanProblem, ProblemCandidate } from './plan-problem.types';

/** Turns a validated input into the index-based PlanProblem. */
export function buildPlanProblem(input: ServicePlanInput): PlanProblem {
  const slots = new Interner();
  const venues = new Interner();
  const instructors = new Interner();
  const learners = new Interner();
  const unavailable = new Set<string>();
  for (const entry of input.instructorAvailability ?? []) {
    for (const slot of entry.unavailableSlotIds) unavailable.add(JSON.stringify([entry.instructorId, slot]));
  }

  const candidateIndex = new Map<string, number>();
  const candidates: ProblemCandidate[] = input.candidates.map((source, index) => {
    candidateIndex.set(source.id, index);
    return {
      index,
      source,
      slot: slots.id(source.slotId),
      venue: venues.id(source.venueId),
      instructor: instructors.id(source.instructorId),
      capacity: source.capacity,
      cost: source.fixedCost,
      minAttendance: source.minAttendance ?? input.minAttendance,
      required: source.required === true,
      instructorUnavailable: unavailable.has(JSON.stringify([source.instructorId, source.slotId])),
      pairs: [],
    };
  });

  const pairs: EligiblePair[] = input.scores.map((entry, index) => ({
    index,
    learner: learners.id(entry.learnerId),
    candidate: candidateIndex.get(entry.candidateId)!,
    score: entry.score,
    probability: entry.attendProbability ?? 1,
  }));
  for (const pair of pairs) candidates[pair.candidate].pairs.push(pair.index);
  for (const candidate of candidates) {
    candidate.pairs.sort((a, b) => comparePairs(pairs[a], pairs[b]));
  }

  return {
    input,
    candidates,
    pairs,
    learnerIds: learners.values,
    slotIds: slots.values,
    budget: input.budget,
    maxInvitations: input.maxInvitationsPerLearner ?? Number.POSITIVE_INFINITY,
    minOpened: input.minOpenedSessions ?? 1,
  };
}

/** Total order used everywhere a "better learner for this session" is needed; deterministic on ties. */
export function comparePairs(a: EligiblePair, b: EligiblePair): number {
  return b.score - a.score || b.probability - a.probability || a.index - b.index;
}

class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}
