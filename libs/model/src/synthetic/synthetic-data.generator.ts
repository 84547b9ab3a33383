import { SeededRandom } from '../random/seeded-random';
import { DAY_MS, LearnerHistory } from './learner-history';
import { simulateOfflineBehaviour } from './offline-behaviour.simulator';
import { simulateOnlineBehaviour } from './online-behaviour.simulator';
import { buildPopulation } from './synthetic-population';
import type { SyntheticWorld, SyntheticWorldOptions } from './synthetic-world';

/**
 * A seeded, self-consistent world of learners, courses, online activity and offline sessions whose outcomes
 * follow HIDDEN_PREFERENCE_MODEL. Same options and seed → identical world (ids, timestamps, outcomes).
 * Used to seed development databases and to prove the model can recover a known preference structure.
 */
export function generateSyntheticWorld(options: SyntheticWorldOptions = {}): SyntheticWorld {
  const seed = options.seed ?? 1;
  const learnerCount = options.learners ?? 1000;
  const days = options.days ?? 180;
  const start = options.start ?? new Date(Date.UTC(2024, 0, 1));
  const startMs = start.getTime();
  const endMs = startMs + days * DAY_MS;
  // Separate streams per stage so changing, say, the booking rate does not reshuffle the population.
  const population = buildPopulation(new SeededRandom(seed), {
    learners: learnerCount,
    sessions: options.sessions ?? Math.max(10, Math.round(learnerCount * 0.5)),
    coursesPerTopic: options.coursesPerTopic ?? 2,
    itemsPerCourse: options.itemsPerCourse ?? 6,
    onlineStartsPerWeek: options.onlineStartsPerWeek ?? 0.6,
    startMs,
    days,
  });

  const histories = new Map(population.learners.map((l) => [l.learner.id, new LearnerHistory(l.learner)]));
  for (const l of population.learners) {
    for (const p of l.purchases) histories.get(l.learner.id)!.addPurchase(p.at, p.course.topic);
  }
  const onlineProbability: Record<string, number> = {};
  const onlineEvents = simulateOnlineBehaviour(
    new SeededRandom(seed + 1),
    population.learners,
    population.onlineItems,
    histories,
    endMs,
    onlineProbability,
  );
  onlineEvents.sort((a, b) => a.at.getTime() - b.at.getTime());

  const offlineProbability: Record<string, number> = {};
  const offline = simulateOfflineBehaviour(
    new SeededRandom(seed + 2),
    population.learners,
    population.sessions,
    histories,
    population.instructorQuality,
    options.bookingsPerLearner ?? 5,
    { startMs, endMs },
    offlineProbability,
  );

  return {
    seed,
    start,
    end: new Date(endMs),
    learners: population.learners.map((l) => l.learner),
    courses: population.courses,
    purchases: population.purchases,
    onlineItems: population.onlineItems,
    onlineEvents,
    instructors: population.instructors,
    sessions: population.sessions,
    ...offline,
    truth: {
      learnerGenerosity: Object.fromEntries(population.learners.map((l) => [l.learner.id, l.generosity])),
      instructorQuality: population.instructorQuality,
      offlineProbability,
      onlineProbability,
    },
  };
}
