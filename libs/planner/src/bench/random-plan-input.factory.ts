import type { CandidateSession, LearnerCandidateScore, ServicePlanInput } from '../plan-input.types';
import { SeededRandom } from '@o2o/model';

export interface RandomPlanInputOptions {
  seed: number;
  learners: number;
  candidates: number;
  slots: number;
  topics?: number;
  cities?: number;
  instructors?: number;
  venues?: number;
  /** Share of learner × candidate pairs that are eligible (scored); default 1. */
  eligibility?: number;
  capacity?: [min: number, max: number];
  cost?: [min: number, max: number];
  /** Budget as a share of the total cost of all candidates; default 0.5. */
  budgetShare?: number;
  minAttendance?: number;
  maxInvitationsPerLearner?: number;
  /** Give every pair an attend probability (else the minimum attendance counts invitations); default true. */
  attendProbabilities?: boolean;
  /** Round scores and probabilities to this many decimals (keeps brute-force comparisons exact); default 4. */
  decimals?: number;
  unavailableShare?: number;
  requiredCount?: number;
  minOpenedSessions?: number;
}

/**
 * Seeded random plan inputs with some structure: learners have topic affinities, sessions have a quality, and
 * the predicted satisfaction is their product plus noise. Slots, instructors and venues repeat so that the
 * instructor, venue and one-invitation-per-slot constraints actually bind.
 */
export function createRandomPlanInput(options: RandomPlanInputOptions): ServicePlanInput {
  const random = new SeededRandom(options.seed);
  const topics = options.topics ?? 6;
  const cities = options.cities ?? 3;
  const instructors = options.instructors ?? Math.max(1, Math.ceil(options.candidates / 4));
  const venues = options.venues ?? Math.max(1, Math.ceil(options.candidates / 5));
  const [capMin, capMax] = options.capacity ?? [20, 60];
  const [costMin, costMax] = options.cost ?? [1000, 3000];
  const factor = 10 ** (options.decimals ?? 4);
  const round = (value: number): number => Math.round(value * factor) / factor;

  const candidates: CandidateSession[] = [];
  for (let s = 0; s < options.candidates; s++) {
    candidates.push({
      id: `cand-${s}`,
      topic: `topic-${s % topics}`,
      city: `city-${random.int(0, cities - 1)}`,
      slotId: `slot-${s % options.slots}`,
      venueId: `venue-${random.int(0, venues - 1)}`,
      capacity: random.int(capMin, capMax),
      fixedCost: random.int(costMin, costMax),
      instructorId: `instructor-${random.int(0, instructors - 1)}`,
      ...(s < (options.requiredCount ?? 0) ? { required: true } : {}),
    });
  }
  const quality = candidates.map(() => 0.5 + 0.5 * random.next());
  const scores: LearnerCandidateScore[] = [];
  for (let i = 0; i < options.learners; i++) {
    const affinity = Array.from({ length: topics }, () => random.next());
    candidates.forEach((candidate, s) => {
      if (random.next() >= (options.eligibility ?? 1)) return;
      const noise = (random.next() - 0.5) * 0.2;
      const score = round(Math.min(1, Math.max(0, affinity[s % topics] * quality[s] + noise)));
      const entry: LearnerCandidateScore = { learnerId: `learner-${i}`, candidateId: candidate.id, score };
      if (options.attendProbabilities ?? true) entry.attendProbability = round(0.4 + 0.6 * random.next());
      scores.push(entry);
    });
  }
  const totalCost = candidates.reduce((sum, c) => sum + c.fixedCost, 0);
  const unavailable = candidates
    .filter(() => random.next() < (options.unavailableShare ?? 0))
    .map((c) => ({ instructorId: c.instructorId, unavailableSlotIds: [c.slotId] }));
  return {
    period: { start: '2026-03-01', end: '2026-03-31' },
    candidates,
    scores,
    budget: Math.round(totalCost * (options.budgetShare ?? 0.5)),
    minAttendance: options.minAttendance ?? 10,
    ...(options.maxInvitationsPerLearner === undefined ? {} : { maxInvitationsPerLearner: options.maxInvitationsPerLearner }),
    ...(options.minOpenedSessions === undefined ? {} : { minOpenedSessions: options.minOpenedSessions }),
    ...(unavailable.length > 0 ? { instructorAvailability: unavailable } : {}),
  };
}
