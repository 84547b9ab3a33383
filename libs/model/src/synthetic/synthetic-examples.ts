import { encodeExamples, TrainingExamples } from '../data/labelled-example';
import { FeatureEncoder } from '../features/feature-encoder';
import { LearnerHistory } from './learner-history';
import type { SyntheticExample, SyntheticWorld } from './synthetic-world';

/**
 * Rebuilds labelled examples from the world's plain records only (purchases, events, bookings, attendance,
 * ratings), the way a pipeline reading the seeded database would: one example per booking (offline head) and
 * one per online item visit (online head), features as of booking / visit start, sorted by outcome time.
 */
export function buildSyntheticExamples(world: SyntheticWorld): SyntheticExample[] {
  const histories = new Map(world.learners.map((l) => [l.id, new LearnerHistory(l)]));
  const courseTopic = new Map(world.courses.map((c) => [c.id, c.topic]));
  for (const p of world.purchases) {
    histories.get(p.learnerId)!.addPurchase(p.purchasedAt.getTime(), courseTopic.get(p.courseId)!);
  }
  for (const e of world.onlineEvents) histories.get(e.learnerId)!.addOnlineEvent(e);
  const sessions = new Map(world.sessions.map((s) => [s.id, s]));
  const attendance = new Map(world.attendance.map((a) => [a.bookingId, a]));
  const ratings = new Map(world.ratings.map((r) => [r.bookingId, r]));
  for (const b of world.bookings) {
    const rating = ratings.get(b.id);
    histories.get(b.learnerId)!.addOfflineOutcome({
      sessionStart: sessions.get(b.sessionId)!.startsAt.getTime(),
      attended: attendance.get(b.id)?.attended ?? false,
      stars: rating?.stars ?? null,
      ratedAt: rating ? rating.ratedAt.getTime() : null,
    });
  }

  const examples: SyntheticExample[] = [];
  for (const b of world.bookings) {
    const session = sessions.get(b.sessionId)!;
    const rating = ratings.get(b.id);
    const satisfied = (attendance.get(b.id)?.attended ?? false) && (rating?.stars ?? 0) >= 4;
    examples.push({
      input: histories.get(b.learnerId)!.sessionInput(session, b.bookedAt.getTime()),
      offlineLabel: satisfied ? 1 : 0,
      onlineLabel: null,
      timestamp: rating?.ratedAt.getTime() ?? session.startsAt.getTime() + session.durationMinutes * 60_000,
      trueProbability: world.truth.offlineProbability[b.id],
      learnerId: b.learnerId,
      sourceId: b.id,
    });
  }

  const items = new Map(world.onlineItems.map((i) => [i.id, i]));
  const visits = new Map<string, { start: number; doneAt: number; completed: boolean; stars: number }>();
  for (const e of world.onlineEvents) {
    const v = visits.get(e.visitId) ?? { start: 0, doneAt: 0, completed: false, stars: 0 };
    if (e.type === 'item_started') v.start = v.doneAt = e.at.getTime();
    if (e.type === 'item_completed') [v.completed, v.doneAt] = [true, e.at.getTime()];
    if (e.type === 'item_rated') v.stars = e.stars ?? 0;
    visits.set(e.visitId, v);
  }
  for (const e of world.onlineEvents) {
    if (e.type !== 'item_started') continue;
    const v = visits.get(e.id)!;
    examples.push({
      input: histories.get(e.learnerId)!.onlineItemInput(items.get(e.itemId)!, v.start),
      offlineLabel: null,
      onlineLabel: v.completed && v.stars >= 4 ? 1 : 0,
      timestamp: v.doneAt,
      trueProbability: world.truth.onlineProbability[e.id],
      learnerId: e.learnerId,
      sourceId: e.id,
    });
  }
  return examples.sort((a, b) => a.timestamp - b.timestamp);
}

/**
 * Encoded training examples for the whole world. Fits a new encoder unless one is given; for honest
 * held-out numbers use evaluateSatisfaction, which refits the encoder per training split.
 */
export function syntheticTrainingExamples(
  world: SyntheticWorld,
  encoder?: FeatureEncoder,
): { encoder: FeatureEncoder; examples: TrainingExamples; labelled: SyntheticExample[] } {
  const labelled = buildSyntheticExamples(world);
  const fitted = encoder ?? FeatureEncoder.fit(labelled.map((e) => e.input));
  return { encoder: fitted, examples: encodeExamples(fitted, labelled), labelled };
}
