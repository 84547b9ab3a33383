import { SeededRandom } from '../random/seeded-random';
import { offlineLogit, sigmoid } from './hidden-preference-model';
import { DAY_MS, LearnerHistory } from './learner-history';
import { haversineKm } from './synthetic-catalog';
import type { LatentLearner } from './synthetic-population';
import type { SyntheticAttendance, SyntheticBooking, SyntheticRating, SyntheticSession } from './synthetic-world';

/** Nobody books a workshop further away than this (Berlin–Leipzig is ~150 km). */
const MAX_TRAVEL_KM = 160;

export interface OfflineOutcomes {
  bookings: SyntheticBooking[];
  attendance: SyntheticAttendance[];
  ratings: SyntheticRating[];
}

/**
 * Booking intents arrive at random times; each picks an upcoming session with free seats, preferring nearby
 * ones on topics the learner bought. Satisfaction is drawn from the hidden offline model with the learner's
 * features at booking time (when a planner would have suggested it); attendance and rating follow from it so
 * that "attended and rated ≥ 4" is exactly the drawn outcome.
 */
export function simulateOfflineBehaviour(
  rng: SeededRandom,
  learners: readonly LatentLearner[],
  sessions: readonly SyntheticSession[],
  histories: ReadonlyMap<string, LearnerHistory>,
  instructorQuality: Record<string, number>,
  bookingsPerLearner: number,
  window: { startMs: number; endMs: number },
  probabilities: Record<string, number>,
): OfflineOutcomes {
  const intents: { latent: LatentLearner; at: number }[] = [];
  for (const latent of learners) {
    const n = poisson(rng, bookingsPerLearner);
    for (let k = 0; k < n; k++) {
      intents.push({ latent, at: window.startMs + rng.next() * (window.endMs - window.startMs - 2 * DAY_MS) });
    }
  }
  intents.sort((a, b) => a.at - b.at);

  const seatsTaken = new Map<string, number>();
  const booked = new Set<string>();
  const out: OfflineOutcomes = { bookings: [], attendance: [], ratings: [] };
  for (const { latent, at } of intents) {
    const { learner } = latent;
    const history = histories.get(learner.id)!;
    const topics = history.topicsBefore(at);
    const candidates: SyntheticSession[] = [];
    const weights: number[] = [];
    for (const s of sessions) {
      const start = s.startsAt.getTime();
      if (start <= at + DAY_MS || start > at + 21 * DAY_MS) continue;
      if ((seatsTaken.get(s.id) ?? 0) >= s.capacity || booked.has(`${learner.id}|${s.id}`)) continue;
      const km = haversineKm(learner.homeLat, learner.homeLon, s.venueLat, s.venueLon);
      if (km > MAX_TRAVEL_KM) continue;
      const match = topics.length ? topics.filter((t) => t === s.topic).length / topics.length : 0;
      candidates.push(s);
      weights.push(Math.exp(-km / 20) * (0.2 + 2 * match));
    }
    if (candidates.length === 0) continue;
    const session = rng.weightedPick(candidates, weights);
    seatsTaken.set(session.id, (seatsTaken.get(session.id) ?? 0) + 1);
    booked.add(`${learner.id}|${session.id}`);

    const bookingId = `booking-${out.bookings.length + 1}`;
    const input = history.sessionInput(session, at);
    const hidden = { generosity: latent.generosity, instructorQuality: instructorQuality[session.instructorId] };
    const p = sigmoid(offlineLogit(input, hidden));
    probabilities[bookingId] = p;
    const satisfied = rng.bernoulli(p);
    const attended = satisfied || rng.bernoulli(0.6);
    const lowStars = () => rng.weightedPick([1, 2, 3], [0.2, 0.35, 0.45]);
    const stars = satisfied ? (rng.bernoulli(0.5) ? 5 : 4) : attended ? lowStars() : null;
    const start = session.startsAt.getTime();
    const ratedAt = start + session.durationMinutes * 60_000 + (1 + rng.next() * 47) * 3_600_000;
    const ids = { bookingId, learnerId: learner.id, sessionId: session.id };
    out.bookings.push({ id: bookingId, learnerId: learner.id, sessionId: session.id, bookedAt: new Date(at) });
    out.attendance.push({
      ...ids,
      attended,
      checkedInAt: attended ? new Date(start + rng.int(-15, 5) * 60_000) : null,
    });
    if (stars !== null) out.ratings.push({ ...ids, stars, ratedAt: new Date(ratedAt) });
    history.addOfflineOutcome({ sessionStart: start, attended, stars, ratedAt: stars === null ? null : ratedAt });
  }
  return out;
}

function poisson(rng: SeededRandom, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}
